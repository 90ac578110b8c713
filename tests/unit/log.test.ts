/** The server's log: the instant on every line (server/log.ts), and what the newsletter tells it, without addresses. */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stampConsole, stamped } from "../../server/log.ts";
import { handleSignup, handleTokenLink, type NewsletterDeps } from "../../src/lib/newsletter/handler.ts";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const AT = new Date("2026-01-15T10:00:00Z");

describe("stamped lines", () => {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  afterEach(() => {
    Object.assign(console, saved);
  });

  it("puts the instant, ISO 8601 in UTC, in front of a line", () => {
    expect(stamped("Serveur arrêté.", AT)).toBe("2026-01-15T10:00:00.000Z Serveur arrêté.");
  });

  it("stamps every console line of the process, formatted as console would", () => {
    const written: string[] = [];
    for (const level of ["log", "info", "warn", "error"] as const)
      console[level] = (line: unknown) => void written.push(String(line));
    stampConsole(() => AT);
    console.log("Digimedia\u00a0: %s", "http://127.0.0.1:4360/");
    console.error("Newsletter\u00a0: stockage impossible", 3);
    expect(written).toEqual([
      "2026-01-15T10:00:00.000Z Digimedia\u00a0: http://127.0.0.1:4360/",
      "2026-01-15T10:00:00.000Z Newsletter\u00a0: stockage impossible 3",
    ]);
  });
});

describe("the newsletter's log", () => {
  it("tells each signup, confirmation and unsubscription, never the address", async () => {
    const lines: string[] = [];
    const store = openSqliteStore(join(temporaryFolder("journal-"), "subscribers.db"));
    const sent: string[] = [];
    const deps: NewsletterDeps = {
      store,
      mail: { send: (m) => Promise.resolve(void sent.push(m.text)) },
      publicUrl: "https://www.digimedia.fr",
      allowedOrigins: [],
      now: () => AT,
      log: (line) => lines.push(line),
    };
    const signup = (): Request =>
      new Request("https://www.digimedia.fr/api/newsletter", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "secret@exemple.fr" }),
      });
    await handleSignup(signup(), deps);
    await handleSignup(signup(), deps);
    // The message's links: its confirmation page, then its way out.
    const tokenOf = (page: string): string => new RegExp(`${page}\\?token=([\\w-]+)`).exec(sent[0] ?? "")?.[1] ?? "";
    const post = (path: string, page: string): Request =>
      new Request(`https://www.digimedia.fr${path}?token=${tokenOf(page)}`, { method: "POST" });
    await handleTokenLink(post("/api/newsletter/confirm", "/newsletter/confirmer/"), deps, "confirm");
    await handleTokenLink(post("/api/newsletter/unsubscribe", "/newsletter/se-desinscrire/"), deps, "unsubscribe");
    store.close();
    expect(lines).toEqual([
      "Newsletter\u00a0: inscription (nouvelle adresse), e-mail envoyé.",
      "Newsletter\u00a0: inscription (adresse déjà en attente), e-mail déjà envoyé il y a moins de 10\u00a0minutes.",
      "Newsletter\u00a0: confirmation enregistrée.",
      "Newsletter\u00a0: désinscription enregistrée.",
    ]);
    expect(lines.join("\n")).not.toMatch(/secret|exemple|token|jeton/);
  });
});
