// @ts-check
import { defineConfig } from "astro/config";
import node from "@astrojs/node";
import { SITE } from "./src/config.ts";
import { markdownProcessor } from "./src/lib/markdown.ts";

// CONTENT_DIR builds another content folder; give it its own cache so the two never mix.
const contentDir = process.env.CONTENT_DIR;
const cacheKey = contentDir ? contentDir.replace(/[^a-zA-Z0-9]+/g, "_") : "default";

export default defineConfig({
  site: SITE.url,
  output: "static",
  trailingSlash: "always",
  // OUT_DIR must stay inside the project: the server bundle resolves packages from here.
  outDir: process.env.OUT_DIR ?? "./dist",
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  adapter: node({ mode: "standalone" }),
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  markdown: { processor: markdownProcessor },
});
