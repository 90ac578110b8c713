/**
 * The smaller copies of the photos published pages show (src/lib/photo-copies.ts): gives the copies
 * route its address (/_photos/…), puts this build's copies in dist/client/_photos/ when it is done (see
 * src/lib/build-files.ts), and removes the copies a kept dist/ holds that this build did not make
 * (a photo replaced or no longer shown).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildPhotos } from "../lib/build-files.ts";
import { frenchCount } from "../lib/french-numbers.ts";
import { PHOTO_COPY_FOLDER as FOLDER } from "../lib/photo-copies.ts";
import { placeFiles } from "./place-file.ts";
import { PHOTO_COPY_CACHE } from "../lib/photo-resize.ts";
import { removeFilesExcept } from "./prune.ts";

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
        buildPhotos.open();
      },
      "astro:build:done": async ({ dir, logger }) => {
        const copies = buildPhotos.current() ?? new Map<string, Promise<string>>();
        buildPhotos.close();
        const clientDir = fileURLToPath(dir);
        const { placed, used } = await placeFiles(copies, clientDir);
        const stale = removeFilesExcept(join(clientDir, FOLDER), placed, clientDir);
        // The cache keeps what this build used: a replaced photo's copies would stay there for ever.
        removeFilesExcept(PHOTO_COPY_CACHE, used);
        if (copies.size === 0 && stale === 0) return;
        logger.info(
          frenchCount(copies.size, "copie réduite de photo", "copies réduites de photos") +
            (stale > 0 ? `, ${frenchCount(stale, "retirée", "retirées")} d’une construction précédente` : ""),
        );
      },
    },
  };
}
