/**
 * The Pagefind search index of a built site, over the pages that mark their content with
 * data-pagefind-body (articles only), with French stemming. Run by `npm run build` once Astro
 * has exited (scripts/search-index.ts): Pagefind holds about 1 GB at 10,000 articles, and on top
 * of Astro's own memory the build went past 2.5 GB.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

/** What was indexed. */
export interface SearchIndexReport {
  articles: number;
  pagesRead: number;
  seconds: number;
}

/** Writes `<clientDir>/pagefind/` from the article pages under `clientDir`. */
export async function buildSearchIndex(clientDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "fr" });
  if (index === undefined) throw new Error(`Pagefind : ${errors.join("; ")}`);
  try {
    // Only article pages carry data-pagefind-body: reading the others (archives, tags, images) costs time for nothing.
    const added = await index.addDirectory({ path: clientDir, glob: "articles/**/*.html" });
    if (added.errors.length > 0) throw new Error(`Pagefind : ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(clientDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind : ${written.errors.join("; ")}`);
    const entry = JSON.parse(readFileSync(join(clientDir, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    return {
      articles: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
      pagesRead: added.page_count,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pagefind.close();
  }
}
