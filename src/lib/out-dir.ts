/**
 * The build's output folder (OUT_DIR, dist/ by default): which build it holds, and when it may be emptied.
 * Emptying is the one destructive step of a build, so it only ever happens to a folder that is recognisably
 * one of our builds: OUT_DIR=content or OUT_DIR=public, typed by mistake, must not erase an editor's work.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentKey } from "./build-caches.ts";

/** The file of an output folder naming the content folder whose build it holds. */
export const OUT_DIR_OWNER = ".dossier-de-contenu";

/**
 * Files only a build of this site writes: the owner file (written first, before anything else of a build), and for a
 * build from before that file existed, the settings the build records for the server and the server's entry.
 */
const BUILD_MARKS = [OUT_DIR_OWNER, "server/reglages.json", "server/entry.mjs"];

/** What only the project holds: OUT_DIR=. would empty it. */
const PROJECT_MARKS = ["package.json", ".git", "src"];

/** True when `outDir` is absent, empty, or holds a build of this site (one of BUILD_MARKS) and not the project. */
function isOurOutput(outDir: string): boolean {
  if (!existsSync(outDir) || readdirSync(outDir).length === 0) return true;
  const has = (name: string): boolean => existsSync(join(outDir, name));
  return BUILD_MARKS.some(has) && !PROJECT_MARKS.some(has);
}

/**
 * Makes `outDir` the output of a build of `contentDir`. An output folder that holds the build of
 * another content folder (CONTENT_DIR, then the site again), or of one it cannot name (written
 * before the owner file existed), is emptied first: the incremental build would take that build's
 * pages for its own unchanged ones and keep them, linking to articles this content does not
 * have. Its own copy of its pages (in its Astro cache) fills the emptied folder back. A folder that
 * is neither empty nor a build of this site is never emptied: it throws, in French, naming it.
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
  if (!isOurOutput(outDir))
    throw new Error(
      `OUT_DIR (${outDir}) n’est pas un dossier de sortie du site\u00a0: il n’est pas vide et ne contient ni ` +
        `${OUT_DIR_OWNER} ni server/reglages.json, qu’écrit chaque build. Le build refuse de le vider\u202f; ` +
        `donnez un dossier vide ou qui n’existe pas (par défaut dist).`,
    );
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(owner, key);
  return true;
}
