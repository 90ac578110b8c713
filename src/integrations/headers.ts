/**
 * Writes dist/client/_headers, the Node server's security and cache policy for static hosts, and
 * for the Node server the settings the pages and _headers were built with (dist/server/reglages.json):
 * the site's origin (SITE_URL), the form's (NEWSLETTER_ACTION) and HSTS_MAX_AGE, read at build.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { headersFile } from "../../server/headers.ts";
import { BUILT_SETTINGS_FILE, builtSettings, hstsFromEnv, policyFromEnv } from "../../server/site-settings.ts";
import { SITE } from "../config.ts";

/** Astro integration that writes the `_headers` file and the server's settings at the end of the build. */
export function staticHeaders(): AstroIntegration {
  let serverDir: URL | undefined;
  return {
    name: "digimedia-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        serverDir = config.build.server;
      },
      "astro:build:done": ({ dir, logger }) => {
        const { warning } = hstsFromEnv();
        if (warning !== undefined) logger.warn(warning);
        const policy = policyFromEnv();
        writeFileSync(join(fileURLToPath(dir), "_headers"), headersFile(policy));
        if (serverDir !== undefined) {
          const settings = builtSettings(SITE.url, policy);
          writeFileSync(join(fileURLToPath(serverDir), BUILT_SETTINGS_FILE), `${JSON.stringify(settings)}\n`);
        }
      },
    },
  };
}
