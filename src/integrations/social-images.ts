/**
 * Puts a build's article social images in dist/client/og/ (see src/lib/build-files.ts), and
 * removes the cards a kept dist/ holds from earlier builds that this one did not make
 * (a deleted or unpublished article), and those of the cache that it did not use.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildCards } from "../lib/build-files.ts";
import { frenchCount } from "../lib/french-numbers.ts";
import { SOCIAL_IMAGE_FOLDER as FOLDER, siteImageUrl } from "../lib/urls.ts";
import { cacheFileOf, SITE_IMAGE_SPEC, SOCIAL_IMAGE_CACHE } from "../lib/social-image.ts";
import { placeFiles } from "./place-file.ts";
import { removeFilesExcept } from "./prune.ts";

/** Astro integration writing the article social images at the end of the build. */
export function socialImages(): AstroIntegration {
  return {
    name: "digimedia-social-images",
    hooks: {
      "astro:build:start": () => {
        buildCards.open();
      },
      "astro:build:done": async ({ dir, logger }) => {
        const cards = buildCards.current();
        // No registry: the og route rendered the cards as pages (see build-files.ts).
        if (cards === undefined) return;
        const clientDir = fileURLToPath(dir);
        // What this build placed, in dist and in the cache, and the site's own image (a page of its own).
        const { placed, used } = await placeFiles(cards, clientDir);
        placed.add(join(clientDir, siteImageUrl()));
        used.add(cacheFileOf(SITE_IMAGE_SPEC, SOCIAL_IMAGE_CACHE));
        const stale = removeFilesExcept(join(clientDir, FOLDER), placed);
        // The cache keeps what this build used: an edited title's old card would stay there for ever,
        // and every card at each change of the drawing.
        removeFilesExcept(SOCIAL_IMAGE_CACHE, used);
        buildCards.close();
        logger.info(
          frenchCount(cards.size, "image sociale d’article", "images sociales d’articles") +
            (stale > 0 ? `, ${frenchCount(stale, "retirée", "retirées")} d’une construction précédente` : ""),
        );
      },
    },
  };
}
