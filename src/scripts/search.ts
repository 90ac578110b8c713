/**
 * The search page: queries the Pagefind index as the reader types, announces the number of
 * results, and keeps the query in the URL (/recherche/?q=…) so a search can be shared. A section
 * or a year chosen without a word lists their articles, newest first. The page's title names the
 * search; the keyboard's focus never falls back to the page (where Tab would start from the top).
 */
import { frenchSpacing } from "../lib/french-spacing.ts";
import { TITLE_SEPARATOR } from "../lib/page-title.ts";
import {
  forSearchIndex,
  fromSearchIndex,
  searchSummary,
  trimExcerptEnd,
  trimExcerptStart,
  unclosedQuotes,
  type SearchSummary,
} from "../lib/search-text.ts";
import { wordsNotFound } from "../lib/search-match.ts";
import { searchRequestOf, searchUrl, type SearchRequest } from "../lib/search-urls.ts";
import {
  loadPagefind,
  resultDetails,
  resultHeading,
  matchedWords,
  type Pagefind,
  type PagefindResult,
  type PagefindResultData,
} from "./pagefind.ts";

const PAGE = 10;

/** A result as the list shows it: its title linking to the article, its section and date, its excerpt. */
function resultItem(data: PagefindResultData): { item: HTMLLIElement; link: HTMLAnchorElement } {
  const item = document.createElement("li");
  const { heading, link } = resultHeading(data, "h2");
  item.append(heading, resultDetails(data), excerptParagraph(data.excerpt));
  return { item, link };
}

/**
 * Pagefind's excerpt is escaped text with <mark> around the matched words, straight apostrophes (search-text.ts)
 * and ordinary spaces where the page had no-break ones: French typography again, text node by text node, so
 * no line starts with ":".
 */
function excerptParagraph(html: string): HTMLParagraphElement {
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.innerHTML = html;
  // Pagefind marks the punctuation after a word with it ("données."): the word alone is highlighted.
  for (const mark of excerpt.querySelectorAll("mark")) {
    const text = mark.textContent;
    const word = text.replace(/[.,;:!?»)\]…]+$/u, "");
    if (word !== text && word !== "") {
      mark.textContent = word;
      mark.after(text.slice(word.length));
    }
  }
  // A cut leaves punctuation at the start ("… ? Plusieurs") or an opening « at the end: they go.
  const first = excerpt.firstChild;
  if (first?.nodeType === Node.TEXT_NODE) first.nodeValue = trimExcerptStart(first.nodeValue ?? "");
  const last = excerpt.lastChild;
  if (last?.nodeType === Node.TEXT_NODE) last.nodeValue = trimExcerptEnd(last.nodeValue ?? "");
  // A quotation the cut leaves open is closed after the ellipsis (its space made narrow below).
  excerpt.append(" »".repeat(unclosedQuotes(excerpt.textContent)));
  let before = "";
  const walker = document.createTreeWalker(excerpt, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    node.nodeValue = frenchSpacing(fromSearchIndex(node.nodeValue ?? ""), before);
    // frenchSpacing reads only the end of what precedes (as in rehype-french-spacing.ts).
    before = (before + node.nodeValue).slice(-2);
  }
  return excerpt;
}

/**
 * Fills the search form from the URL and wires it at once; the index loads meanwhile (seconds on a slow
 * phone), and a search sent before it is ready waits for it.
 */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-search]");
  const list = document.querySelector<HTMLOListElement>("[data-results]");
  const count = document.querySelector<HTMLElement>("[data-count]");
  const more = document.querySelector<HTMLButtonElement>("[data-more]");
  const noJs = document.querySelector<HTMLElement>("[data-no-js]");
  // The header's field, which shows the words searched too.
  const header = document.querySelector<HTMLInputElement>("header input[name=q]");
  if (form === null || list === null || count === null || more === null) return;
  const input = form.elements.namedItem("q");
  const category = form.elements.namedItem("rubrique");
  const year = form.elements.namedItem("annee");
  const order = form.elements.namedItem("tri");
  if (
    !(input instanceof HTMLInputElement) ||
    !(category instanceof HTMLSelectElement) ||
    !(year instanceof HTMLSelectElement) ||
    !(order instanceof HTMLSelectElement)
  )
    return;

  // JavaScript runs, so the notice saying it is off would be wrong (browsers without @media (scripting) show
  // it), and a shared URL's words show in the field at once, unless the reader has already typed or chosen.
  if (noJs !== null) noJs.hidden = true;
  const shared = searchRequestOf(location.search);
  if (input.value === "") input.value = shared.q;
  if (category.value === "") category.value = shared.rubrique;
  if (year.value === "") year.value = shared.annee;
  if (order.value === "") order.value = shared.tri;
  // Back from a result: as many results as were shown, and where the reader was (pagehide below), even when
  // the browser did not keep the page; the browser would scroll before the results are there.
  let back = (history.state ?? {}) as { shown?: number; y?: number };
  history.scrollRestoration = "manual";

  let quiet: ReturnType<typeof setTimeout> | undefined;
  /**
   * Writes the count, which screen readers announce (role="status"): while the reader types, only once the
   * typing pauses, not at each letter's results.
   */
  const say = (text: string, typing = false): void => {
    clearTimeout(quiet);
    if (typing) {
      quiet = setTimeout(() => {
        say(text);
      }, 600);
    } else count.textContent = text;
  };

  let ready = false;
  const loading = (async (): Promise<Pagefind | undefined> => {
    try {
      return await loadPagefind();
    } catch {
      say("La recherche est indisponible pour le moment. Parcourez les rubriques ou les archives.");
      return undefined;
    } finally {
      ready = true;
    }
  })();
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  // What the count says of the search shown (search-text.ts).
  let summary: SearchSummary | undefined;
  // « Afficher plus » pressed again before its results came: the same ones would be drawn twice.
  let busy = false;
  const pageTitle = document.title;

  /** Draws the next results (`upTo` of them); after « Afficher plus » (`further`), says how many show and focuses the first new one. */
  const showMore = async (further = false, upTo = PAGE): Promise<void> => {
    const mine = generation;
    const batch = await Promise.all(results.slice(shown, shown + upTo).map((r) => r.data()));
    if (mine !== generation) return;
    let firstLink: HTMLAnchorElement | undefined;
    for (const data of batch) {
      const { item, link } = resultItem(data);
      firstLink ??= link;
      list.append(item);
    }
    shown += batch.length;
    if (further && summary !== undefined) {
      say(summary.shown(shown, results.length));
      // Before the button hides (after the last results): the focus would fall to the page.
      firstLink?.focus();
    }
    more.hidden = shown >= results.length;
  };

  const run = async (typing = false): Promise<void> => {
    const mine = ++generation;
    const request: SearchRequest = {
      q: input.value.trim(),
      rubrique: category.value,
      annee: year.value,
      tri: order.value,
    };
    const filters: Record<string, string> = {};
    // Filter values were indexed as forSearchIndex wrote them.
    if (request.rubrique !== "") filters["rubrique"] = forSearchIndex(request.rubrique);
    if (request.annee !== "") filters["année"] = request.annee;
    const url = new URL(searchUrl(request), location.href);
    url.hash = location.hash;
    history.replaceState(null, "", url);
    if (header !== null) header.value = request.q;
    // The page's title names the search: "« Tencent » (rubrique Tech) — Rechercher — Digimedia", or without a word
    // "Rubrique Tech — Rechercher — Digimedia"; the page's own title again once the form is emptied.
    const asked = searchSummary(request);
    document.title = asked === undefined ? pageTitle : `${asked.title}${TITLE_SEPARATOR}${pageTitle}`;
    if (asked === undefined) {
      list.replaceChildren();
      say("");
      more.hidden = true;
      return;
    }
    // A shared link on a slow phone: the index takes seconds, and an empty page would read as no result.
    if (!ready) say("Recherche en cours…");
    const pagefind = await loading;
    if (pagefind === undefined || mine !== generation) return;
    const found =
      request.q === ""
        ? await pagefind.search(null, { filters, sort: { date: "desc" } })
        : await pagefind.search(request.q, request.tri === "date" ? { filters, sort: { date: "desc" } } : { filters });
    if (mine !== generation || found === null) return;
    // A word the index does not hold matched its short words instead (search-match.ts): no result.
    const first = request.q === "" ? undefined : await found.results[0]?.data();
    if (mine !== generation) return;
    const missing = first === undefined ? [] : wordsNotFound(request.q, matchedWords(first));
    results = missing.length > 0 ? [] : found.results;
    shown = 0;
    summary = asked;
    list.replaceChildren();
    say(asked.found(results.length, missing), typing);
    more.textContent = asked.more;
    await showMore(false, Math.max(back.shown ?? 0, PAGE));
    if (shown > PAGE) say(asked.shown(shown, results.length));
    if (back.y !== undefined) scrollTo(0, back.y);
    back = {};
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(true), 200);
  });
  category.addEventListener("change", () => void run());
  year.addEventListener("change", () => void run());
  order.addEventListener("change", () => void run());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    // The focus goes to the count (tabindex="-1"), which a screen reader reads, and Tab leads on to the results; on a
    // phone the keyboard closes, and the answer comes into view: below the filters it was off-screen. It says the
    // search is under way, then its answer (read as it comes, role="status"): focused as it was, it said the last
    // search's count first. An empty form has no answer: the focus stays.
    if (input.value.trim() !== "" || category.value !== "" || year.value !== "") {
      say("Recherche en cours…");
      count.focus({ preventScroll: true });
    }
    void run().then(() => {
      if (count.getBoundingClientRect().top > innerHeight / 2) count.scrollIntoView({ block: "start" });
    });
  });
  more.addEventListener("click", () => {
    if (busy) return;
    busy = true;
    void showMore(true).finally(() => (busy = false));
  });
  addEventListener("pagehide", () => {
    history.replaceState({ shown, y: scrollY }, "");
  });
  if (input.value !== "" || category.value !== "" || year.value !== "") void run();
}
