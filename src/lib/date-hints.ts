/**
 * The front-matter date an editor meant, when it is written another way than AAAA-MM-JJ[THH:MM]:
 * the French way (« 12/10/2020 », « 12 octobre 2020 », « 14h30 »), or with one-digit numbers
 * (« 2026-11-20T4:20 »). Only for the build's message: the site never guesses a date it publishes.
 */
import { daysInMonth, frenchMonth } from "./dates.ts";
import { withoutAccents } from "./slug.ts";

/** The month names as compared: « fevrier », « aout », « decembre » (dates.ts names them). */
const MONTHS = Array.from({ length: 12 }, (_, i) => withoutAccents(frenchMonth(i + 1)));
const pad = (n: string): string => n.padStart(2, "0");

/** The day: « 2020-1-5 », « 12/10/2020 », « 12.10.2020 », « 1er octobre 2020 »; the rest of the text. */
function dayOf(text: string): { day: string; rest: string } | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(text);
  if (iso !== null)
    return { day: `${iso[1] ?? ""}-${pad(iso[2] ?? "")}-${pad(iso[3] ?? "")}`, rest: text.slice(iso[0].length) };
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/.exec(text);
  if (french !== null) {
    return {
      day: `${french[3] ?? ""}-${pad(french[2] ?? "")}-${pad(french[1] ?? "")}`,
      rest: text.slice(french[0].length),
    };
  }
  const words = /^(?:[a-z]+\.? )?(\d{1,2})(?:er)? ([a-z]+)\.? (\d{4})(?!\d)/.exec(withoutAccents(text).toLowerCase());
  const month =
    words === null ? -1 : MONTHS.findIndex((name) => name.startsWith(words[2] ?? "-") && (words[2] ?? "").length >= 3);
  if (words === null || month === -1) return undefined;
  return {
    day: `${words[3] ?? ""}-${pad(String(month + 1))}-${pad(words[1] ?? "")}`,
    rest: text.slice(words[0].length),
  };
}

/** The time after the day: « T4:20 », « 14h30 », « à 14 h », « 14:30:00 »; "" for none, undefined when unreadable. */
function timeOf(rest: string): string | undefined {
  if (rest.trim() === "") return "";
  const time = /^(?:T|\s+(?:à\s+)?|\s*,\s*)(\d{1,2})\s*(?:[:h]\s*(\d{2})?|\s*h)(?::\d{2})?\s*$/i.exec(rest);
  if (time === null) return undefined;
  return `T${pad(time[1] ?? "")}:${time[2] ?? "00"}`;
}

/** The date written as the front matter wants it ("2020-10-12", "2026-11-20T04:20"), or undefined. */
export function meantDate(value: string): string | undefined {
  const text = value.trim();
  const day = dayOf(text);
  const time = day === undefined ? undefined : timeOf(day.rest);
  if (day === undefined || time === undefined) return undefined;
  const meant = `${day.day}${time}`;
  return meant === text ? undefined : meant;
}

/**
 * Why a date written as the field wants it (AAAA-MM-JJ[THH:MM]) is impossible: « novembre 2026 n’a que 30 jours »,
 * « il n’y a que 12 mois », an hour past 23:59; undefined when it is not of that shape or not impossible.
 */
export function impossibleDateReason(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (m === null) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) return `il n’y a pas de mois ${m[2] ?? ""} : les mois vont de 01 à 12`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    const leap = month === 2 && days === 28 && day === 29 ? ` (${String(year)} n’est pas bissextile)` : "";
    return day < 1
      ? "les jours commencent à 01"
      : `${frenchMonth(month)} ${String(year)} n’a que ${String(days)} jours${leap}`;
  }
  if (hour > 23 || minute > 59) return "l’heure va de 00:00 à 23:59";
  return undefined;
}
