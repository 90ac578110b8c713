/** Paginated listings as routes need them: each page's items, number and every page's href. */
import { paginateList } from "./listings.ts";

/** One page of a paginated listing. */
export interface ListingPage<T> {
  page: number;
  items: T[];
  hrefs: string[];
}

/** Splits `items` into pages of `size`, with `hrefOf(page)` naming each page's URL. */
export function listingPages<T>(items: readonly T[], size: number, hrefOf: (page: number) => string): ListingPage<T>[] {
  const chunks = paginateList(items, size);
  const hrefs = chunks.map((_, i) => hrefOf(i + 1));
  return chunks.map((chunk, i) => ({ page: i + 1, items: chunk, hrefs }));
}

/** The route parameter of a page in a `[...page]` route: undefined for the first page. */
export const pageParam = (page: number): string | undefined => (page <= 1 ? undefined : String(page));
