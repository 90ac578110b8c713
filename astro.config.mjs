// @ts-check
import { defineConfig } from "astro/config";
import node from "@astrojs/node";
import sitemap from "@astrojs/sitemap";
import { SITE } from "./src/config.ts";
import { markdownProcessor } from "./src/lib/markdown.ts";
import { articleLastmods } from "./src/lib/sitemaps.ts";
import { buildCaches } from "./src/lib/build-caches.ts";
import { staticHeaders } from "./src/integrations/headers.ts";
import { pruneStalePages } from "./src/integrations/prune.ts";
import { socialImages } from "./src/integrations/social-images.ts";

const contentDir = process.env.CONTENT_DIR;
// lastmod of each article page in the sitemap: its `updated`, else its `date`.
// Reading them here is the first look at the articles: front matter YAML that cannot be read stops the
// build with the editor's message alone (not as Astro's "Unable to load your Astro config").
const lastmods = (() => {
  try {
    return articleLastmods(contentDir ?? "content/articles");
  } catch (error) {
    if (!(error instanceof Error && error.name === "ArticleError")) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();

export default defineConfig({
  site: SITE.url,
  output: "static",
  // Pages are written as folders (/articles/x/); "ignore" lets POST /api/newsletter through without a redirect.
  trailingSlash: "ignore",
  // OUT_DIR must stay inside the project: the server bundle resolves packages from here.
  outDir: process.env.OUT_DIR ?? "./dist",
  // One cache per content folder (CONTENT_DIR builds another one: a corpus, a test fixture).
  cacheDir: buildCaches(process.cwd()).astro,
  adapter: node({ mode: "standalone" }),
  // Several pages at a time, so one page's file writes overlap another's rendering. Since the social images left
  // the page pipeline, 1 and 4 measure alike at 4,000 articles (page generation, medians of 3: 21.3 s and 22.9 s,
  // within this machine's noise).
  build: { format: "directory", inlineStylesheets: "always", concurrency: 4 },
  devToolbar: { enabled: false },
  // The newsletter route checks the Origin itself and answers in French (src/lib/newsletter/handler.ts).
  security: { checkOrigin: false },
  // Scripts ship as files, never inline, so a Content-Security-Policy needs no 'unsafe-inline'.
  // dist/ is kept between builds for incremental builds; src/integrations/prune.ts removes stale pages.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  markdown: { processor: markdownProcessor },
  // A rebuild keeps the pages whose cacheKey (src/lib/page-keys.ts) and code are unchanged instead of
  // rendering them again (a copy is kept in node_modules/.astro/<content>/dist/ for an emptied dist/).
  experimental: { incrementalBuild: true },
  integrations: [
    pruneStalePages(),
    socialImages(),
    staticHeaders(),
    sitemap({
      // Not the 404, nor the pages about one reader's signup (they are noindex).
      filter: (page) => !/\/404\/?$|\/newsletter\/.+/.test(page),
      serialize: (item) => {
        const lastmod = lastmods.get(item.url);
        return lastmod === undefined ? item : { ...item, lastmod };
      },
    }),
  ],
});
