/**
 * Which built site is served, and the public address that follows from its build: one answer for the server
 * (built-site.ts) and for the subscriber export (scripts/subscribers.ts), so the unsubscribe links an export
 * writes lead where the server's e-mails lead.
 */
import { resolve } from "node:path";
import type { BuiltSettings } from "./headers.ts";

/** The built site's folder: $DIST_DIR, or $OUT_DIR (dist by default) in the project. */
export function distDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env["DIST_DIR"] ?? resolve(import.meta.dirname, "..", env["OUT_DIR"] ?? "dist"));
}

/** The site's public origin for a built site, and what to tell the operator about it. */
export interface SiteUrlChoice {
  /** The build's SITE_URL, which its pages carry; undefined for a build that recorded none (then $SITE_URL). */
  siteUrl: string | undefined;
  /** A French warning when $SITE_URL says another address than the build, which `who` follows. */
  warning: string | undefined;
}

/**
 * The site's origin `who` ("le serveur", "l’export") must follow: the build's (canonical links, e-mails and allowed
 * origin must agree with the pages), not $SITE_URL, which only says something for a build that recorded none.
 * Only PUBLIC_URL changes the links of e-mails and exports (runtime.ts's publicUrl).
 */
export function builtSiteUrl(built: BuiltSettings, who: string, env: NodeJS.ProcessEnv = process.env): SiteUrlChoice {
  const asked = env["SITE_URL"];
  if (built.siteUrl === undefined || asked === undefined || asked === built.siteUrl)
    return { siteUrl: built.siteUrl, warning: undefined };
  return {
    siteUrl: built.siteUrl,
    warning:
      `Attention\u00a0: SITE_URL (${asked}) n’est pas celui du build (${built.siteUrl})\u202f; ${who} suit le build, ` +
      `dont les pages portent l’adresse. Pour d’autres liens dans les e-mails, donnez PUBLIC_URL.`,
  };
}
