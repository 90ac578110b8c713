/**
 * dist/ is kept between builds (vite.build.emptyOutDir: false in astro.config), so Astro's
 * incremental build leaves unchanged pages where they are: emptying dist/ and copying 11,000
 * cached pages back took 8 s of a 28 s rebuild at 4,000 articles. What a kept dist/ could hold
 * that this build no longer makes (an article deleted, unpublished or renamed, an archive day
 * left empty, a tag no longer used) is removed here, so nothing stale is ever served; and so are
 * the scripts and styles of earlier builds (hashed names in _astro/: every build writes all of its
 * own again, so those it did not write are older than it).
 */
import { existsSync, readdirSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { frenchCount } from "../lib/french-numbers.ts";

/** Pages found under `clientDir` but not made by this build (article social images: social-images.ts). */
export function staleRouteFiles(clientDir: string, produced: ReadonlySet<string>): string[] {
  const stale: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".html") && !produced.has(full)) stale.push(full);
    }
  };
  walk(clientDir);
  return stale;
}

/** Files of `assetsDir` last written before `since` (ms since the epoch): not written by the build that started then. */
export function staleAssetFiles(assetsDir: string, since: number): string[] {
  if (!existsSync(assetsDir)) return [];
  return readdirSync(assetsDir)
    .map((name) => join(assetsDir, name))
    .filter((file) => statSync(file).mtimeMs < since);
}

/** Removes `file`, then its folders up to `root` while they are left empty (/articles/x/ of a deleted article). */
function removeWithEmptyFolders(file: string, root: string): void {
  rmSync(file);
  for (let dir = dirname(file); dir !== root && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
}

/** Astro integration that removes the pages and assets a kept dist/ holds from earlier builds. */
export function pruneStalePages(): AstroIntegration {
  let assetsFolder = "_astro";
  let started = 0;
  return {
    name: "digimedia-prune",
    hooks: {
      "astro:config:done": ({ config }) => {
        assetsFolder = config.build.assets;
      },
      "astro:build:start": () => {
        started = Date.now();
      },
      "astro:build:done": ({ dir, assets, logger }) => {
        const clientDir = fileURLToPath(dir);
        const produced = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const stale = [
          ...staleRouteFiles(clientDir, produced),
          ...staleAssetFiles(join(clientDir, assetsFolder), started),
        ];
        for (const file of stale) removeWithEmptyFolders(file, clientDir);
        if (stale.length > 0)
          logger.info(
            `${frenchCount(stale.length, "fichier retiré", "fichiers retirés")} d’une construction précédente`,
          );
      },
    },
  };
}
