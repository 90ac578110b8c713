/**
 * The built site the server serves (OUT_DIR, dist/ by default, or DIST_DIR) and the settings its
 * build recorded; and, first of all, the instant in front of every log line (log.ts). main.ts imports it first: the build's SITE_URL must be in the environment before
 * src/config.ts reads it, as the pages carry that address (canonical links) and the e-mails and the
 * allowed origin must agree with them.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { builtSiteUrl, distDir, readBuiltSettings } from "./site-settings.ts";
import { stampConsole } from "./log.ts";

// The first lines of the server, from here on, carry their instant.
stampConsole();

export const dist = distDir();

if (!existsSync(join(dist, "server", "entry.mjs"))) {
  console.error(
    `Aucun site construit dans ${dist}\u00a0: lancez d’abord npm run build (npm start construit puis sert).`,
  );
  process.exit(1);
}

export const built = readBuiltSettings(join(dist, "server"));

const { siteUrl, warning } = builtSiteUrl(built, "le serveur");
if (warning !== undefined) console.warn(warning);
if (siteUrl !== undefined) process.env["SITE_URL"] = siteUrl;
