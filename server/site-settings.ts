/**
 * The settings a build records for the server (dist/server/reglages.json), which built site is served, and what
 * follows from its build: the public address, one answer for the server (built-site.ts) and for the subscriber
 * export (scripts/subscribers.ts), so the links an export writes lead where the server's e-mails lead; and the
 * security policy, the same as the build's _headers.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PolicyOptions } from "./headers.ts";

/** Where the build records its settings for the server: beside the server's code, in dist/server/. */
export const BUILT_SETTINGS_FILE = "reglages.json";

/** Settings a build puts into its pages and _headers, which the server must follow rather than its own environment. */
export interface BuiltSettings {
  /** The site's public origin (SITE_URL at build): canonical addresses, links in e-mails, allowed origin. */
  siteUrl?: string | undefined;
  /** Origin the form posts to when it is not this site (NEWSLETTER_ACTION at build). */
  formOrigin?: string | undefined;
  /** Seconds of Strict-Transport-Security (HSTS_MAX_AGE at build), null for none; absent from older builds. */
  hstsMaxAge?: number | null | undefined;
}

/** The settings the build of `serverDir` recorded; none for a build from before this file. */
export function readBuiltSettings(serverDir: string): BuiltSettings {
  try {
    return JSON.parse(readFileSync(join(serverDir, BUILT_SETTINGS_FILE), "utf8")) as BuiltSettings;
  } catch {
    return {};
  }
}

/** HSTS_MAX_AGE read: its seconds, or undefined when unset; a French warning when it is no number of seconds. */
export function hstsFromEnv(env: NodeJS.ProcessEnv = process.env): { maxAge?: number; warning?: string } {
  const value = env["HSTS_MAX_AGE"];
  if (value === undefined || value === "") return {};
  if (/^\d+$/.test(value)) return { maxAge: Number(value) };
  return {
    warning: `Attention\u00a0: HSTS_MAX_AGE (${value}) n’est pas un nombre de secondes\u202f; Strict-Transport-Security n’est pas envoyé.`,
  };
}

/** Policy options from the build's environment (NEWSLETTER_ACTION, HSTS_MAX_AGE), for _headers and reglages.json. */
export function policyFromEnv(env: NodeJS.ProcessEnv = process.env): PolicyOptions {
  const action = env["NEWSLETTER_ACTION"];
  return {
    formOrigin: action !== undefined && /^https?:\/\//.test(action) ? new URL(action).origin : undefined,
    hstsMaxAge: hstsFromEnv(env).maxAge,
  };
}

/** What a build records for the server: its site's origin and its policy, the one its _headers carries. */
export function builtSettings(siteUrl: string, policy: PolicyOptions): BuiltSettings {
  return { siteUrl, formOrigin: policy.formOrigin, hstsMaxAge: policy.hstsMaxAge ?? null };
}

/**
 * The server's policy for the site it serves, as its build wrote it in _headers: the origin its forms post to (in
 * the pages since the build) and Strict-Transport-Security. The server's own HSTS_MAX_AGE counts only for a build
 * that recorded none (from before hstsMaxAge was recorded).
 */
export function servedPolicy(built: BuiltSettings, env: NodeJS.ProcessEnv = process.env): PolicyOptions {
  const hstsMaxAge = built.hstsMaxAge === undefined ? hstsFromEnv(env).maxAge : (built.hstsMaxAge ?? undefined);
  return { formOrigin: built.formOrigin, hstsMaxAge };
}

/** A French warning when the server is given an HSTS_MAX_AGE its build did not take, which it then ignores. */
export function servedPolicyWarning(built: BuiltSettings, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const asked = hstsFromEnv(env);
  if (built.hstsMaxAge === undefined) return asked.warning;
  const unset = asked.maxAge === undefined && asked.warning === undefined;
  if (unset || asked.maxAge === built.hstsMaxAge) return undefined;
  const wanted =
    asked.maxAge === undefined ? `${env["HSTS_MAX_AGE"] ?? ""}, pas un nombre de secondes` : String(asked.maxAge);
  const builtValue = built.hstsMaxAge === null ? "aucun" : String(built.hstsMaxAge);
  return (
    `Attention\u00a0: HSTS_MAX_AGE (${wanted}) n’est pas celui du build (${builtValue})\u202f; le serveur suit le build, ` +
    `comme dist/client/_headers. Pour le changer, reconstruisez avec HSTS_MAX_AGE.`
  );
}

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
