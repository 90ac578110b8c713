/**
 * The 404 page: the words of the address that led there (a link cut short, a typo) fill its search field, and
 * the three articles the search index finds for them show under « Vous cherchiez peut-être ». Without
 * JavaScript, or when nothing is found, the page stays as it is: its field, its links, the sections.
 */
import { searchWordsOfAddress } from "../lib/lost-address.ts";
import { wordsNotFound } from "../lib/search-match.ts";
import { loadPagefind, matchedWords, resultDetails, resultHeading, type PagefindResultData } from "./pagefind.ts";

const SHOWN = 3;

/**
 * The first results for `words`, searched again without the words the index does not hold (a typo, a cut word), with
 * the words that found them.
 */
async function articlesFor(words: string): Promise<{ query: string; results: PagefindResultData[] }> {
  const pagefind = await loadPagefind();
  let query = words;
  for (;;) {
    const found = await pagefind.search(query);
    const results = await Promise.all((found?.results ?? []).slice(0, SHOWN).map((r) => r.data()));
    const first = results[0];
    if (first === undefined) return { query: words, results: [] };
    const missing = wordsNotFound(query, matchedWords(first));
    if (missing.length === 0) return { query, results };
    query = query
      .split(" ")
      .filter((word) => !missing.includes(word))
      .join(" ");
    if (query === "") return { query: words, results: [] };
  }
}

export async function suggestArticles(): Promise<void> {
  const words = searchWordsOfAddress(location.pathname);
  const field = document.querySelector<HTMLInputElement>("#recherche-introuvable");
  const section = document.querySelector<HTMLElement>("[data-suggestions]");
  const list = document.querySelector<HTMLUListElement>("[data-suggestions] ul");
  if (words === "" || field === null || section === null || list === null) return;
  // The reader sends them, or corrects them, in one step; unless they have started typing.
  if (field.value === "") field.value = words;
  let query: string;
  let results: PagefindResultData[];
  try {
    ({ query, results } = await articlesFor(words));
  } catch {
    // No index (a site built without it) or no network: the field is there.
    return;
  }
  // The words that found them, without the typo, unless the reader has typed meanwhile.
  if (field.value === words) field.value = query;
  for (const data of results) {
    const item = document.createElement("li");
    item.append(resultHeading(data, "h3").heading, resultDetails(data));
    list.append(item);
  }
  section.hidden = results.length === 0;
}
