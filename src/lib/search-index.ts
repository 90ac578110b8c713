/**
 * The Pagefind search index of a built site, over the pages that mark their content with
 * data-pagefind-body (articles only), with French stemming. Run by `npm run build` once Astro
 * has exited (scripts/search-index.ts): Pagefind holds about 1 GB at 10,000 articles, and on top
 * of Astro's own memory the build went past 2.5 GB.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { buildCaches } from "./build-caches.ts";
import { indexCopyPath, pageForSearchIndex } from "./search-text.ts";
import { SEARCH_INDEX_FOLDER } from "./urls.ts";

/** What was indexed. */
export interface SearchIndexReport {
  articles: number;
  pagesRead: number;
  seconds: number;
}

/** The file of the recipe of the copies: a change to it makes every copy again. */
const RECIPE = new URL("./search-text.ts", import.meta.url);

/**
 * Pagefind reads copies of the article pages as pageForSearchIndex writes them (search-text.ts):
 * a folder of them, since Pagefind reads a folder on every core but pages handed over one by one
 * on a single one. Flat, one file per article (a folder each cost 2 s to make and 2 s to remove at
 * 10,000 articles; the search page maps the addresses back with pageUrlFromIndex). Kept between
 * builds with the fingerprint of each page they were made from: a rebuild copies only the pages
 * that changed (writing 10,000 copies takes ~4 s) and removes those of pages that are gone.
 */
function updateCopies(articles: string, pages: readonly string[], copies: string): void {
  const manifestFile = join(copies, "sources.json");
  const recipe = createHash("sha1").update(readFileSync(RECIPE)).digest("base64url");
  let previous: Record<string, string> = {};
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
      recipe?: string;
      pages?: Record<string, string>;
    };
    if (manifest.recipe === recipe) previous = manifest.pages ?? {};
  }
  // Without a manifest to trust, nothing in the folder is.
  if (Object.keys(previous).length === 0) rmSync(copies, { recursive: true, force: true });
  mkdirSync(join(copies, "articles"), { recursive: true });
  const next: Record<string, string> = {};
  for (const page of pages) {
    const html = readFileSync(join(articles, page));
    const digest = createHash("sha1").update(html).digest("base64url");
    next[page] = digest;
    const copy = join(copies, "articles", indexCopyPath(page));
    if (previous[page] !== digest || !existsSync(copy)) writeFileSync(copy, pageForSearchIndex(html.toString("utf8")));
  }
  for (const page of Object.keys(previous)) {
    if (next[page] === undefined) rmSync(join(copies, "articles", indexCopyPath(page)), { force: true });
  }
  writeFileSync(manifestFile, JSON.stringify({ recipe, pages: next }));
}

/**
 * Writes `<clientDir>/pagefind/` from the article pages under `clientDir`. The index is written
 * beside it, then takes its place whole: Pagefind adds its files to a folder without removing
 * any, and the fragments of an earlier index would still serve the text of an article since
 * deleted or unpublished.
 */
export async function buildSearchIndex(
  clientDir: string,
  copies: string = buildCaches(process.cwd()).searchCopies,
): Promise<SearchIndexReport> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "fr" });
  if (index === undefined) throw new Error(`Pagefind : ${errors.join("; ")}`);
  try {
    // Only article pages carry data-pagefind-body: reading the others (archives, tags, images) costs time for nothing.
    const articles = join(clientDir, "articles");
    const pages = existsSync(articles)
      ? readdirSync(articles, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"))
      : [];
    updateCopies(articles, pages, copies);
    const added = await index.addDirectory({ path: copies, glob: "articles/*.html" });
    if (added.errors.length > 0) throw new Error(`Pagefind : ${added.errors.join("; ")}`);
    const folder = join(clientDir, SEARCH_INDEX_FOLDER);
    const next = join(clientDir, "..", "pagefind-next");
    const old = join(clientDir, "..", "pagefind-old");
    rmSync(next, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: next });
    if (written.errors.length > 0) throw new Error(`Pagefind : ${written.errors.join("; ")}`);
    rmSync(old, { recursive: true, force: true });
    if (existsSync(folder)) renameSync(folder, old);
    renameSync(next, folder);
    rmSync(old, { recursive: true, force: true });
    const entry = JSON.parse(readFileSync(join(folder, "pagefind-entry.json"), "utf8")) as {
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
