import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/lib/newsletter/csv.ts";
import {
  handleSignup,
  handleTokenLink,
  HONEYPOT_FIELD,
  RATE_LIMIT,
  type NewsletterDeps,
} from "../../src/lib/newsletter/handler.ts";
import type { MailMessage } from "../../src/lib/newsletter/mail.ts";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";

const origin = "https://www.digimedia.fr";
let dir = "";
let deps: NewsletterDeps;
let sent: MailMessage[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsletter-"));
  sent = [];
  deps = {
    store: openSqliteStore(join(dir, "subscribers.db")),
    mail: { send: (m) => Promise.resolve(void sent.push(m)) },
    publicUrl: origin,
    allowedOrigins: [],
    now: () => new Date("2026-01-15T10:00:00Z"),
  };
});
afterEach(() => {
  deps.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): Request =>
  new Request(`${origin}/api/newsletter`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
const asJson = (body: unknown, headers: Record<string, string> = {}): Request =>
  new Request(`${origin}/api/newsletter`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const tokenOf = (m: MailMessage | undefined): string => /token=([\w-]+)/.exec(m?.text ?? "")?.[1] ?? "";

describe("a signup", () => {
  it("stores a pending subscriber with its consent and source, mails a confirmation, and redirects (303)", async () => {
    const response = await handleSignup(form({ email: "  Lea@Exemple.FR ", source: "/articles/x/" }), deps);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/newsletter/merci/");
    const row = deps.store.find("Lea@exemple.fr");
    expect(row).toMatchObject({ status: "pending", source: "/articles/x/", consentAt: "2026-01-15T10:00:00.000Z" });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("Lea@exemple.fr");
    expect(sent[0]?.text).toContain(`${origin}/api/newsletter/confirm?token=${row?.token ?? "?"}`);
    expect(sent[0]?.unsubscribeUrl).toBe(`${origin}/api/newsletter/unsubscribe?token=${row?.token ?? "?"}`);
  });

  it("answers JSON to a client that asks for it", async () => {
    const response = await handleSignup(asJson({ email: "a@exemple.fr" }), deps);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it("answers the same to a second signup, with no second row", async () => {
    const first = await (await handleSignup(asJson({ email: "a@exemple.fr" }), deps)).text();
    const again = await handleSignup(asJson({ email: "a@exemple.fr" }), deps);
    expect(await again.text()).toBe(first);
    expect(deps.store.confirm(tokenOf(sent[0]), deps.now())).toBe(true);
    const afterConfirm = await handleSignup(asJson({ email: "a@exemple.fr" }), deps);
    expect(await afterConfirm.text()).toBe(first);
    expect(deps.store.confirmed()).toHaveLength(1);
    expect(deps.store.find("a@exemple.fr")?.status).toBe("confirmed");
  });

  it("keeps nothing when the honeypot is filled, and answers as usual", async () => {
    const response = await handleSignup(form({ email: "robot@exemple.fr", [HONEYPOT_FIELD]: "http://spam" }), deps);
    expect(response.headers.get("location")).toBe("/newsletter/merci/");
    expect(deps.store.find("robot@exemple.fr")).toBeUndefined();
    expect(sent).toHaveLength(0);
  });

  it("confirms, then unsubscribes, through the links of the message", () => {
    return handleSignup(asJson({ email: "b@exemple.fr" }), deps).then(() => {
      const token = tokenOf(sent[0]);
      const link = (path: string) => new Request(`${origin}/api/newsletter/${path}?token=${token}`);
      expect(handleTokenLink(link("confirm"), deps, "confirm").headers.get("location")).toBe("/newsletter/confirmee/");
      expect(deps.store.find("b@exemple.fr")?.status).toBe("confirmed");
      expect(handleTokenLink(link("unsubscribe"), deps, "unsubscribe").headers.get("location")).toBe(
        "/newsletter/desinscription/",
      );
      expect(deps.store.find("b@exemple.fr")?.status).toBe("unsubscribed");
      const bad = new Request(`${origin}/api/newsletter/confirm?token=inconnu-inconnu-inconnu`);
      expect(handleTokenLink(bad, deps, "confirm").headers.get("location")).toBe("/newsletter/lien-invalide/");
    });
  });
});

describe("refusals", () => {
  it("sends a form with a bad address back to the form, with the address kept and no row", async () => {
    const response = await handleSignup(form({ email: "a@localhost", source: "/articles/x/" }), deps);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "", origin);
    expect(location.pathname).toBe("/newsletter/erreur/");
    expect(location.searchParams.get("raison")).toBe("domaine");
    expect(location.searchParams.get("email")).toBe("a@localhost");
    expect(location.searchParams.get("depuis")).toBe("/articles/x/");
  });

  it.each([
    ["a bad address", asJson({ email: "a@b.fr\r\nBcc: x@y.fr" }), 400],
    ["broken JSON", asJson("{email:"), 400],
    ["a JSON array", asJson("[1,2]"), 400],
    ["a number as address", asJson({ email: 42 }), 400],
    ["a GET", new Request(`${origin}/api/newsletter`, { headers: { Accept: "application/json" } }), 405],
    ["a body over 4 KB", asJson({ email: "a@exemple.fr", pad: "x".repeat(5000) }), 413],
    ["a text/plain body", asJson("email=a@b.fr", { "Content-Type": "text/plain" }), 415],
    ["a cross-site form post", form({ email: "a@exemple.fr" }, { Origin: "https://malveillant.example" }), 403],
    ["a cross-site fetch", asJson({ email: "a@exemple.fr" }, { "Sec-Fetch-Site": "cross-site" }), 403],
  ])("answers %s with the right status and a French message, never echoing the input", async (_, request, status) => {
    const response = await handleSignup(request, deps);
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(body).toMatch(/(Indiquez|Cette|Le|La|Les|Format)\b[^"]*\./);
    expect(body).not.toContain("Bcc");
    expect(deps.store.confirmed()).toHaveLength(0);
  });

  it("limits one address to a few signups an hour, with Retry-After", async () => {
    for (let i = 0; i < RATE_LIMIT.max; i++) {
      expect((await handleSignup(asJson({ email: "c@exemple.fr" }), deps)).status).toBe(200);
    }
    const limited = await handleSignup(asJson({ email: "C@Exemple.fr" }), deps);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(RATE_LIMIT.windowSeconds);
    expect((await handleSignup(asJson({ email: "d@exemple.fr" }), deps)).status).toBe(200);
  });

  it("answers 503, not 500, when the store fails, so the reader knows to try again", async () => {
    deps.store.close();
    const response = await handleSignup(asJson({ email: "e@exemple.fr" }), deps);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("60");
    deps.store = openSqliteStore(join(dir, "subscribers.db"));
  });
});

describe("CSV export", () => {
  it("quotes what needs it and defuses spreadsheet formulas", () => {
    expect(csvCell("a@b.fr")).toBe("a@b.fr");
    expect(csvCell("=HYPERLINK(1)@x.fr")).toBe(`"'=HYPERLINK(1)@x.fr"`);
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(toCsv(["email"], [["a@b.fr"]])).toBe("email\r\na@b.fr\r\n");
  });
});
