/**
 * Text crossing Pagefind. Pagefind 1.6 misreads the typographic apostrophe: "l’Arcep" is not
 * found by "Arcep", and "d’autre" is indexed so that a search for "autre" lands on every "a" and
 * "à" (measured in Chromium on a three-page index; with a straight apostrophe both work). French
 * text is full of l’, d’, qu’: the index is given straight apostrophes, and what the search page
 * shows gets them back curly.
 */

const CURLY = "\u2019";

/** HTML of a page as Pagefind should read it. */
export function forSearchIndex(html: string): string {
  return html.replaceAll(CURLY, "'");
}

/**
 * Text of a search result (title, excerpt) as readers see it. Typography leaves no straight
 * apostrophe in prose, so each one came from forSearchIndex.
 */
export function fromSearchIndex(text: string): string {
  return text.replaceAll("'", CURLY);
}
