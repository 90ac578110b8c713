/** Links between date archives: the siblings of a year, a month or a day that have articles. */
import type { Archive } from "./listings.ts";
import { formatDayMonth, frenchMonth } from "./dates.ts";
import { dayUrl, monthUrl, yearUrl } from "./urls.ts";

/** A link to an archive page, with how many articles it lists. */
export interface ArchiveLink {
  label: string;
  href: string;
  current: boolean;
  count: number;
}

const total = <T>(lists: Iterable<T[]>): number => [...lists].reduce((n, list) => n + list.length, 0);

/** Every year that has articles, newest first. */
export function yearLinks<T>(archive: Archive<T>, current?: string): ArchiveLink[] {
  return [...archive].map(([year, months]) => ({
    label: year,
    href: yearUrl(year),
    current: year === current,
    count: [...months.values()].reduce((n, days) => n + total(days.values()), 0),
  }));
}

/** The months of `year` that have articles, newest first: "octobre". */
export function monthLinks<T>(archive: Archive<T>, year: string, current?: string): ArchiveLink[] {
  return [...(archive.get(year) ?? [])].map(([month, days]) => ({
    label: frenchMonth(Number(month)),
    href: monthUrl(year, month),
    current: month === current,
    count: total(days.values()),
  }));
}

/** A month on its year's page: its newest articles, how many it has, its page. */
export interface MonthPreview<T> {
  month: string;
  href: string;
  newest: T[];
  count: number;
}

/**
 * A year's page, month by month, newest first: each month's `perMonth` newest articles, so the page
 * stays the same size however many articles the year has (a year of 1,000 cards would weigh ~1 MB).
 */
export function yearPreview<T>(archive: Archive<T>, year: string, perMonth: number): MonthPreview<T>[] {
  return [...(archive.get(year) ?? [])].map(([month, days]) => {
    const articles = [...days.values()].flat();
    return { month, href: monthUrl(year, month), newest: articles.slice(0, perMonth), count: articles.length };
  });
}

/** The days of a month that have articles, newest first: "12 octobre". */
export function dayLinks<T>(archive: Archive<T>, year: string, month: string, current?: string): ArchiveLink[] {
  return [...(archive.get(year)?.get(month) ?? [])].map(([day, articles]) => ({
    label: formatDayMonth(Number(day), Number(month)),
    href: dayUrl(year, month, day),
    current: day === current,
    count: articles.length,
  }));
}
