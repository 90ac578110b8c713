/**
 * Where builds keep what they reuse, one set of folders per content folder: CONTENT_DIR builds
 * another folder (a generated corpus, a test fixture), whose caches never mix with the site's,
 * nor with each other's when builds run side by side (the build tests do).
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { SITE_CONTENT_DIR } from "../config.ts";

export interface BuildCaches {
  /** Astro's cacheDir: the content layer's store and the incremental build's pages. */
  astro: string;
  /** The drawn social images (src/lib/social-image.ts). */
  socialImages: string;
  /** The copies of article pages the search index reads (src/lib/search-index.ts). */
  searchCopies: string;
  /** The smaller copies of the photos the pages show (src/lib/photo-resize.ts). */
  photoCopies: string;
  /** The fingerprint and date of each file of dist/client at the last build (src/lib/file-dates.ts): a file. */
  fileDates: string;
}

/**
 * The name of `contentDir`'s caches and builds: « default » for the site's own articles, however written
 * (CONTENT_DIR=content/articles, ./content/articles/), and one name for a folder however written: another spelling
 * of the same folder gave other caches (a cold build) and, for the output folder, emptied dist/ (out-dir.ts).
 */
export function contentKey(contentDir: string | undefined): string {
  const folder = resolve(contentDir ?? SITE_CONTENT_DIR);
  return folder === resolve(SITE_CONTENT_DIR) ? "default" : folder.replace(/[^a-zA-Z0-9]+/g, "_");
}

/** The caches of a build of `contentDir` (default: the site's own articles) run in `root`. */
export function buildCaches(root: string, contentDir = process.env["CONTENT_DIR"]): BuildCaches {
  const key = contentKey(contentDir);
  return {
    astro: join(root, "node_modules/.astro", key),
    socialImages: join(root, "node_modules/.cache/digimedia-og", key),
    searchCopies: join(root, "node_modules/.cache/digimedia-search", key),
    photoCopies: join(root, "node_modules/.cache/digimedia-photos", key),
    fileDates: join(root, "node_modules/.cache/digimedia-dates", `${key}.json`),
  };
}

/** Removes every cache of a build of `contentDir` (a cold build follows). */
export function clearBuildCaches(root: string, contentDir?: string): void {
  const { astro, socialImages, searchCopies, photoCopies, fileDates } = buildCaches(root, contentDir);
  for (const cache of [astro, socialImages, searchCopies, photoCopies, fileDates])
    rmSync(cache, { recursive: true, force: true });
}
