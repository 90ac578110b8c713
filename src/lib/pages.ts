/** Paginated listings as routes need them: each page's items, number and every page's href. */
import { SITE } from "../config.ts";
import { paginateList } from "./listings.ts";
import { homeUrl } from "./urls.ts";

/** One page of a paginated listing. */
export interface ListingPage<T> {
  page: number;
  items: T[];
  hrefs: string[];
}

/** Splits `items` into pages of `size` (the first of `firstSize`), with `hrefOf(page)` naming each page's URL. */
export function listingPages<T>(
  items: readonly T[],
  size: number,
  hrefOf: (page: number) => string,
  firstSize = size,
): ListingPage<T>[] {
  const chunks = paginateList(items, size, firstSize);
  const hrefs = chunks.map((_, i) => hrefOf(i + 1));
  return chunks.map((chunk, i) => ({ page: i + 1, items: chunk, hrefs }));
}

/** The route parameter of a page in a `[...page]` route: undefined for the first page. */
export const pageParam = (page: number): string | undefined => (page <= 1 ? undefined : String(page));

/**
 * The home page's listing ("/", then "/page/2/"…). Its first page leads with one article above a
 * full grid of SITE.pageSize cards (12 fill every row of 1, 2 or 3 columns); later pages hold
 * SITE.pageSize cards, like every other listing.
 */
export const homePages = <T>(articles: readonly T[]): ListingPage<T>[] =>
  listingPages(articles, SITE.pageSize, homeUrl, SITE.pageSize + 1);
