/** Writes dist/client/_headers: the Node server's security and cache policy, for static hosts. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { headersFile, policyFromEnv } from "../../server/headers.ts";

/** Astro integration that writes the `_headers` file at the end of the build. */
export function staticHeaders(): AstroIntegration {
  return {
    name: "digimedia-headers",
    hooks: {
      "astro:build:done": ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), "_headers"), headersFile(policyFromEnv()));
      },
    },
  };
}
