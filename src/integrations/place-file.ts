/** Puts a file of a build cache (a social image, a photo copy) in dist/client. */
import { copyFileSync, linkSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * `to` becomes the cached file `from`: a hard link (no copy; the cache and dist/ are one disk),
 * a copy where linking fails. Nothing to do when it already is that file.
 */
function placeFile(from: string, to: string): void {
  const source = statSync(from);
  const target = statSync(to, { throwIfNoEntry: false });
  if (target?.ino === source.ino && target.dev === source.dev) return;
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Places each file a build registered (its address on the site → its file in the cache, once made) under
 * `clientDir`. Returns what it placed in dist and the cached files it used, for the caller to remove the rest.
 */
export async function placeFiles(
  files: ReadonlyMap<string, Promise<string>>,
  clientDir: string,
): Promise<{ placed: Set<string>; used: Set<string> }> {
  const placed = new Set<string>();
  const used = new Set<string>();
  for (const [url, made] of files) {
    const file = await made;
    const to = join(clientDir, decodeURIComponent(url));
    mkdirSync(dirname(to), { recursive: true });
    placeFile(file, to);
    placed.add(to);
    used.add(file);
  }
  return { placed, used };
}
