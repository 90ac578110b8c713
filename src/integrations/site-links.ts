/**
 * Once the site is built, the links of the articles it publishes to its own pages are followed in it
 * (src/lib/site-links.ts keeps them from the content's loading): a link to « /a-propo/ », to
 * « /page/9/ » of a site that has 3, to a file missing from public/, would be a 404 for readers, which
 * the texts' checks cannot know before the build. Such a link stops the build (an « Article invalide »
 * block per file, as the texts' checks write it), once its pages are written: a build that publishes
 * dist/client/ only when it succeeds (CI, a scheduled build: README, « Déployer ») publishes nothing
 * broken. A line of public/_redirects that leads to no page of the site is said too, as a warning.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { describeProblems } from "../lib/article-schema.ts";
import { inGuillemets, NBSP, NNBSP } from "../lib/french-spacing.ts";
import { recordedSiteLinks, type SiteLink } from "../lib/site-links.ts";
import { findRedirect, parseRedirects, type RedirectRule } from "../../server/redirects.ts";

/** What answers on the built site besides its files: the on-demand routes, and the redirects the hosts follow. */
export interface BuiltSite {
  clientDir: string;
  onDemand: readonly RegExp[];
  redirects: readonly RedirectRule[];
}

/** Whether `path` is a file; false for a name no file can have (a NUL byte, a part too long). */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/** Redirects followed one after another at most (a line that leads back to itself leads nowhere). */
const MAX_REDIRECTS = 5;

/**
 * Whether the path of a link (query and fragment aside) leads to a page or a file of the built site, an
 * on-demand route, or by public/_redirects to one of them (or to another site).
 */
export function leadsSomewhere(path: string, site: BuiltSite, hops = MAX_REDIRECTS): boolean {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(path, "https://site.invalid").pathname);
  } catch {
    return false;
  }
  const file = join(site.clientDir, pathname);
  if (!file.startsWith(site.clientDir + sep) && file !== site.clientDir) return false;
  if (isFile(file) || isFile(join(file, "index.html")) || site.onDemand.some((pattern) => pattern.test(pathname)))
    return true;
  const redirect = findRedirect(site.redirects, pathname);
  if (redirect === undefined || hops === 0) return false;
  const { location } = redirect;
  return !location.startsWith("/") || location.startsWith("//") || leadsSomewhere(location, site, hops - 1);
}

/** The « Article invalide » blocks of the articles whose links lead nowhere on the built site, one per file. */
export function deadSiteLinks(links: readonly SiteLink[], site: BuiltSite): string[] {
  const byFile = new Map<string, string[]>();
  // Thousands of articles link to the same few pages: each path is looked up once.
  const found = new Map<string, boolean>();
  for (const { file, href, path } of links) {
    const leads = found.get(path) ?? leadsSomewhere(path, site);
    found.set(path, leads);
    if (leads) continue;
    byFile.set(file, [
      ...(byFile.get(file) ?? []),
      `le lien ${inGuillemets(href)} mène à une page que le site construit n’a pas (adresse mal tapée, page qui n’existe pas ou plus, fichier absent de public/)${NBSP}: corrigez l’adresse, ou retirez le lien`,
    ]);
  }
  return [...byFile].map(([file, messages]) =>
    describeProblems(
      file,
      messages.map((message) => ({ field: "texte", message })),
    ),
  );
}

/** The lines of public/_redirects (the site's) that send an address to a path of this site that leads nowhere. */
export function deadRedirects(site: BuiltSite): string[] {
  return site.redirects.flatMap(({ from, to }) => {
    // A target with a part of the path (:slug, :splat) or on another site is the host's to follow.
    if (!to.startsWith("/") || to.startsWith("//") || to.includes(":")) return [];
    return leadsSomewhere(to, site)
      ? []
      : [
          `public/_redirects${NBSP}: la ligne de /${from.join("/")} mène à ${to}, qui n’est pas une page du site${NBSP}: les liens vers l’ancienne adresse y trouveront la page 404${NNBSP}; corrigez la nouvelle adresse`,
        ];
  });
}

/** Astro integration: after the build (and the other integrations' files), the articles' links to the site. */
export function siteLinks(): AstroIntegration {
  let publicDir = "public";
  let onDemand: RegExp[] = [];
  return {
    name: "digimedia-site-links",
    hooks: {
      "astro:config:done": ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      "astro:routes:resolved": ({ routes }) => {
        onDemand = routes.filter((r) => r.origin === "project" && !r.isPrerendered).map((r) => r.patternRegex);
      },
      "astro:build:done": ({ dir, logger }) => {
        const redirectsFile = join(publicDir, "_redirects");
        const site: BuiltSite = {
          clientDir: fileURLToPath(dir).replace(/[\\/]$/, ""),
          onDemand,
          redirects: existsSync(redirectsFile) ? parseRedirects(readFileSync(redirectsFile, "utf8")).rules : [],
        };
        for (const warning of deadRedirects(site)) logger.warn(warning);
        const dead = deadSiteLinks(recordedSiteLinks(), site);
        if (dead.length === 0) return;
        const count = dead.length > 1 ? `${String(dead.length)} articles à corriger :\n` : "";
        // Astro would say « Complete! » and exit with 0 (a thrown error adds its English line): the editor's words alone.
        logger.error(count + dead.join("\n"));
        process.exit(1);
      },
    },
  };
}
