/** The site's settings set in a French sentence. */
import { CATEGORIES, SITE } from "../config.ts";

const listFormat = new Intl.ListFormat(SITE.locale, { style: "long", type: "conjunction" });

/** « a, b et c »: items listed in a sentence, the last one after « et ». */
export function frenchList(items: readonly string[]): string {
  return listFormat.format(items);
}

/** A setting's words at the start of a sentence: « chaque semaine » → « Chaque semaine ». */
export function sentenceStart(text: string): string {
  return text.charAt(0).toLocaleUpperCase(SITE.locale) + text.slice(1);
}

/** Every section of src/config.ts in a sentence, lower-cased: « international, économie, … et réseaux sociaux ». */
export function categoriesInText(): string {
  return frenchList(CATEGORIES.map((c) => c.label.toLocaleLowerCase(SITE.locale)));
}
