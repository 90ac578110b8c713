/**
 * Puts a build's article social images in dist/client/og/ (see src/lib/build-cards.ts), and
 * removes the cards a kept dist/ holds from earlier builds that this one did not make
 * (a deleted or unpublished article).
 */
import { linkSync, mkdirSync, readdirSync, rmSync, statSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildCards, closeBuildCards, openBuildCards } from "../lib/build-cards.ts";
import { frenchCount } from "../lib/french-numbers.ts";
import { SOCIAL_IMAGE_FOLDER as FOLDER, siteImageUrl } from "../lib/urls.ts";

/**
 * `to` becomes the drawn file `from`: a hard link (no copy; the cache and dist/ are one disk),
 * a copy where linking fails. Nothing to do when it already is that file.
 */
function place(from: string, to: string): void {
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
        for (const [url, drawn] of cards) place(await drawn, join(clientDir, url));
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
