/**
 * Builds the Pagefind search index at the end of `astro build`, over the pages that mark their
 * content with data-pagefind-body (articles only), with French stemming.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

/** Astro integration that writes dist/client/pagefind/. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: "digimedia-pagefind",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: "fr" });
        if (index === undefined) throw new Error(`Pagefind : ${errors.join("; ")}`);
        // Only article pages carry data-pagefind-body: reading the others (archives, tags, images) costs time for nothing.
        const added = await index.addDirectory({ path: root, glob: "articles/**/*.html" });
        if (added.errors.length > 0) throw new Error(`Pagefind : ${added.errors.join("; ")}`);
        const written = await index.writeFiles({ outputPath: join(root, "pagefind") });
        if (written.errors.length > 0) throw new Error(`Pagefind : ${written.errors.join("; ")}`);
        await pagefind.close();
        const entry = JSON.parse(readFileSync(join(root, "pagefind/pagefind-entry.json"), "utf8")) as {
          languages: Record<string, { page_count: number }>;
        };
        const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${indexed} articles indexés pour la recherche en ${seconds} s (${added.page_count} pages lues)`);
      },
    },
  };
}
