/**
 * The smaller copies of the photos published pages show (src/lib/photo-copies.ts): gives the copies
 * route its address (/_photos/…), puts this build's copies in dist/client/_photos/ when it is done (see
 * src/lib/build-photos.ts), and removes the copies a kept dist/ holds that this build did not make
 * (a photo replaced or no longer shown).
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildPhotos, closeBuildPhotos, openBuildPhotos } from "../lib/build-photos.ts";
import { frenchCount } from "../lib/french-numbers.ts";
import { PHOTO_COPY_FOLDER as FOLDER } from "../lib/photo-copies.ts";
import { placeFile } from "./place-file.ts";

/** Every file of the copies' folder of `clientDir` (absolute paths). */
function copyFilesIn(clientDir: string): string[] {
  const dir = join(clientDir, FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Removes the folders of `dir` left empty, and `dir` itself if it is. */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

/** Astro integration writing the photo copies at the end of the build. */
export function photoCopies(): AstroIntegration {
  return {
    name: "digimedia-photo-copies",
    hooks: {
      "astro:config:setup": ({ injectRoute }) => {
        injectRoute({
          pattern: `${FOLDER}/[...copy]`,
          entrypoint: new URL("../pages/_photos/[...copy].ts", import.meta.url),
          prerender: true,
        });
      },
      "astro:build:start": () => {
        openBuildPhotos();
      },
      "astro:build:done": async ({ dir, logger }) => {
        const copies = buildPhotos() ?? new Map<string, Promise<string>>();
        closeBuildPhotos();
        const clientDir = fileURLToPath(dir);
        const made = new Set<string>();
        for (const [url, file] of copies) {
          const to = join(clientDir, decodeURIComponent(url));
          mkdirSync(dirname(to), { recursive: true });
          placeFile(await file, to);
          made.add(to);
        }
        const stale = copyFilesIn(clientDir).filter((file) => !made.has(file));
        for (const file of stale) rmSync(file);
        if (existsSync(join(clientDir, FOLDER))) removeEmptyFolders(join(clientDir, FOLDER));
        if (copies.size === 0 && stale.length === 0) return;
        logger.info(
          frenchCount(copies.size, "copie réduite de photo", "copies réduites de photos") +
            (stale.length > 0
              ? `, ${frenchCount(stale.length, "retirée", "retirées")} d’une construction précédente`
              : ""),
        );
      },
    },
  };
}
