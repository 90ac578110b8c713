/** The site's settings set in a French sentence. */
import { SITE } from "../config.ts";

/** A setting's words at the start of a sentence: « chaque semaine » → « Chaque semaine ». */
export function sentenceStart(text: string): string {
  return text.charAt(0).toLocaleUpperCase(SITE.locale) + text.slice(1);
}
