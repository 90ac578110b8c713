/**
 * Second step of `npm run build`: the search index of the pages Astro wrote (OUT_DIR, ./dist by
 * default), in a process of its own once Astro has exited, so their memory never adds up.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildSearchIndex } from "../src/lib/search-index.ts";

const clientDir = join(process.env["OUT_DIR"] ?? "./dist", "client");
if (!existsSync(join(clientDir, "index.html"))) {
  console.error(`Index de recherche : aucun site construit dans ${clientDir} (lancez d’abord astro build).`);
  process.exit(1);
}
const report = await buildSearchIndex(clientDir);
const articles =
  report.articles > 1 ? `${String(report.articles)} articles indexés` : `${String(report.articles)} article indexé`;
console.log(`Recherche : ${articles} en ${report.seconds.toFixed(1)} s (${String(report.pagesRead)} pages lues)`);
