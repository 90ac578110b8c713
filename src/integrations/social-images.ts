/**
 * Puts a build's article social images in dist/client/og/ (see src/lib/build-cards.ts), and
 * removes the cards a kept dist/ holds from earlier builds that this one did not make
 * (a deleted or unpublished article).
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildCards, closeBuildCards, openBuildCards } from "../lib/build-cards.ts";
import { frenchCount } from "../lib/french-numbers.ts";
import { SOCIAL_IMAGE_FOLDER as FOLDER, siteImageUrl } from "../lib/urls.ts";
import { placeFile } from "./place-file.ts";

/** Astro integration writing the article social images at the end of the build. */
export function socialImages(): AstroIntegration {
  return {
    name: "digimedia-social-images",
    hooks: {
      "astro:build:start": () => {
        openBuildCards();
      },
      "astro:build:done": async ({ dir, logger }) => {
        const cards = buildCards();
        // No registry: the og route rendered the cards as pages (see build-cards.ts).
        if (cards === undefined) return;
        const clientDir = fileURLToPath(dir);
        mkdirSync(join(clientDir, FOLDER), { recursive: true });
        for (const [url, drawn] of cards) placeFile(await drawn, join(clientDir, url));
        const stale = readdirSync(join(clientDir, FOLDER))
          .map((name) => `${FOLDER}/${name}`)
          .filter((url) => !cards.has(url) && url !== siteImageUrl());
        for (const url of stale) rmSync(join(clientDir, url));
        closeBuildCards();
        logger.info(
          frenchCount(cards.size, "image sociale d’article", "images sociales d’articles") +
            (stale.length > 0
              ? `, ${frenchCount(stale.length, "retirée", "retirées")} d’une construction précédente`
              : ""),
        );
      },
    },
  };
}
