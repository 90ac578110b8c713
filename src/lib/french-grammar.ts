/**
 * French agreement and capitals. Plain code, like french-numbers.ts: the search page's script uses it, and
 * importing config.ts would put the site's settings in that script.
 */

/** Words at the start of a sentence: « chaque semaine » → « Chaque semaine », « économie » → « Économie ». */
export function sentenceStart(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}

/**
 * A word agreeing with a count: singular for 0 and 1, as French writes it (« 0 inscription effacée »,
 * « 1 article », « 2 articles »); `plural` defaults to `singular` + s.
 */
export function agree(count: number, singular: string, plural = `${singular}s`): string {
  return Math.abs(count) < 2 ? singular : plural;
}
