/**
 * French capitals. Plain code, like french-numbers.ts: the search page's script uses it, and
 * importing config.ts would put the site's settings in that script.
 */

/** Words at the start of a sentence: « chaque semaine » → « Chaque semaine », « économie » → « Économie ». */
export function sentenceStart(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}
