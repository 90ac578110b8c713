/**
 * Writes dist/client/_headers, the Node server's security and cache policy for static hosts, and
 * the form's origin for the Node server (dist/server/politique.json): NEWSLETTER_ACTION is read at
 * build, where it goes into the pages.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { BUILT_POLICY_FILE, headersFile, policyFromEnv } from "../../server/headers.ts";

/** Astro integration that writes the `_headers` file and the server's policy at the end of the build. */
export function staticHeaders(): AstroIntegration {
  let serverDir: URL | undefined;
  return {
    name: "digimedia-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        serverDir = config.build.server;
      },
      "astro:build:done": ({ dir }) => {
        const policy = policyFromEnv();
        writeFileSync(join(fileURLToPath(dir), "_headers"), headersFile(policy));
        if (serverDir !== undefined) {
          writeFileSync(
            join(fileURLToPath(serverDir), BUILT_POLICY_FILE),
            `${JSON.stringify({ formOrigin: policy.formOrigin })}\n`,
          );
        }
      },
    },
  };
}
