/**
 * The built site the server serves (OUT_DIR, dist/ by default, or DIST_DIR) and the settings its
 * build recorded. main.ts imports it first: the build's SITE_URL must be in the environment before
 * src/config.ts reads it, as the pages carry that address (canonical links) and the e-mails and the
 * allowed origin must agree with them.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { readBuiltSettings } from "./headers.ts";

export const dist = resolve(
  process.env["DIST_DIR"] ?? resolve(import.meta.dirname, "..", process.env["OUT_DIR"] ?? "dist"),
);

if (!existsSync(join(dist, "server", "entry.mjs"))) {
  console.error(`Aucun site construit dans ${dist} : lancez d’abord npm run build (npm start construit puis sert).`);
  process.exit(1);
}

export const built = readBuiltSettings(join(dist, "server"));

const serverUrl = process.env["SITE_URL"];
if (built.siteUrl !== undefined) {
  if (serverUrl !== undefined && serverUrl !== built.siteUrl) {
    console.warn(
      `Attention : SITE_URL (${serverUrl}) n’est pas celui du build (${built.siteUrl}) ; le serveur suit le build, ` +
        `dont les pages portent l’adresse. Pour d’autres liens dans les e-mails, donnez PUBLIC_URL.`,
    );
  }
  process.env["SITE_URL"] = built.siteUrl;
}
