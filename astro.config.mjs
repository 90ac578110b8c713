// @ts-check
import { defineConfig } from "astro/config";
import node from "@astrojs/node";
import sitemap from "@astrojs/sitemap";
import { SITE } from "./src/config.ts";
import { markdownProcessor } from "./src/lib/markdown.ts";
import { lastmodOf, sitemapFilter, sitemapLastmods } from "./src/lib/sitemaps.ts";
import { checkArticleFolder, readArticleFolder } from "./src/lib/article-files.ts";
import { buildTime, fixBuildTime } from "./src/lib/publishing.ts";
import { buildCaches } from "./src/lib/build-caches.ts";
import { staticHeaders } from "./src/integrations/headers.ts";
import { devPreview } from "./src/integrations/dev-preview.ts";
import { pruneStalePages } from "./src/integrations/prune.ts";
import { siteLinks } from "./src/integrations/site-links.ts";
import { socialImages } from "./src/integrations/social-images.ts";
import { photoCopies } from "./src/integrations/photo-copies.ts";

/**
 * Every article file's front matter, read once for the sitemap (each page's lastmod, the sections with an article),
 * when the configuration is set up (digimedia-build-instant below). It is the first look at the articles: files
 * that cannot be read stop the build with the editor's messages alone, all of them at once. Not under astro dev,
 * which starts all the same and lists them on its pages (src/lib/articles-loader.ts), unless the folder is missing.
 * @type {import("./src/lib/article-files.ts").ArticleFile[]}
 */
let articleFiles = [];
/**
 * Which pages the sitemap lists, computed at its first page: the build's instant is fixed by then
 * (digimedia-build-instant below), not yet when this file is read.
 * @type {((page: string) => boolean) | undefined}
 */
let inSitemap;
/**
 * Each page's lastmod in the sitemap (sitemaps.ts), computed with it: a listing's is that of the articles published
 * at the build's instant.
 * @type {Map<string, string> | undefined}
 */
let lastmods;

export default defineConfig({
  site: SITE.url,
  output: "static",
  publicDir: SITE.publicDir,
  // Pages are written as folders (/articles/x/); "ignore" lets POST /api/newsletter through without a redirect.
  trailingSlash: "ignore",
  // OUT_DIR must stay inside the project: the server bundle resolves packages from here.
  outDir: process.env.OUT_DIR ?? "./dist",
  // One cache per content folder (CONTENT_DIR builds another one: a corpus, a test fixture).
  cacheDir: buildCaches(process.cwd()).astro,
  adapter: node({ mode: "standalone" }),
  // Two pages at a time, so one page's file writes (two per page with the incremental cache, each awaited on
  // libuv's threads) overlap the next page's rendering: one at a time, the main thread sat idle ~40 % of the page
  // phase (cpu profiles; 10,000 articles, alternated cold builds: 48.9 and 57.4 s with 1, 42.2, 43.1, 35.3,
  // 48.9 s with 2, 41.1 and 43.6 s with 4). Beyond two, more pages wait for the same two cores and Astro's log
  // of pages interleaves more (with 2, only its first line holds several pages).
  build: { format: "directory", inlineStylesheets: "always", concurrency: 2 },
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
    // First: a build publishes at one instant, read by the content loader, the pages and the sitemap
    // (fixBuildTime); astro dev and astro sync keep reading the present, as an editor's clock moves.
    {
      name: "digimedia-build-instant",
      hooks: {
        "astro:config:setup": ({ command }) => {
          if (command === "build") fixBuildTime();
          try {
            if (command === "dev") checkArticleFolder(SITE.contentDir);
            else articleFiles = readArticleFolder(SITE.contentDir);
          } catch (error) {
            if (!(error instanceof Error && error.name === "ArticleError")) throw error;
            console.error(error.message);
            process.exit(1);
          }
        },
      },
    },
    devPreview(),
    socialImages(),
    photoCopies(),
    staticHeaders(),
    sitemap({
      filter: (page) => (inSitemap ??= sitemapFilter(articleFiles, buildTime()))(page),
      serialize: (item) => {
        const lastmod = lastmodOf((lastmods ??= sitemapLastmods(articleFiles, buildTime())), item.url);
        return lastmod === undefined ? item : { ...item, lastmod };
      },
    }),
    // Last: what the integrations above wrote in this build is not taken for a leftover.
    pruneStalePages(),
    // After it: the articles' links to the site are followed in what this build leaves in dist/.
    siteLinks(),
  ],
});
