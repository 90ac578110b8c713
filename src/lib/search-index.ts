/**
 * The Pagefind search index of a built site, over the pages that mark their content with
 * data-pagefind-body (articles only), with French stemming. Run by `npm run build` once Astro
 * has exited (scripts/search-index.ts): Pagefind holds about 1 GB at 10,000 articles, and on top
 * of Astro's own memory the build went past 2.5 GB.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as pagefind from "pagefind";
import { pageForSearchIndex } from "./search-text.ts";

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
    // Pagefind reads copies of them as pageForSearchIndex writes them (search-text.ts), in a folder beside the
    // site: Pagefind reads a folder on every core but pages handed over one by one on a single one (at 4,000
    // articles, 5.0 s this way, 6.1 s page by page, 3.2 s for the pages as they are, whose apostrophes it misreads).
    const articles = join(clientDir, "articles");
    const pages = existsSync(articles)
      ? readdirSync(articles, { recursive: true, encoding: "utf8" })
          .filter((file) => file.endsWith(".html"))
          .map((file) => join("articles", file))
      : [];
    const copies = join(dirname(clientDir), "pagefind-source");
    rmSync(copies, { recursive: true, force: true });
    try {
      for (const page of pages) {
        mkdirSync(dirname(join(copies, page)), { recursive: true });
        writeFileSync(join(copies, page), pageForSearchIndex(readFileSync(join(clientDir, page), "utf8")));
      }
      const added = await index.addDirectory({ path: copies, glob: "articles/**/*.html" });
      if (added.errors.length > 0) throw new Error(`Pagefind : ${added.errors.join("; ")}`);
    } finally {
      rmSync(copies, { recursive: true, force: true });
    }
    const written = await index.writeFiles({ outputPath: join(clientDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind : ${written.errors.join("; ")}`);
    const entry = JSON.parse(readFileSync(join(clientDir, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    return {
      articles: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
      pagesRead: pages.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pagefind.close();
  }
}
