// The benchmark's baseline: a minimal Astro 7 site with Astro's default (Rust) Markdown
// processor, one plain page per article and one RSS feed, nothing else.
import { defineConfig } from "astro/config";

export default defineConfig({
  site: "https://bench.example",
  outDir: process.env.OUT_DIR ?? "./dist",
  cacheDir: "./node_modules/.astro",
  devToolbar: { enabled: false },
});
