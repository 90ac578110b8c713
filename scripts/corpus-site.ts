/**
 * Builds the site from the deterministic 200-article corpus into dist-e2e/ and serves it (with
 * server/main.ts) on $PORT: the second site Playwright tests against (pagination, search filters).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildWith } from "../tests/build/astro.ts";
import { generateCorpus } from "./corpus.ts";

const root = join(import.meta.dirname, "..");
const contentDir = join(root, "node_modules/.cache/e2e-corpus");
rmSync(contentDir, { recursive: true, force: true });
generateCorpus(contentDir, Number(process.env["CORPUS_SIZE"] ?? 200), 42);
// Both steps of `npm run build`: the site, then its search index.
const build = buildWith(contentDir, "./dist-e2e", { BUILD_NOW: "2026-06-01T00:00:00+02:00" });
if (build.status !== 0) {
  console.error(build.output);
  process.exit(build.status ?? 1);
}
process.env["DIST_DIR"] = join(root, "dist-e2e");
await import(pathToFileURL(join(root, "server/main.ts")).href);
