// @ts-check
import { defineConfig } from "astro/config";
import node from "@astrojs/node";
import { unified } from "@astrojs/markdown-remark";
import remarkSmartypants from "remark-smartypants";
import { SITE } from "./src/config.ts";
import { FRENCH_SMARTYPANTS } from "./src/lib/typography.ts";
import rehypeFrenchSpacing from "./src/lib/rehype-french-spacing.ts";

// CONTENT_DIR builds another content folder; give it its own cache so the two never mix.
const contentDir = process.env.CONTENT_DIR;
const cacheKey = contentDir ? contentDir.replace(/[^a-zA-Z0-9]+/g, "_") : "default";

export default defineConfig({
  site: SITE.url,
  output: "static",
  trailingSlash: "always",
  outDir: process.env.OUT_DIR ?? "./dist",
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  adapter: node({ mode: "standalone" }),
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      smartypants: false,
      // remark-smartypants is typed against another copy of unified's types; it is a remark plugin.
      remarkPlugins: [
        [/** @type {import("@astrojs/markdown-remark").RemarkPlugin} */ (remarkSmartypants), FRENCH_SMARTYPANTS],
      ],
      rehypePlugins: [rehypeFrenchSpacing],
    }),
  },
});
