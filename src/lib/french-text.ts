/** The site's settings set in a French sentence. */
import { CATEGORIES, SITE } from "../config.ts";

const listFormat = new Intl.ListFormat(SITE.locale, { style: "long", type: "conjunction" });

/** « a, b et c »: items listed in a sentence, the last one after « et ». */
export function frenchList(items: readonly string[]): string {
  return listFormat.format(items);
}

// In plain code, which the search page's script can import too.
export { agree, sentenceStart } from "./french-grammar.ts";

/** Every section of src/config.ts in a sentence, lower-cased: « international, économie, … et réseaux sociaux ». */
export function categoriesInText(): string {
  return frenchList(CATEGORIES.map((c) => c.label.toLocaleLowerCase(SITE.locale)));
}
