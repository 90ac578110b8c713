/**
 * Where builds keep what they reuse, one set of folders per content folder: CONTENT_DIR builds
 * another folder (a generated corpus, a test fixture), whose caches never mix with the site's,
 * nor with each other's when builds run side by side (the build tests do).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface BuildCaches {
  /** Astro's cacheDir: the content layer's store and the incremental build's pages. */
  astro: string;
  /** The drawn social images (src/lib/social-image.ts). */
  socialImages: string;
  /** The copies of article pages the search index reads (src/lib/search-index.ts). */
  searchCopies: string;
}

/** The name of `contentDir`'s caches (default: the site's own articles). */
function contentKey(contentDir: string | undefined): string {
  return contentDir === undefined ? "default" : contentDir.replace(/[^a-zA-Z0-9]+/g, "_");
}

/** The caches of a build of `contentDir` (default: the site's own articles) run in `root`. */
export function buildCaches(root: string, contentDir = process.env["CONTENT_DIR"]): BuildCaches {
  const key = contentKey(contentDir);
  return {
    astro: join(root, "node_modules/.astro", key),
    socialImages: join(root, "node_modules/.cache/digimedia-og", key),
    searchCopies: join(root, "node_modules/.cache/digimedia-search", key),
  };
}

/** Removes every cache of a build of `contentDir` (a cold build follows). */
export function clearBuildCaches(root: string, contentDir?: string): void {
  const { astro, socialImages, searchCopies } = buildCaches(root, contentDir);
  for (const cache of [astro, socialImages, searchCopies]) rmSync(cache, { recursive: true, force: true });
}

/** The file of an output folder naming the content folder whose build it holds. */
export const OUT_DIR_OWNER = ".dossier-de-contenu";

/**
 * Makes `outDir` the output of a build of `contentDir`. An output folder that holds the build of
 * another content folder (CONTENT_DIR, then the site again), or of one it cannot name (written
 * before this file existed), is emptied first: the incremental build would take that build's
 * pages for its own unchanged ones and keep them, linking to articles this content does not
 * have. Its own copy of its pages (in its Astro cache) fills the emptied folder back.
 * True when it emptied the folder.
 */
export function claimOutDir(outDir: string, contentDir = process.env["CONTENT_DIR"]): boolean {
  const owner = join(outDir, OUT_DIR_OWNER);
  const key = contentKey(contentDir);
  let previous: string | undefined;
  try {
    previous = readFileSync(owner, "utf8");
  } catch {
    previous = undefined;
  }
  if (previous === key) return false;
  // OUT_DIR=. would empty the project.
  if (["package.json", ".git", "src"].some((name) => existsSync(join(outDir, name))))
    throw new Error(`OUT_DIR (${outDir}) n’est pas un dossier de sortie : il contient un projet.`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(owner, key);
  return true;
}
