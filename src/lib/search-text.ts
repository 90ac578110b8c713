/**
 * Text crossing Pagefind. Pagefind 1.6 splits words on ASCII punctuation only: "l’Arcep" is not
 * found by "Arcep", and "d’autre" is indexed so that a search for "autre" lands on every "a" and
 * "à" (measured in Chromium on a three-page index; with a straight apostrophe both work). French
 * text is full of l’, d’, qu’: the index gets a straight apostrophe wherever one joins two letters,
 * and what the search page shows gets it back curly. Quotes and code ("print('x')") keep theirs.
 * Also the sentences the search page shows about a search (searchSummary). Plain code: the search
 * page's script imports it.
 */
import { sentenceStart } from "./french-grammar.ts";
import { frenchCount, frenchNumber } from "./french-numbers.ts";
import { inGuillemets } from "./french-spacing.ts";
import type { SearchRequest } from "./search-urls.ts";

const CURLY = "\u2019";
const LETTER = /^\p{L}$/u;
// Each starts with the apostrophe itself, so the engine skips straight to the next one (a lookbehind
// first tried at every character: 4 s over 10,000 pages); the letter before is checked by hand.
const CURLY_BEFORE_LETTER = /\u2019(?=\p{L})/gu;
const STRAIGHT_BEFORE_LETTER = /'(?=\p{L})/gu;

const afterLetter =
  (replacement: string) =>
  (match: string, offset: number, text: string): string =>
    LETTER.test(text.charAt(offset - 1)) ? replacement : match;

/** Text as Pagefind should read it (the text of a page, or a filter's value). */
export function forSearchIndex(text: string): string {
  return text.replace(CURLY_BEFORE_LETTER, afterLetter("'"));
}

/** Text of a search result (title, excerpt, metadata) as readers see it. */
export function fromSearchIndex(text: string): string {
  return text.replace(STRAIGHT_BEFORE_LETTER, afterLetter(CURLY));
}

/**
 * An article page as Pagefind should read it: apostrophes as above, and without its inline
 * styles (a third of the page), which Pagefind would parse only to skip.
 */
export function pageForSearchIndex(html: string): string {
  let kept = "";
  let from = 0;
  for (let start = html.indexOf("<style", from); start !== -1; start = html.indexOf("<style", from)) {
    const end = html.indexOf("</style>", start);
    if (end === -1) break;
    kept += html.slice(from, start);
    from = end + "</style>".length;
  }
  return forSearchIndex(kept + html.slice(from));
}

/** The index's copy of an article page, by its path under articles/: "<slug>/index.html" → "<slug>.html". */
export function indexCopyPath(page: string): string {
  return page.replace(/\/index\.html$/, ".html");
}

/** The page a search result stands for: Pagefind gives the copy's address, "/articles/<slug>.html". */
export function pageUrlFromIndex(url: string): string {
  return url.replace(/\.html$/, "/");
}

/**
 * The ragged edges of an excerpt cut mid-sentence: punctuation left at its start once the word
 * before it was cut (« … ? Plusieurs ») and an opening « left at its end (« … Tencent « … »).
 */
export function trimExcerptStart(text: string): string {
  return text.replace(/^… [:;!?,.»)]+ /, "… ");
}
export function trimExcerptEnd(text: string): string {
  return text.replace(/ [«(]\s*…$/, " …");
}

/**
 * The « an excerpt cut inside a quotation leaves open (« Selon l’Arcep, « la hausse … »), to close after its ellipsis,
 * as a quotation cut short is written: how many.
 */
export function unclosedQuotes(excerpt: string): number {
  let open = 0;
  for (const mark of excerpt.matchAll(/[«»]/gu)) open = mark[0] === "«" ? open + 1 : Math.max(0, open - 1);
  return open;
}

const SPELLING = "Vérifiez l’orthographe, ou essayez un autre mot.";

/** What the search page says about a search, as the reader sees it. */
export interface SearchSummary {
  /** The search, named before the page's own title: "« Tencent » (rubrique Tech)", "Rubrique Tech, année 2025". */
  title: string;
  /**
   * The count once the index has answered: "3 résultats pour « Tencent »", "Aucun article (année 2025).";
   * `missing`, the words the index does not hold (search-match.ts), for none.
   */
  found: (total: number, missing?: readonly string[]) => string;
  /** The count after « Afficher plus »: "20 résultats affichés sur 63 pour « Tencent »". */
  shown: (shown: number, total: number) => string;
  /** The button that shows the next results: « Afficher plus de résultats », or « d’articles » for a list. */
  more: string;
}

/**
 * The sentences of a search (its words trimmed): with words, its results; with only a section or a year,
 * their articles, newest first; undefined for an empty form, which shows nothing.
 */
export function searchSummary({ q, rubrique, annee, tri }: SearchRequest): SearchSummary | undefined {
  // The filters set: what the count is about, and where else to look.
  const filters = [
    { value: rubrique, within: `rubrique ${rubrique}`, everywhere: "toutes les rubriques" },
    { value: annee, within: `année ${annee}`, everywhere: "toutes les années" },
  ].filter((filter) => filter.value !== "");
  const within = filters.map((filter) => filter.within);
  // " (rubrique Économie, année 2025)": what the count is about, besides the words.
  const where = within.length === 0 ? "" : ` (${within.join(", ")})`;
  if (q === "") {
    if (within.length === 0) return undefined;
    const about = `${where}, du plus récent au plus ancien`;
    return {
      title: sentenceStart(within.join(", ")),
      found: (total) => (total === 0 ? `Aucun article${where}.` : `${frenchCount(total, "article")}${about}`),
      shown: (shown, total) =>
        `${frenchCount(shown, "article affiché", "articles affichés")} sur ${frenchNumber(total)}${about}`,
      more: "Afficher plus d’articles",
    };
  }
  // The words as results show text: « l'Arcep » typed with a straight apostrophe is « l’Arcep ».
  const words = inGuillemets(fromSearchIndex(q));
  const about = ` pour ${words}${where}`;
  // Results newest first when the reader asked so (« Trier par : date »); the most relevant first otherwise.
  const order = tri === "date" ? ", du plus récent au plus ancien" : "";
  // The words may be right and the filters what empties the list.
  const everywhere = filters.map((filter) => filter.everywhere).join(" et ");
  const advice = within.length === 0 ? SPELLING : `Essayez dans ${everywhere}, ou avec un autre mot.`;
  return {
    title: `${words}${where}`,
    found: (total, missing = []) => {
      if (total > 0) return `${frenchCount(total, "résultat")}${about}${order}`;
      if (missing.length === 0) return `Aucun résultat${about}. ${advice}`;
      // Of several words, which ones no article holds (the others alone would have results).
      // « aucun article ne contient « a », « b » ni « c » »: the last joined by « ni », as after a negation.
      const absent = missing.map((word) => inGuillemets(fromSearchIndex(word)));
      const last = absent.pop() ?? "";
      const listed = absent.length === 0 ? last : `${absent.join(", ")} ni ${last}`;
      const which = missing.length === q.split(/\s+/u).length ? "" : `\u00a0: aucun article ne contient ${listed}`;
      return `Aucun résultat${about}${which}. ${SPELLING}`;
    },
    shown: (shown, total) =>
      `${frenchCount(shown, "résultat affiché", "résultats affichés")} sur ${frenchNumber(total)}${about}${order}`,
    more: "Afficher plus de résultats",
  };
}
