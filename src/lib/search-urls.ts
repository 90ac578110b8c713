/**
 * The search page's addresses, in plain code (no config import) so that the search page's script can
 * build them without shipping the site's settings and date formatters; urls.ts re-exports them with
 * every other address of the site.
 */

/** The folder of the search index (Pagefind's files, src/lib/search-index.ts). */
export const SEARCH_INDEX_FOLDER = "/pagefind";

/** Pagefind's script, which only the search page loads. */
export const searchScriptUrl = (): string => `${SEARCH_INDEX_FOLDER}/pagefind.js`;

/**
 * A search as the page's form and address hold it: its words, a section's label, a year ("" for none), and its order
 * ("" for the most relevant first, "date" for the newest first).
 */
export interface SearchRequest {
  q: string;
  rubrique: string;
  annee: string;
  tri: string;
}

const SEARCH_PAGE = "/recherche/";
const PARAMETERS = ["q", "rubrique", "annee", "tri"] as const;

/** The search page; with a search, "/recherche/?q=tencent&rubrique=Tech&annee=2025" (empty parts left out). */
export function searchUrl(request: Partial<SearchRequest> = {}): string {
  const query = new URLSearchParams();
  for (const name of PARAMETERS) {
    const value = request[name];
    if (value !== undefined && value !== "") query.set(name, value);
  }
  const search = query.toString();
  return search === "" ? SEARCH_PAGE : `${SEARCH_PAGE}?${search}`;
}

/** The search a search page's address holds (its `location.search`), "" for each part it leaves out. */
export function searchRequestOf(search: string): SearchRequest {
  const query = new URLSearchParams(search);
  return {
    q: query.get("q") ?? "",
    rubrique: query.get("rubrique") ?? "",
    annee: query.get("annee") ?? "",
    tri: query.get("tri") === "date" ? "date" : "",
  };
}
