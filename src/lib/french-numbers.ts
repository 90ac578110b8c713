/**
 * Numbers as a French reader writes them: thousands grouped by a narrow no-break space
 * (« 1 234 »), a decimal comma (« 0,5 »), and a count's noun singular below two
 * (« 0 article », « 1 article », « 2 articles »). Plain code: the search page's script uses it too,
 * which is why "fr-FR" is written here rather than read from SITE.locale: importing config.ts would put
 * the whole SITE object and its process.env reads in that script (tests/unit/locale.test.ts checks that
 * both locales write numbers alike).
 */
import { agree } from "./french-grammar.ts";

// One formatter per number of decimals, made once: toLocaleString builds a new one at each call (~30 µs), and
// a build writes ~30 counts on each of its thousands of day archive pages.
const formats = new Map<number, Intl.NumberFormat>();

export function frenchNumber(n: number, fractionDigits = 0): string {
  let format = formats.get(fractionDigits);
  if (format === undefined) {
    format = new Intl.NumberFormat("fr-FR", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formats.set(fractionDigits, format);
  }
  return format.format(n);
}

/** « 1 article », « 3 879 articles », on one line (no-break space) : `plural` defaults to `singular` + s. */
export function frenchCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${frenchNumber(n)}\u00a0${agree(n, singular, plural)}`;
}

/**
 * A count that starts a sentence: « Un titre porté », « Une étiquette écrite » for one (a figure alone does not open a
 * French sentence), « 3 titres portés » otherwise. Callers say nothing when there are none.
 */
export function countAtStart(n: number, singular: string, plural: string, gender: "m" | "f" = "m"): string {
  return n === 1 ? `${gender === "f" ? "Une" : "Un"} ${singular}` : frenchCount(n, singular, plural);
}
