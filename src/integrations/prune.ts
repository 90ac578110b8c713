/**
 * dist/ is kept between builds (vite.build.emptyOutDir: false in astro.config), so Astro's
 * incremental build leaves unchanged pages where they are: emptying dist/ and copying 11,000
 * cached pages back took 8 s of a 28 s rebuild at 4,000 articles. What a kept dist/ could hold
 * that this build no longer makes (an article deleted, unpublished or renamed, an archive day
 * left empty, a tag no longer used, a feed or a sitemap no longer written, a file deleted from
 * public/) is removed here, so nothing stale is ever served; and so are the scripts and styles of
 * earlier builds (hashed names in _astro/: every build writes all of its own again, so those it
 * did not write are older than it). The article social images (og/), the photo copies (_photos/)
 * and the search index (pagefind/) have their own owners: social-images.ts, photo-copies.ts and
 * search-index.ts. A dist/ that holds the build of another content folder is emptied before the
 * build, and only a build (claimOutDir, out-dir.ts).
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { filesUnder } from "../lib/files.ts";
import { claimOutDir } from "../lib/out-dir.ts";
import { frenchCount } from "../lib/french-numbers.ts";
import { articleSlugIn, articleUrl, SEARCH_INDEX_FOLDER, SOCIAL_IMAGE_FOLDER } from "../lib/urls.ts";
import { PHOTO_COPY_FOLDER } from "../lib/photo-copies.ts";
import { messageOf } from "../lib/errors.ts";
import { findRedirect, parseRedirects } from "../../server/redirects.ts";

/**
 * What an editor must hear of the article pages a build removed (`removed`, relative to the client folder): an
 * address already shared now leads to the 404 page, unless public/_redirects (`redirects`, its text) sends it on.
 */
export function removedArticleNotices(removed: readonly string[], redirects: string): string[] {
  const { rules } = parseRedirects(redirects);
  return removed.flatMap((file) => {
    const page = `/${file.split(sep).join("/")}`;
    const slug = page.endsWith("/index.html") ? articleSlugIn(page.slice(0, -"index.html".length)) : undefined;
    if (slug === undefined) return [];
    const address = articleUrl(slug);
    if (findRedirect(rules, address) !== undefined) return [];
    return [
      `${address} n’est plus publié (article renommé, supprimé ou dépublié)\u00a0: les liens déjà partagés mènent à la page 404. S’il a changé de nom, ajoutez à public/_redirects la ligne «\u202f${address} /articles/<nouveau-nom>/ 301\u202f».`,
    ];
  });
}

/** What a build made in its client folder, for staleFiles. */
export interface BuildOutput {
  /** Every file its routes wrote, or kept from the incremental cache (absolute paths). */
  routeFiles: ReadonlySet<string>;
  /** The files of public/, relative to it with forward slashes: Astro copies them as they are. */
  publicFiles: ReadonlySet<string>;
  /** Top folders of `clientDir` whose files are someone else's to remove (og, _photos, pagefind). */
  ownedElsewhere: ReadonlySet<string>;
  /** When the build started (ms since the epoch). */
  started: number;
}

/**
 * Files under `clientDir` that the build described by `output` did not make, neither a route nor
 * public/ (a verification page such as google1234.html stays): a page; another file (a feed, an
 * image deleted from public/) that no step of this build wrote either (sitemaps and _headers are
 * written by integrations at the end of the build, so they are newer than its start).
 */
export function staleFiles(clientDir: string, output: BuildOutput): string[] {
  return filesUnder(clientDir)
    .filter((file) => !output.ownedElsewhere.has(file.split("/")[0] ?? ""))
    .filter((file) => !output.routeFiles.has(join(clientDir, file)))
    .filter((file) => !output.publicFiles.has(file))
    .filter((file) => file.endsWith(".html") || statSync(join(clientDir, file)).mtimeMs < output.started)
    .map((file) => join(clientDir, file));
}

/** Removes `file`, then its folders up to `root` while they are left empty (/articles/x/ of a deleted article). */
function removeWithEmptyFolders(file: string, root: string): void {
  rmSync(file);
  for (let dir = dirname(file); dir !== root && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
}

/**
 * Removes the files under `folder` that are not in `kept` (absolute paths), with the folders they leave
 * empty up to `root` (default: `folder` itself); returns how many. A build's own output folder (the copies of
 * photos, the social images) and the caches they come from, which would otherwise only ever grow.
 */
export function removeFilesExcept(folder: string, kept: ReadonlySet<string>, root = folder): number {
  const stale = filesUnder(folder)
    .map((file) => join(folder, file))
    .filter((file) => !kept.has(file));
  for (const file of stale) removeWithEmptyFolders(file, root);
  return stale.length;
}

/** Astro integration that removes the pages and assets a kept dist/ holds from earlier builds. */
export function pruneStalePages(): AstroIntegration {
  let publicDir = "public";
  let started = 0;
  return {
    name: "digimedia-prune",
    hooks: {
      "astro:config:done": ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      // Before anything is written: a dist/ that holds another content folder's build is emptied.
      // A folder that is no build of this site (OUT_DIR=content) stops the build, with the French reason alone.
      "astro:config:setup": ({ config, command, logger }) => {
        if (command !== "build") return;
        let emptied: boolean;
        try {
          emptied = claimOutDir(fileURLToPath(config.outDir));
        } catch (error) {
          logger.error(messageOf(error));
          process.exit(1);
        }
        if (emptied)
          logger.info("dossier de sortie vidé\u00a0: il ne contenait pas la construction de ce dossier d’articles");
      },
      "astro:build:start": () => {
        started = Date.now();
      },
      "astro:build:done": ({ dir, assets, logger }) => {
        const clientDir = fileURLToPath(dir);
        // The scripts and styles of _astro/ are files no route wrote: those this build did not write are stale.
        const stale = staleFiles(clientDir, {
          routeFiles: new Set([...assets.values()].flat().map((url) => fileURLToPath(url))),
          publicFiles: new Set(filesUnder(publicDir)),
          ownedElsewhere: new Set([SOCIAL_IMAGE_FOLDER, SEARCH_INDEX_FOLDER, PHOTO_COPY_FOLDER].map((f) => f.slice(1))),
          started,
        });
        for (const file of stale) removeWithEmptyFolders(file, clientDir);
        const redirects = join(publicDir, "_redirects");
        const notices = removedArticleNotices(
          stale.map((file) => relative(clientDir, file)),
          existsSync(redirects) ? readFileSync(redirects, "utf8") : "",
        );
        for (const notice of notices) logger.warn(notice);
        if (stale.length > 0)
          logger.info(
            `${frenchCount(stale.length, "fichier retiré", "fichiers retirés")} d’une construction précédente`,
          );
      },
    },
  };
}
