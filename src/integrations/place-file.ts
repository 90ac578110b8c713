/** Puts a file of a build cache (a social image, a photo copy) in dist/client. */
import { copyFileSync, linkSync, rmSync, statSync } from "node:fs";

/**
 * `to` becomes the cached file `from`: a hard link (no copy; the cache and dist/ are one disk),
 * a copy where linking fails. Nothing to do when it already is that file.
 */
export function placeFile(from: string, to: string): void {
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
