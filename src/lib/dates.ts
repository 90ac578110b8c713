/**
 * Dates in one place. Every formatter carries an explicit Paris zone: without it the day
 * printed, grouped or archived would depend on the build machine's zone.
 */
import { SITE } from "../config.ts";
import { sentenceStart } from "./french-grammar.ts";

const zone = SITE.timeZone;

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: zone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
const monthFormatter = new Intl.DateTimeFormat(SITE.locale, { timeZone: "UTC", month: "long" });
const weekdayFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short" });
const monthShortEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Wall-clock fields of an instant in Paris. */
export interface ParisParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Instants already split: a build asks for the same few thousand dates again and again. */
const partsCache = new Map<number, Readonly<ParisParts>>();

/** The wall-clock fields (year, month 1–12, day, time) of an instant, in Paris. */
function parisParts(date: Date): ParisParts {
  const time = date.getTime();
  const known = partsCache.get(time);
  if (known !== undefined) return { ...known };
  if (partsCache.size >= 100_000) partsCache.clear();
  const parts = computeParisParts(date);
  partsCache.set(time, parts);
  return { ...parts };
}

function computeParisParts(date: Date): ParisParts {
  const parts = partsFormatter.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Minutes to add to UTC to get Paris wall-clock time at this instant (60 or 120). */
function parisOffsetMinutes(date: Date): number {
  const p = parisParts(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const sameWallClock = (a: ParisParts, b: ParisParts): boolean =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute &&
  a.second === b.second;

/**
 * The first instant at which Paris clocks show this wall-clock time (02:30 on the night summer time
 * ends happens twice: the summer one), or undefined in the hour clocks skip when it begins.
 */
function fromParisWallClock(p: ParisParts): Date | undefined {
  const guess = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  let instant = guess - parisOffsetMinutes(new Date(guess)) * 60_000;
  // Near a DST change the offset at the guess can differ from the offset at the answer.
  instant = guess - parisOffsetMinutes(new Date(instant)) * 60_000;
  if (!sameWallClock(parisParts(new Date(instant)), p)) return undefined;
  const hourEarlier = new Date(instant - 3_600_000);
  return sameWallClock(parisParts(hourEarlier), p) ? hourEarlier : new Date(instant);
}

const dateTimeRe = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether `day` `month` `year` is on the calendar (not 30 February, nor a 13th month). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The days of a month (1 to 12): its last day, the day 0 of the next. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type WallClock = ParisParts & { offset: string | undefined };

/** The fields of a front-matter date as written, or undefined when malformed or impossible (2021-02-29). */
function wallClockOf(value: string): WallClock | undefined {
  const m = dateTimeRe.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(year, month, day)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second, offset: m[7] };
}

/**
 * Reads a front-matter date: "2020-10-12", "2020-10-12T08:30" (both Paris time) or a value
 * with an explicit offset. Returns undefined for anything malformed or impossible (2021-02-29),
 * and for a Paris time that never happens (see skippedParisTime).
 */
export function parseParisDate(value: string): Date | undefined {
  const wallClock = wallClockOf(value);
  if (wallClock === undefined) return undefined;
  const { year, month, day, hour, minute, second, offset } = wallClock;
  if (offset === undefined) return fromParisWallClock(wallClock);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (offset === "Z") return new Date(utc);
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return new Date(utc - sign * minutes * 60_000);
}

/**
 * For a front-matter date naming a Paris time that clocks skip (2026-03-29T02:30, when summer time
 * begins), the time an hour later that they do show ("2026-03-29T03:30"); undefined for any other value.
 */
export function skippedParisTime(value: string): string | undefined {
  const wallClock = wallClockOf(value);
  if (wallClock === undefined || wallClock.offset !== undefined) return undefined;
  if (fromParisWallClock(wallClock) !== undefined) return undefined;
  const hourLater = fromParisWallClock({ ...wallClock, hour: wallClock.hour + 1 });
  return hourLater === undefined ? undefined : frontMatterDate(hourLater);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** French day-of-month: "1er" for the first, the plain number otherwise. */
function frenchDay(day: number): string {
  return day === 1 ? "1er" : String(day);
}

// The twelve names, formatted once: listings ask for them tens of thousands of times a build.
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => monthFormatter.format(new Date(Date.UTC(2000, i, 1))));

/** French month name, lower case ("octobre"), for a month 1–12. */
export function frenchMonth(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`mois impossible : ${String(month)}`);
  return name;
}

/** A day and its month, which French keeps on one line (no-break space): "12\u00a0octobre", "1er\u00a0octobre". */
export function formatDayMonth(day: number, month: number): string {
  return `${frenchDay(day)}\u00a0${frenchMonth(month)}`;
}

/** Display date in Paris: "12\u00a0octobre 2020", "1er\u00a0octobre 2020". */
export function formatDate(date: Date): string {
  const p = parisParts(date);
  return formatDayHeading(p.year, p.month, p.day);
}

/** Date and time in Paris: "1er\u00a0décembre 2026 à 8\u00a0h", "12\u00a0octobre 2020 à 14\u00a0h\u00a005". */
export function formatDateTime(date: Date): string {
  const p = parisParts(date);
  return `${formatDate(date)} à ${String(p.hour)}\u00a0h${p.minute === 0 ? "" : `\u00a0${pad(p.minute)}`}`;
}

/**
 * An article's date as its page shows it: with its time when the front matter gave one (« 1er\u00a0décembre 2026
 * à 4\u00a0h\u00a020 », breaking news), the day alone for a date written without (read as midnight).
 */
export function formatPublished(date: Date): string {
  const p = parisParts(date);
  return p.hour === 0 && p.minute === 0 ? formatDate(date) : formatDateTime(date);
}

/** Heading of a month archive: "Octobre 2020". */
export function formatMonthHeading(year: number, month: number): string {
  return `${sentenceStart(frenchMonth(month))} ${year}`;
}

/** A month after "de", elided before a vowel: "d’octobre 2020", "de mars 2020". */
export function ofMonth(year: number, month: number): string {
  const name = frenchMonth(month);
  return `${/^[aeiou]/.test(name) ? "d’" : "de "}${name} ${year}`;
}

/** Heading of a day archive, and any date: "12\u00a0octobre 2020", "1er\u00a0octobre 2020". */
export function formatDayHeading(year: number, month: number, day: number): string {
  return `${formatDayMonth(day, month)} ${year}`;
}

/** Value for `<time datetime>`: ISO 8601 with the Paris offset ("2020-10-12T00:00:00+02:00"). */
export function isoDateTime(date: Date): string {
  const p = parisParts(date);
  const offset = parisOffsetMinutes(date);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A front matter's date, to the minute in Paris time, as parseParisDate reads it: "2020-10-12T08:30". */
export function frontMatterDate(date: Date): string {
  const p = parisParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Archive path parts of an instant in Paris: { year: "2020", month: "10", day: "12" }. */
export function archiveParts(date: Date): { year: string; month: string; day: string } {
  const p = parisParts(date);
  return { year: String(p.year), month: pad(p.month), day: pad(p.day) };
}

/** RFC 822 date for RSS, in Paris time with its offset: "Mon, 12 Oct 2020 00:00:00 +0200". */
export function rfc822(date: Date): string {
  const p = parisParts(date);
  const offset = parisOffsetMinutes(date);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const weekday = weekdayFormatter.format(date);
  return `${weekday}, ${pad(p.day)} ${monthShortEn[p.month - 1] ?? ""} ${p.year} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}
