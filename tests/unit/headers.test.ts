/** The policy the Node server sends for the site it serves (server/headers.ts). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, headersFile, securityHeaders } from "../../server/headers.ts";
import {
  BUILT_SETTINGS_FILE,
  builtSettings,
  hstsFromEnv,
  policyFromEnv,
  readBuiltSettings,
  servedPolicy,
  servedPolicyWarning,
} from "../../server/site-settings.ts";
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

  it("sends the Strict-Transport-Security of the build, which its _headers carries, whatever the server is given", () => {
    const serverDir = temporaryFolder("politique-");
    const policy = policyFromEnv({ HSTS_MAX_AGE: "600" });
    expect(headersFile(policy)).toContain("Strict-Transport-Security: max-age=600; includeSubDomains");
    writeFileSync(join(serverDir, BUILT_SETTINGS_FILE), JSON.stringify(builtSettings("https://x.example.fr", policy)));
    const built = readBuiltSettings(serverDir);
    for (const env of [{}, { HSTS_MAX_AGE: "31536000" }]) {
      expect(securityHeaders(servedPolicy(built, env))["Strict-Transport-Security"]).toBe(
        "max-age=600; includeSubDomains",
      );
    }
    expect(servedPolicyWarning(built, { HSTS_MAX_AGE: "31536000" })).toBe(
      "Attention\u00a0: HSTS_MAX_AGE (31536000) n’est pas celui du build (600)\u202f; le serveur suit le build, " +
        "comme dist/client/_headers. Pour le changer, reconstruisez avec HSTS_MAX_AGE.",
    );
    expect(servedPolicyWarning(built, {})).toBeUndefined();
    expect(servedPolicyWarning(built, { HSTS_MAX_AGE: "" })).toBeUndefined();
  });

  it("sends none for a build without HSTS_MAX_AGE, and says so to a server given one", () => {
    const built = builtSettings("https://x.example.fr", policyFromEnv({}));
    expect(JSON.parse(JSON.stringify(built))).toEqual({ siteUrl: "https://x.example.fr", hstsMaxAge: null });
    expect(securityHeaders(servedPolicy(built, { HSTS_MAX_AGE: "600" }))["Strict-Transport-Security"]).toBeUndefined();
    expect(servedPolicyWarning(built, { HSTS_MAX_AGE: "600" })).toContain(
      "HSTS_MAX_AGE (600) n’est pas celui du build (aucun)",
    );
  });

  it("takes the server's HSTS_MAX_AGE for a build that recorded none (older than the setting)", () => {
    const serverDir = temporaryFolder("politique-ancienne-");
    expect(
      securityHeaders(servedPolicy(readBuiltSettings(serverDir), { HSTS_MAX_AGE: "600" }))["Strict-Transport-Security"],
    ).toContain("max-age=600");
    expect(
      securityHeaders(servedPolicy(readBuiltSettings(serverDir), {}))["Strict-Transport-Security"],
    ).toBeUndefined();
  });
});

describe("HSTS_MAX_AGE", () => {
  it.each(["abc", "-1", "1e6", "600s"])("warns in French that %s is no number of seconds, and sends none", (value) => {
    expect(hstsFromEnv({ HSTS_MAX_AGE: value })).toEqual({
      warning: `Attention\u00a0: HSTS_MAX_AGE (${value}) n’est pas un nombre de secondes\u202f; Strict-Transport-Security n’est pas envoyé.`,
    });
    expect(policyFromEnv({ HSTS_MAX_AGE: value }).hstsMaxAge).toBeUndefined();
    expect(servedPolicyWarning({}, { HSTS_MAX_AGE: value })).toContain("n’est pas un nombre de secondes");
  });

  it("reads seconds, and nothing from an empty value", () => {
    expect(hstsFromEnv({ HSTS_MAX_AGE: "600" })).toEqual({ maxAge: 600 });
    expect(hstsFromEnv({ HSTS_MAX_AGE: "" })).toEqual({});
  });
});
