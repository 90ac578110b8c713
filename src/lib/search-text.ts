/**
 * Text crossing Pagefind. Pagefind 1.6 splits words on ASCII punctuation only: "l’Arcep" is not
 * found by "Arcep", and "d’autre" is indexed so that a search for "autre" lands on every "a" and
 * "à" (measured in Chromium on a three-page index; with a straight apostrophe both work). French
 * text is full of l’, d’, qu’: the index gets a straight apostrophe wherever one joins two letters,
 * and what the search page shows gets it back curly. Quotes and code ("print('x')") keep theirs.
 */

const CURLY = "\u2019";
const JOINING_CURLY = /(?<=\p{L})\u2019(?=\p{L})/gu;
const JOINING_STRAIGHT = /(?<=\p{L})'(?=\p{L})/gu;

/** Text as Pagefind should read it (the text of a page, or a filter's value). */
export function forSearchIndex(text: string): string {
  return text.replace(JOINING_CURLY, "'");
}

/** Text of a search result (title, excerpt, metadata) as readers see it. */
export function fromSearchIndex(text: string): string {
  return text.replace(JOINING_STRAIGHT, CURLY);
}

/**
 * An article page as Pagefind should read it: apostrophes as above, and without its inline
 * styles (a third of the page), which Pagefind would parse only to skip.
 */
export function pageForSearchIndex(html: string): string {
  return forSearchIndex(html.replace(/<style\b[^>]*>[^<]*<\/style>/g, ""));
}
