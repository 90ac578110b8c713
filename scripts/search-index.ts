/**
 * Second step of `npm run build`: the search index of the pages Astro wrote (OUT_DIR, ./dist by
 * default), in a process of its own once Astro has exited, so their memory never adds up; then, the
 * build's files all written, each file unchanged since the last build gets its date back (file-dates.ts).
 */
import { existsSync } from "node:fs";
import { buildCaches } from "../src/lib/build-caches.ts";
import { keepUnchangedDates } from "../src/lib/file-dates.ts";
import { join } from "node:path";
import { frenchCount, frenchNumber } from "../src/lib/french-numbers.ts";
import { buildSearchIndex } from "../src/lib/search-index.ts";
import { NNBSP } from "../src/lib/french-spacing.ts";

const clientDir = join(process.env["OUT_DIR"] ?? "./dist", "client");
if (!existsSync(join(clientDir, "index.html"))) {
  console.error(`Index de recherche : aucun site construit dans ${clientDir} (lancez d’abord astro build).`);
  process.exit(1);
}
const report = await buildSearchIndex(clientDir);
console.log(
  `Recherche : ${frenchCount(report.articles, "article indexé", "articles indexés")} en ${frenchNumber(report.seconds, 1)}${NNBSP}s (${frenchCount(report.pagesRead, "page lue", "pages lues")})`,
);
const dates = keepUnchangedDates(clientDir, buildCaches(process.cwd()).fileDates);
console.log(
  `Fichiers du site : ${frenchCount(dates.changed, "nouveau ou modifié", "nouveaux ou modifiés")}, ${frenchCount(dates.kept, "inchangé", "inchangés")}, à la date de leur dernière modification`,
);
