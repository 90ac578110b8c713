/** The policy the Node server sends for the site it serves (server/headers.ts). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BUILT_SETTINGS_FILE,
  contentSecurityPolicy,
  readBuiltSettings,
  securityHeaders,
  servedPolicy,
} from "../../server/headers.ts";
import { temporaryFolder } from "../temporary-folder.ts";

describe("servedPolicy", () => {
  it("lets forms post where the build pointed them, whatever NEWSLETTER_ACTION says when the server starts", () => {
    const serverDir = temporaryFolder("politique-");
    writeFileSync(
      join(serverDir, BUILT_SETTINGS_FILE),
      JSON.stringify({ formOrigin: "https://inscription.example.org" }),
    );
    const policy = servedPolicy(readBuiltSettings(serverDir), {
      NEWSLETTER_ACTION: "https://ailleurs.example.net/api",
    });
    expect(contentSecurityPolicy(policy)).toContain("form-action 'self' https://inscription.example.org;");
  });

  it("keeps forms on the site for a build that pointed them nowhere else, or wrote no policy", () => {
    const built = temporaryFolder("politique-");
    writeFileSync(join(built, BUILT_SETTINGS_FILE), "{}\n");
    for (const serverDir of [built, temporaryFolder("politique-absente-")]) {
      const policy = servedPolicy(readBuiltSettings(serverDir), {
        NEWSLETTER_ACTION: "https://ailleurs.example.net/api",
      });
      expect(contentSecurityPolicy(policy)).toContain("form-action 'self';");
    }
  });

  it("takes Strict-Transport-Security from the server's environment", () => {
    const serverDir = temporaryFolder("politique-");
    expect(
      securityHeaders(servedPolicy(readBuiltSettings(serverDir), { HSTS_MAX_AGE: "600" }))["Strict-Transport-Security"],
    ).toContain("max-age=600");
    expect(
      securityHeaders(servedPolicy(readBuiltSettings(serverDir), {}))["Strict-Transport-Security"],
    ).toBeUndefined();
  });
});
