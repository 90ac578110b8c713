/**
 * The search index's script (Pagefind), loaded at run time from the built site by the pages that search it (the
 * search page, the 404 page), so that no other page ever downloads it; and a result's title and line of
 * details as the site shows them.
 */
import { fromSearchIndex, pageUrlFromIndex } from "../lib/search-text.ts";
import { searchScriptUrl } from "../lib/search-urls.ts";

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  /** Where the matched words are in `content`, counted in words. */
  locations: number[];
  meta: Record<string, string | undefined>;
}
export interface PagefindResult {
  data: () => Promise<PagefindResultData>;
}
export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (
    q: string | null,
    o?: { filters?: Record<string, string>; sort?: Record<string, "asc" | "desc"> },
  ) => Promise<{ results: PagefindResult[] } | null>;
}

/** Pagefind, with "…" where an excerpt cuts into the article's text; rejects when the index cannot load. */
export async function loadPagefind(): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ searchScriptUrl())) as Pagefind;
  await pagefind.options({ excerptLength: 24, excerptEllipsis: "…" });
  return pagefind;
}

/** A result's heading: its title linking to the article. */
export function resultHeading(
  data: PagefindResultData,
  level: "h2" | "h3",
): { heading: HTMLElement; link: HTMLAnchorElement } {
  const heading = document.createElement(level);
  const link = document.createElement("a");
  link.href = pageUrlFromIndex(data.url);
  link.textContent = fromSearchIndex(data.meta["title"] ?? pageUrlFromIndex(data.url));
  heading.append(link);
  return { heading, link };
}

/** A result's section and date: « International · 12 octobre 2020 ». */
export function resultDetails(data: PagefindResultData): HTMLParagraphElement {
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = fromSearchIndex([data.meta["rubrique"], data.meta["date"]].filter(Boolean).join(" · "));
  return meta;
}

/** What Pagefind matched in a result, for wordsNotFound (search-match.ts): the words at its matches, its title and tags. */
export const matchedWords = ({ content, locations, meta }: PagefindResultData): string[] => {
  const words = content.split(/\s+/u);
  return [...locations.map((at) => words[at] ?? ""), ...Object.values(meta).join(" ").split(/\s+/u)];
};
