/** The files of a folder, as a build's steps walk dist/ and their caches. */
import { existsSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file under `dir`, relative to it with forward slashes (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}
