/** The built site's address, one answer for the server and for the subscriber export (server/site-settings.ts). */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_SETTINGS_FILE, builtSiteUrl } from "../../server/site-settings.ts";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const BUILT = "https://construit.example.fr";

describe("builtSiteUrl", () => {
  it("follows the build, and warns in French when SITE_URL says otherwise", () => {
    expect(builtSiteUrl({ siteUrl: BUILT }, "le serveur", {})).toEqual({ siteUrl: BUILT, warning: undefined });
    expect(builtSiteUrl({ siteUrl: BUILT }, "le serveur", { SITE_URL: BUILT }).warning).toBeUndefined();
    expect(builtSiteUrl({ siteUrl: BUILT }, "l’export", { SITE_URL: "https://autre.example.fr" })).toEqual({
      siteUrl: BUILT,
      warning:
        `Attention\u00a0: SITE_URL (https://autre.example.fr) n’est pas celui du build (${BUILT})\u202f; l’export suit ` +
        "le build, dont les pages portent l’adresse. Pour d’autres liens dans les e-mails, donnez PUBLIC_URL.",
    });
  });

  it("leaves SITE_URL to a build that recorded no address", () => {
    expect(builtSiteUrl({}, "le serveur", { SITE_URL: "https://autre.example.fr" })).toEqual({
      siteUrl: undefined,
      warning: undefined,
    });
  });
});

describe("npm run subscribers -- export", () => {
  /** Exports a database of one confirmed subscriber next to a build made for BUILT, with `env`. */
  const exportWith = (env: Record<string, string>) => {
    const dist = temporaryFolder("export-dist-");
    mkdirSync(join(dist, "server"));
    writeFileSync(join(dist, "server", BUILT_SETTINGS_FILE), JSON.stringify({ siteUrl: BUILT }));
    const data = temporaryFolder("export-donnees-");
    const store = openSqliteStore(join(data, "subscribers.db"));
    const now = new Date("2026-01-01T00:00:00Z");
    store.signup({
      email: "lea@exemple.fr",
      source: "/",
      now,
      newToken: "jeton-lea",
      newConfirmToken: "jeton-lea",
      mailEverySeconds: 600,
    });
    store.confirm("jeton-lea", now);
    store.close();
    return spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", "scripts/subscribers.ts", "export"], {
      cwd: join(import.meta.dirname, "../.."),
      env: { ...process.env, DIST_DIR: dist, DATA_DIR: data, ...env },
      encoding: "utf8",
    });
  };

  it("writes unsubscribe links on the built site's address, as the server's e-mails, whatever SITE_URL says", () => {
    const result = exportWith({ SITE_URL: "https://autre.example.fr" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `,${BUILT}/newsletter/se-desinscrire/?token=jeton-lea,${BUILT}/api/newsletter/unsubscribe?token=jeton-lea`,
    );
    expect(result.stdout).not.toContain("autre.example.fr");
    expect(result.stderr).toContain("l’export suit le build");
  });

  it("takes PUBLIC_URL, as the server does for its e-mails", () => {
    const result = exportWith({ PUBLIC_URL: "http://127.0.0.1:4360/" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(",http://127.0.0.1:4360/newsletter/se-desinscrire/?token=jeton-lea,");
  });
});
