import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type AddressInfo } from "node:net";
import { parse } from "node-html-parser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientKey } from "../../src/lib/newsletter/client.ts";
import { csvCell, toCsv } from "../../src/lib/newsletter/csv.ts";
import {
  handleSignup,
  handlePreflight,
  handleTokenLink,
  tokenLinkPage,
  type NewsletterDeps,
} from "../../src/lib/newsletter/handler.ts";
import { unavailable } from "../../src/lib/newsletter/http.ts";
import { TOKEN_ACTIONS } from "../../src/lib/newsletter/links.ts";
import {
  HONEYPOT_FIELD,
  RATE_LIMIT,
  CLIENT_RATE_LIMIT,
  DAILY_RATE_LIMIT,
  purgeExpired,
  RETENTION,
  MAILS_PER_DAY,
  MAIL_CLAIM_SECONDS,
  SIGNUP_ANSWER_WAIT_MS,
  SMTP_TIMEOUTS,
} from "../../src/lib/newsletter/policy.ts";
import { outboxTransport, smtpTransport, type MailMessage } from "../../src/lib/newsletter/mail.ts";
import { openSqliteStore, readConfirmedImmutable } from "../../src/lib/newsletter/sqlite-store.ts";
import { DatabaseSync } from "node:sqlite";

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
/** The token of a message's confirmation link, and of its links out (the same in every message to an address). */
const confirmTokenOf = (m: MailMessage | undefined): string =>
  /\/newsletter\/confirmer\/\?token=([\w-]+)/.exec(m?.text ?? "")?.[1] ?? "";
const unsubscribeTokenOf = (m: MailMessage | undefined): string =>
  /token=([\w-]+)/.exec(m?.unsubscribeUrl ?? "")?.[1] ?? "";

describe("a signup", () => {
  it("stores a pending subscriber with its consent and source, mails a confirmation, and redirects (303)", async () => {
    const response = await handleSignup(form({ email: "  Lea@Exemple.FR ", source: "/articles/x/" }), deps);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/newsletter/merci/?depuis=%2Farticles%2Fx%2F");
    const row = deps.store.find("Lea@exemple.fr");
    expect(row).toMatchObject({ status: "pending", source: "/articles/x/", consentAt: "2026-01-15T10:00:00.000Z" });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("Lea@exemple.fr");
    expect(sent[0]?.text).toContain(`${origin}/newsletter/confirmer/?token=${row?.confirmToken ?? "?"}`);
    // Two tokens: the links out, which every message carries, confirm nothing.
    expect(row?.confirmToken).not.toBe(row?.token);
    expect(sent[0]?.text).toContain(`${origin}/newsletter/se-desinscrire/?token=${row?.token ?? "?"}`);
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
    expect(deps.store.confirm(confirmTokenOf(sent[0]), deps.now())).toBe(true);
    const afterConfirm = await handleSignup(asJson({ email: "a@exemple.fr" }), deps);
    expect(await afterConfirm.text()).toBe(first);
    expect(deps.store.confirmed()).toHaveLength(1);
    expect(deps.store.find("a@exemple.fr")?.status).toBe("confirmed");
  });

  it("says in the confirmation message, as text and HTML, how long its link works (RETENTION)", async () => {
    await handleSignup(asJson({ email: "delai@exemple.fr" }), deps);
    const days = `${String(RETENTION.pendingDays)}\u00a0jours`;
    expect(sent[0]?.text).toContain(
      `Ce lien est valable ${days}\u00a0: sans confirmation d’ici là, votre demande est effacée.`,
    );
    expect(sent[0]?.html).toContain(`Ce lien est valable ${String(RETENTION.pendingDays)}&nbsp;jours&nbsp;:`);
  });

  it("says the same things in the text and the HTML of a confirmation, « e-mail » for the message itself", async () => {
    await handleSignup(asJson({ email: "pareil@exemple.fr" }), deps);
    const { subject, text, html } = sent[0] ?? { subject: "", text: "", html: "" };
    expect(subject).toBe("Confirmez votre inscription à la newsletter de Digimedia");
    expect(text).toContain("chaque semaine.\n\nPour confirmer votre inscription, ouvrez ce lien\u00a0:\nhttps://");
    expect(html).toContain("Pour confirmer votre inscription, ouvrez ce lien&nbsp;:<br><a ");
    expect(text).toContain("Pour ne plus rien recevoir de Digimedia\u00a0: ");
    expect(html).toContain("Pour ne plus rien recevoir de Digimedia&nbsp;: <a ");
    expect(`${text}${html}`).toContain("ignorez cet e-mail");
    expect(`${text}${html}`).not.toMatch(/\bmessage\b|lettre/);
  });

  it("sends an HTML message a mail client reads as such: UTF-8 declared, titled with its subject, signed as the text", async () => {
    await handleSignup(asJson({ email: "html@exemple.fr" }), deps);
    const html = parse(sent[0]?.html ?? "");
    expect(html.querySelector("meta[charset]")?.getAttribute("charset")).toBe("utf-8");
    expect(html.querySelector("head title")?.text).toBe(sent[0]?.subject);
    // In the same order: the signature, then the way out.
    const lines = (sent[0]?.text ?? "").trim().split("\n");
    const signature = lines.at(-3) ?? "";
    expect(signature).toMatch(/^— La rédaction de /);
    expect(lines.at(-1)).toMatch(/^Pour ne plus rien recevoir de .+\u00a0: https:/);
    expect(
      html
        .querySelectorAll("body p")
        .map((p) => p.text)
        .slice(-2),
    ).toEqual([signature, expect.stringMatching(/^Pour ne plus rien recevoir de .+\u00a0: se désinscrire$/)]);
  });

  it("mails an already confirmed reader who signs up again that they are subscribed, with a way to leave", async () => {
    await handleSignup(asJson({ email: "deja@exemple.fr" }), deps);
    const token = unsubscribeTokenOf(sent[0]);
    expect(deps.store.confirm(confirmTokenOf(sent[0]), deps.now())).toBe(true);
    deps.now = () => new Date("2026-01-15T11:00:00Z");
    const again = await handleSignup(asJson({ email: "deja@exemple.fr" }), deps);
    expect(again.status).toBe(200);
    // The answer says a message was sent: it was.
    expect(sent).toHaveLength(2);
    const reminder = sent[1];
    expect(reminder?.to).toBe("deja@exemple.fr");
    expect(reminder?.subject).toBe("Votre adresse est déjà inscrite à la newsletter de Digimedia");
    expect(reminder?.text).toMatch(/a de nouveau inscrit cette adresse à la newsletter de Digimedia\. Elle l’est déjà/);
    // One convention, as on the pages: no gendered participle, so no « inscrit(e) ».
    expect(`${reminder?.subject ?? ""}\n${reminder?.text ?? ""}\n${reminder?.html ?? ""}`).not.toMatch(/\(e\)/);
    expect(reminder?.text).not.toContain("/newsletter/confirmer/");
    expect(reminder?.text).toContain(`${origin}/newsletter/se-desinscrire/?token=${token}`);
    expect(reminder?.html).toContain(`${origin}/newsletter/se-desinscrire/?token=${token}`);
    expect(reminder?.unsubscribeUrl).toBe(`${origin}/api/newsletter/unsubscribe?token=${token}`);
    expect(deps.store.find("deja@exemple.fr")?.status).toBe("confirmed");
  });

  it("mails an address at most once every 10 minutes, and answers the same meanwhile", async () => {
    const at = (minutes: number) => () => new Date(Date.UTC(2026, 0, 15, 10, minutes));
    deps.now = at(0);
    const first = await (await handleSignup(asJson({ email: "insiste@exemple.fr" }), deps)).text();
    deps.now = at(5);
    const again = await handleSignup(asJson({ email: "insiste@exemple.fr" }), deps);
    expect(await again.text()).toBe(first);
    expect(sent).toHaveLength(1);
    deps.now = at(11);
    expect(await (await handleSignup(asJson({ email: "insiste@exemple.fr" }), deps)).text()).toBe(first);
    expect(sent).toHaveLength(2);
    // The same for a confirmed reader, so that the answer tells nothing about who is subscribed.
    expect(deps.store.confirm(confirmTokenOf(sent[0]), deps.now())).toBe(true);
    deps.now = at(15);
    await handleSignup(asJson({ email: "insiste@exemple.fr" }), deps);
    expect(sent).toHaveLength(2);
    deps.now = at(22);
    await handleSignup(asJson({ email: "insiste@exemple.fr" }), deps);
    expect(sent).toHaveLength(3);
  });

  it("sends one message for many identical signups at once, keeps one row, and tells none of them otherwise", async () => {
    let release = (): void => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    deps.mail = { send: (m) => slow.then(() => void sent.push(m)) };
    const answers = Promise.all(
      Array.from({ length: 50 }, () => handleSignup(asJson({ email: "foule@exemple.fr" }), deps)),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const statuses = (await answers).map((r) => r.status);
    // The per-address limit refuses the most; every request it lets through is told the message left, and one did.
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT.max);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(sent.map((m) => m.to)).toEqual(["foule@exemple.fr"]);
    expect(deps.store.find("foule@exemple.fr")?.mailedAt).toBe("2026-01-15T10:00:00.000Z");
  });

  it("never says a message was sent when the server died between saving the signup and sending it", async () => {
    // Another process (the server before a kill -9) saved the signup, then died before its message left.
    const dead = openSqliteStore(join(dir, "subscribers.db"));
    dead.signup({
      email: "coupure@exemple.fr",
      source: "/",
      now: deps.now(),
      newToken: "c".repeat(32),
      newConfirmToken: "c".repeat(32),
      mailEverySeconds: 600,
    });
    dead.close();
    expect(deps.store.find("coupure@exemple.fr")?.mailedAt).toBeNull();
    // Sent again at once (the reader saw no answer), the message leaves now, and only then is it recorded as sent:
    // neither « envoyé » for a message that never left, nor a 5xx until the dead process's claim lapses.
    const atOnce = await handleSignup(asJson({ email: "coupure@exemple.fr" }), deps);
    expect(atOnce.status).toBe(200);
    expect(sent.map((m) => m.to)).toEqual(["coupure@exemple.fr"]);
    expect(deps.store.find("coupure@exemple.fr")?.mailedAt).toBe(deps.now().toISOString());
  });

  it("keeps nothing when the honeypot is filled, and answers as usual", async () => {
    const response = await handleSignup(form({ email: "robot@exemple.fr", [HONEYPOT_FIELD]: "http://spam" }), deps);
    expect(response.headers.get("location")).toBe("/newsletter/merci/");
    expect(deps.store.find("robot@exemple.fr")).toBeUndefined();
    expect(sent).toHaveLength(0);
  });

  it.each([
    ["an empty string", ""],
    ["blank, as an autofill may leave it", " \t"],
    ["null, from a JSON client", null],
    ["false, from a JSON client", false],
  ])("signs up as usual when the honeypot is %s", async (_, empty) => {
    const email = `humain-${String(empty).trim() || "vide"}@exemple.fr`;
    expect((await handleSignup(asJson({ email, [HONEYPOT_FIELD]: empty }), deps)).status).toBe(200);
    expect(deps.store.find(email)?.status).toBe("pending");
    expect(sent).toHaveLength(1);
  });

  it.each([42, { a: 1 }, ["a@exemple.fr"]])(
    "refuses an address that is not a text (%j) as an unreadable form, not as an empty one",
    async (email) => {
      const response = await handleSignup(asJson({ email }), deps);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: "requete" });
      expect(sent).toHaveLength(0);
    },
  );

  it("acts on no GET: a message's link leads to the page with the button and changes nothing", async () => {
    await handleSignup(asJson({ email: "b@exemple.fr" }), deps);
    const token = confirmTokenOf(sent[0]);
    for (const action of ["confirm", "unsubscribe"] as const) {
      const url = `${origin}${TOKEN_ACTIONS[action].route}?token=${token}`;
      const opened = tokenLinkPage(new Request(url), action);
      expect(opened.status).toBe(303);
      expect(opened.headers.get("location")).toBe(`${TOKEN_ACTIONS[action].page}?token=${token}`);
      expect((await handleTokenLink(new Request(url), deps, action)).status).toBe(405);
      expect(deps.store.find("b@exemple.fr")?.status).toBe("pending");
    }
    expect(
      tokenLinkPage(new Request(`${origin}/api/newsletter/confirm?token=x`), "confirm").headers.get("location"),
    ).toBe("/newsletter/lien-invalide/");
  });

  it("confirms, then unsubscribes, with the buttons of those pages (POST)", async () => {
    await handleSignup(asJson({ email: "b@exemple.fr" }), deps);
    const tokens = { confirm: confirmTokenOf(sent[0]), unsubscribe: unsubscribeTokenOf(sent[0]) };
    const click = (action: "confirm" | "unsubscribe", t = tokens[action]): Promise<Response> =>
      handleTokenLink(
        new Request(`${origin}${TOKEN_ACTIONS[action].route}?token=${t}`, { method: "POST" }),
        deps,
        action,
      );
    expect((await click("confirm")).headers.get("location")).toBe("/newsletter/confirmee/");
    expect(deps.store.find("b@exemple.fr")?.status).toBe("confirmed");
    expect((await click("unsubscribe")).headers.get("location")).toBe("/newsletter/desinscription/");
    expect(deps.store.find("b@exemple.fr")?.status).toBe("unsubscribed");
    expect((await click("confirm", "inconnu-inconnu-inconnu")).headers.get("location")).toBe(
      "/newsletter/lien-invalide/",
    );
  });

  it("unsubscribes on a mail client's one-click POST with a 200 and no redirect (RFC 8058)", async () => {
    await handleSignup(asJson({ email: "c@exemple.fr" }), deps);
    const oneClick = (url: string): Promise<Response> =>
      handleTokenLink(
        new Request(url, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
        deps,
        "unsubscribe",
      );
    const response = await oneClick(sent[0]?.unsubscribeUrl ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Désinscription enregistrée");
    expect(deps.store.find("c@exemple.fr")?.status).toBe("unsubscribed");
    const unknown = await oneClick(`${origin}/api/newsletter/unsubscribe?token=inconnu-inconnu-inconnu`);
    expect(unknown.status).toBe(404);
    // Not « expiré »: a subscriber's links never expire.
    expect(await unknown.text()).toBe("Ce lien de désinscription ne correspond à aucune inscription.\n");
  });

  it("keeps the links of earlier messages working after a reader unsubscribes and signs up again", async () => {
    await handleSignup(asJson({ email: "retour@exemple.fr" }), deps);
    const first = sent[0];
    const token = unsubscribeTokenOf(first);
    expect(deps.store.confirm(confirmTokenOf(first), deps.now())).toBe(true);
    expect(deps.store.unsubscribe(token, deps.now())).toBe(true);
    deps.now = () => new Date("2026-01-15T11:00:00Z");
    expect((await handleSignup(asJson({ email: "retour@exemple.fr" }), deps)).status).toBe(200);
    expect(unsubscribeTokenOf(sent[1])).toBe(token);
    // The new signup has a confirmation link of its own: neither the old one nor the links out confirm it.
    expect(confirmTokenOf(sent[1])).not.toBe(confirmTokenOf(first));
    expect(deps.store.confirm(confirmTokenOf(first), deps.now())).toBe(false);
    expect(deps.store.confirm(token, deps.now())).toBe(false);
    expect(deps.store.find("retour@exemple.fr")?.status).toBe("pending");
    expect(deps.store.confirm(confirmTokenOf(sent[1]), deps.now())).toBe(true);
    // The one-click address in the headers of the very first message still unsubscribes.
    const oneClick = await handleTokenLink(
      new Request(first?.unsubscribeUrl ?? "", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      deps,
      "unsubscribe",
    );
    expect(oneClick.status).toBe(200);
    expect(deps.store.find("retour@exemple.fr")?.status).toBe("unsubscribed");
  });

  it("keeps an honest consent history when a reader unsubscribes and signs up again", () => {
    const at = (iso: string): Date => new Date(iso);
    const signup = (iso: string) =>
      deps.store.signup({
        email: "histoire@exemple.fr",
        source: "/a/",
        now: at(iso),
        newToken: "h".repeat(32),
        newConfirmToken: "h".repeat(32),
        mailEverySeconds: 600,
      });
    signup("2025-01-01T00:00:00Z");
    deps.store.confirm("h".repeat(32), at("2025-01-02T00:00:00Z"));
    deps.store.unsubscribe("h".repeat(32), at("2025-06-01T00:00:00Z"));
    signup("2026-01-10T00:00:00Z");
    // Not confirmed again yet: no confirmation date, and the earlier unsubscription is still on record, as is the
    // consent confirmed before, under which the earlier e-mails went (a stranger may type the address: it stays).
    const earlier = { consentAt: "2025-01-01T00:00:00.000Z", source: "/a/", confirmedAt: "2025-01-02T00:00:00.000Z" };
    expect(deps.store.find("histoire@exemple.fr")).toMatchObject({
      status: "pending",
      consentAt: "2026-01-10T00:00:00.000Z",
      confirmedAt: null,
      unsubscribedAt: "2025-06-01T00:00:00.000Z",
      previousConsent: earlier,
    });
    deps.store.confirm("h".repeat(32), at("2026-01-11T00:00:00Z"));
    expect(deps.store.find("histoire@exemple.fr")).toMatchObject({
      status: "confirmed",
      confirmedAt: "2026-01-11T00:00:00.000Z",
      unsubscribedAt: "2025-06-01T00:00:00.000Z",
      previousConsent: earlier,
    });
    // Unsubscribed again, then a request never confirmed: the latest confirmed consent is the one kept.
    deps.store.unsubscribe("h".repeat(32), at("2026-03-01T00:00:00Z"));
    signup("2026-04-01T00:00:00Z");
    deps.store.unsubscribe("h".repeat(32), at("2026-04-02T00:00:00Z"));
    signup("2026-05-01T00:00:00Z");
    expect(deps.store.find("histoire@exemple.fr")?.previousConsent).toEqual({
      consentAt: "2026-01-10T00:00:00.000Z",
      source: "/a/",
      confirmedAt: "2026-01-11T00:00:00.000Z",
    });
  });

  it("sends a confirmation to a reader who unsubscribes and signs up again minutes after a « déjà inscrit(e) »", async () => {
    const at = (minutes: number) => () => new Date(Date.UTC(2026, 0, 15, 10, minutes));
    deps.now = at(0);
    await handleSignup(asJson({ email: "vite@exemple.fr" }), deps);
    const token = unsubscribeTokenOf(sent[0]);
    expect(deps.store.confirm(confirmTokenOf(sent[0]), deps.now())).toBe(true);
    deps.now = at(20);
    await handleSignup(asJson({ email: "vite@exemple.fr" }), deps);
    expect(sent[1]?.subject).toMatch(/déjà inscrit/);
    expect(deps.store.unsubscribe(token, at(21)())).toBe(true);
    deps.now = at(22);
    expect((await handleSignup(asJson({ email: "vite@exemple.fr" }), deps)).status).toBe(200);
    expect(sent).toHaveLength(3);
    expect(sent[2]?.text).toContain(
      `/newsletter/confirmer/?token=${deps.store.find("vite@exemple.fr")?.confirmToken ?? "?"}`,
    );
  });

  it("counts the 30 days of a pending signup from its latest request", () => {
    const day = 86_400_000;
    const start = new Date("2026-01-01T00:00:00Z");
    const on = (days: number) => new Date(start.getTime() + days * day);
    const signup = (days: number, source: string) =>
      deps.store.signup({
        email: "lent@exemple.fr",
        source,
        now: on(days),
        newToken: "l".repeat(32),
        newConfirmToken: "l".repeat(32),
        mailEverySeconds: 600,
      });
    signup(0, "/a/");
    expect(signup(29.9, "/b/")).toMatchObject({ outcome: "still-pending", mail: "send" });
    expect(deps.store.find("lent@exemple.fr")).toMatchObject({ consentAt: on(29.9).toISOString(), source: "/b/" });
    purgeExpired(deps.store, deps.mail, on(30.1));
    expect(deps.store.find("lent@exemple.fr")?.status).toBe("pending");
  });

  it("refuses a confirmation link older than the 30 days its message promises, before any purge has run", async () => {
    const signedUp = deps.now();
    await handleSignup(asJson({ email: "tard@exemple.fr" }), deps);
    await handleSignup(asJson({ email: "atemps@exemple.fr" }), deps);
    const click = (message: MailMessage | undefined, days: number): Promise<Response> => {
      deps.now = () => new Date(signedUp.getTime() + days * 86_400_000);
      return handleTokenLink(
        new Request(`${origin}${TOKEN_ACTIONS.confirm.route}?token=${confirmTokenOf(message)}`, { method: "POST" }),
        deps,
        "confirm",
      );
    };
    expect((await click(sent[1], 29.9)).headers.get("location")).toBe("/newsletter/confirmee/");
    expect((await click(sent[0], 30.1)).headers.get("location")).toBe("/newsletter/lien-invalide/");
    // Left to the hourly purge, which erases it: a click does not scan the table.
    expect(deps.store.find("tard@exemple.fr")?.status).toBe("pending");
    expect(deps.store.find("atemps@exemple.fr")?.status).toBe("confirmed");
  });

  it("takes the one-click unsubscribe as multipart/form-data too, as RFC 8058 prefers", async () => {
    await handleSignup(asJson({ email: "m@exemple.fr" }), deps);
    const body = new FormData();
    body.set("List-Unsubscribe", "One-Click");
    const response = await handleTokenLink(
      new Request(sent[0]?.unsubscribeUrl ?? "", { method: "POST", body }),
      deps,
      "unsubscribe",
    );
    expect(response.status).toBe(200);
    expect(deps.store.find("m@exemple.fr")?.status).toBe("unsubscribed");
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

  it("asks about a domain one keystroke from a common one, then signs up the address the reader chooses", async () => {
    const typo = await handleSignup(asJson({ email: "jean@gmial.com", source: "/articles/x/" }), deps);
    expect(typo.status).toBe(400);
    expect(await typo.json()).toEqual({
      ok: false,
      error: "faute-de-frappe",
      message:
        "Vouliez-vous dire jean@gmail.com\u202f? Si «\u202fgmial.com\u202f» est juste, cliquez de nouveau sur «\u202fS’inscrire\u202f».",
      suggestion: "jean@gmail.com",
      field: "email",
    });
    expect(deps.store.find("jean@gmial.com")).toBeUndefined();
    expect(sent).toHaveLength(0);

    // Sent again as it was, after the warning (the form's « garder »): the reader knows best.
    const kept = await handleSignup(asJson({ email: "jean@gmial.com", garder: "jean@gmial.com" }), deps);
    expect(kept.status).toBe(200);
    expect(sent.map((m) => m.to)).toEqual(["jean@gmial.com"]);
    // The button « S’inscrire avec paul@gmail.com » (« corrige »), without JavaScript: its address is signed up.
    const corrected = await handleSignup(
      form({ email: "paul@gmial.com", corrige: "paul@gmail.com", garder: "", source: "/articles/x/" }),
      deps,
    );
    expect(corrected.status).toBe(303);
    expect(corrected.headers.get("location")).toMatch(/^\/newsletter\/merci\//);
    expect(deps.store.find("paul@gmail.com")?.status).toBe("pending");
    expect(deps.store.find("paul@gmial.com")).toBeUndefined();
    // Kept however spaced; a « corrige » that is not the address offered for the one typed is ignored.
    const spaced = await handleSignup(asJson({ email: " marc@gmial.com ", garder: "marc @gmial.com" }), deps);
    expect(spaced.status).toBe(200);
    const slipped = await handleSignup(asJson({ email: "luc@gmial.com", corrige: "autre@exemple.fr" }), deps);
    expect(await slipped.json()).toMatchObject({ error: "faute-de-frappe", suggestion: "luc@gmail.com" });
    expect(deps.store.find("autre@exemple.fr")).toBeUndefined();
    // Another address typed after the warning is questioned in its turn.
    const other = await handleSignup(asJson({ email: "jean@hotmial.fr", garder: "jean@gmial.com" }), deps);
    expect(await other.json()).toMatchObject({
      error: "faute-de-frappe",
      suggestion: "jean@hotmail.fr",
    });
  });

  it("sends a form with a mistyped domain to the error page, which offers the address meant", async () => {
    const response = await handleSignup(form({ email: "jean@gmial.com", source: "/articles/x/" }), deps);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "", origin);
    expect(location.pathname).toBe("/newsletter/erreur/");
    expect(location.searchParams.get("raison")).toBe("faute-de-frappe");
    expect(location.searchParams.get("email")).toBe("jean@gmial.com");
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

  it.each([
    ["a body over 4 KB", asJson({ email: "a@exemple.fr", pad: "x".repeat(5000) }), "trop-volumineuse"],
    [
      "a text/plain body",
      asJson("email=a@b.fr", { "Content-Type": "text/plain", Accept: "application/json" }),
      "format",
    ],
    ["a cross-site fetch", asJson({ email: "a@exemple.fr" }, { "Sec-Fetch-Site": "cross-site" }), "origine"],
    ["a GET", new Request(`${origin}/api/newsletter`, { headers: { Accept: "application/json" } }), "methode"],
  ])("gives a JSON client the code of %s's refusal, as of the others", async (_, request, error) => {
    const response = await handleSignup(request, deps);
    expect(await response.json()).toMatchObject({ ok: false, error, message: expect.stringMatching(/\./) as string });
  });

  it("gives a JSON client « indisponible » when the store cannot be reached at all, with Retry-After", async () => {
    const response = unavailable(asJson({ email: "a@exemple.fr" }));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ ok: false, error: "indisponible" });
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

  it("limits one mailbox to a few signups a day too, whose refusal says to wait hours", async () => {
    const start = deps.now().getTime();
    // Two an hour, each to another variant: below the hour's limit, and each variant's own daily cap.
    for (let i = 0; i < DAILY_RATE_LIMIT.max; i++) {
      deps.now = () => new Date(start + Math.floor(i / 2) * 3_600_000 + (i % 2) * 60_000);
      expect((await handleSignup(asJson({ email: `jour+${String(i)}@exemple.fr` }), deps)).status).toBe(200);
    }
    deps.now = () => new Date(start + 6 * 3_600_000);
    const held = await handleSignup(asJson({ email: "jour+encore@exemple.fr" }), deps);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBe(18 * 3600);
    expect(((await held.json()) as { message: string }).message).toBe(
      "Cette adresse e-mail a fait l’objet de trop de demandes. Réessayez dans 18\u00a0heures environ.",
    );
    expect(sent).toHaveLength(DAILY_RATE_LIMIT.max);
  });

  it("limits one mailbox however its address is varied (« +tag », Gmail's dots), so nobody floods it", async () => {
    for (let i = 0; i < RATE_LIMIT.max; i++) {
      const email = i % 2 === 0 ? `victime+${String(i)}@gmail.com` : `vic.ti.me+${String(i)}@gmail.com`;
      expect((await handleSignup(asJson({ email }), deps)).status).toBe(200);
    }
    expect(sent).toHaveLength(RATE_LIMIT.max);
    expect((await handleSignup(asJson({ email: "victime+encore@gmail.com" }), deps)).status).toBe(429);
    expect(sent).toHaveLength(RATE_LIMIT.max);
  });

  it("gives the error page of a form held back the real time left, as JSON's Retry-After, not the whole hour", async () => {
    for (let i = 0; i < RATE_LIMIT.max; i++) await handleSignup(asJson({ email: "attente@exemple.fr" }), deps);
    deps.now = () => new Date("2026-01-15T10:10:00Z");
    const viaJson = await handleSignup(asJson({ email: "attente@exemple.fr" }), deps);
    expect(viaJson.headers.get("retry-after")).toBe(String(RATE_LIMIT.windowSeconds - 600));
    const page = await handleSignup(form({ email: "attente@exemple.fr" }), deps);
    const location = new URL(page.headers.get("location") ?? "", origin);
    expect(location.searchParams.get("raison")).toBe("trop-de-demandes");
    expect(location.searchParams.get("attente")).toBe(String(RATE_LIMIT.windowSeconds - 600));
    // The reader is told how long, from the same Retry-After, not « plus tard ».
    expect(((await viaJson.json()) as { message: string }).message).toBe(
      "Cette adresse e-mail a fait l’objet de trop de demandes. Réessayez dans 50\u00a0minutes.",
    );
  });

  it("limits one client to a few dozen signups an hour whatever the addresses, so no robot mails the world", async () => {
    const robot = clientKey("203.0.113.9");
    for (let i = 0; i < CLIENT_RATE_LIMIT.max; i++) {
      expect((await handleSignup(asJson({ email: `victime${String(i)}@exemple.fr` }), deps, robot)).status).toBe(200);
    }
    const limited = await handleSignup(asJson({ email: "encore@exemple.fr" }), deps, robot);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { message: string }).message).toMatch(
      /^Trop d’inscriptions ont été demandées depuis votre connexion en une heure\. Réessayez dans (une heure environ|\d+\u00a0minutes)\.$/,
    );
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(CLIENT_RATE_LIMIT.windowSeconds);
    expect(sent).toHaveLength(CLIENT_RATE_LIMIT.max);
    expect(deps.store.find("encore@exemple.fr")).toBeUndefined();
    // Without JavaScript, the error page gets the reason and the address typed.
    const page = await handleSignup(form({ email: "encore@exemple.fr", source: "/articles/x/" }), deps, robot);
    const location = new URL(page.headers.get("location") ?? "", origin);
    expect(location.searchParams.get("raison")).toBe("trop-d-inscriptions");
    expect(location.searchParams.get("email")).toBe("encore@exemple.fr");
    // Another reader, and a reader behind the site's own proxy (no key), are not held back.
    expect((await handleSignup(asJson({ email: "autre@exemple.fr" }), deps, clientKey("198.51.100.7"))).status).toBe(
      200,
    );
    expect((await handleSignup(asJson({ email: "proxy@exemple.fr" }), deps, clientKey("127.0.0.1"))).status).toBe(200);
  });

  it("does not count a refused request, so a stranger held back cannot lock the owner of an address out", async () => {
    const robot = clientKey("203.0.113.9");
    for (let i = 0; i < CLIENT_RATE_LIMIT.max; i++)
      await handleSignup(asJson({ email: `v${String(i)}@exemple.fr` }), deps, robot);
    for (let i = 0; i < RATE_LIMIT.max + 2; i++) {
      expect((await handleSignup(asJson({ email: "proprietaire@exemple.fr" }), deps, robot)).status).toBe(429);
    }
    // Nothing was sent to that address: its owner, elsewhere, signs up at once.
    const owner = await handleSignup(asJson({ email: "proprietaire@exemple.fr" }), deps, clientKey("198.51.100.7"));
    expect(owner.status).toBe(200);
    // And a limiter's refusals do not add up either.
    const now = deps.now();
    expect(deps.store.hits([{ key: "essai", windowSeconds: 3600, max: 1 }], now).allowed).toBe(true);
    for (let i = 0; i < 3; i++)
      expect(deps.store.hits([{ key: "essai", windowSeconds: 3600, max: 1 }], now).allowed).toBe(false);
    expect(deps.store.hits([{ key: "essai", windowSeconds: 3600, max: 2 }], now).allowed).toBe(true);
  });

  it("mails one address at most 3 times a day, answering the same neutral 200 after, whoever it is", async () => {
    const at = (minutes: number) => () => new Date(Date.UTC(2026, 0, 15, 10, minutes));
    const answers: string[] = [];
    // Every 15 minutes, past the 10 minutes between two messages, within the hourly limit.
    for (let i = 0; i < 5; i++) {
      deps.now = at(i * 15);
      const response = await handleSignup(asJson({ email: "cible@exemple.fr" }), deps);
      expect(response.status).toBe(200);
      answers.push(await response.text());
    }
    expect(sent).toHaveLength(MAILS_PER_DAY);
    expect(new Set(answers).size).toBe(1);
    // A confirmed address is answered and capped alike: the answer does not say who is subscribed.
    expect(deps.store.confirm(confirmTokenOf(sent[0]), deps.now())).toBe(true);
    deps.now = at(90);
    expect(await (await handleSignup(asJson({ email: "cible@exemple.fr" }), deps)).text()).toBe(answers[0]);
    expect(sent).toHaveLength(MAILS_PER_DAY);
    // A day after the first message, it is mailed again.
    deps.now = () => new Date(Date.UTC(2026, 0, 16, 10, 1));
    await handleSignup(asJson({ email: "cible@exemple.fr" }), deps);
    expect(sent).toHaveLength(MAILS_PER_DAY + 1);
  });

  it("never says a message was sent when none was: 503, the row kept pending, a new try sends again", async () => {
    const working = deps.mail;
    deps.mail = { send: () => Promise.reject(new Error("SMTP muet")) };
    const refused = await handleSignup(form({ email: "f@exemple.fr", source: "/articles/x/" }), deps);
    expect(refused.status).toBe(303);
    const location = new URL(refused.headers.get("location") ?? "", origin);
    expect(location.pathname).toBe("/newsletter/erreur/");
    expect(location.searchParams.get("raison")).toBe("indisponible");
    expect(location.searchParams.get("email")).toBe("f@exemple.fr");
    const failed = await handleSignup(asJson({ email: "f@exemple.fr" }), deps);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ ok: false, error: "indisponible" });
    expect(deps.store.find("f@exemple.fr")?.status).toBe("pending");
    deps.mail = working;
    expect((await handleSignup(asJson({ email: "f@exemple.fr" }), deps)).status).toBe(200);
    expect(sent.map((m) => m.to)).toEqual(["f@exemple.fr"]);
  });

  it("says the mail server refused the address (400), not « try again », when the refusal is permanent (5xx)", async () => {
    const refusal = Object.assign(new Error("553 5.6.7 SMTPUTF8 non pris en charge"), {
      responseCode: 553,
      command: "RCPT TO",
    });
    deps.mail = { send: () => Promise.reject(refusal) };
    const response = await handleSignup(asJson({ email: "andré@exemple.fr" }), deps);
    expect(response.status).toBe(400);
    expect(response.headers.get("retry-after")).toBeNull();
    const body = (await response.json()) as { ok: boolean; message: string };
    expect(body.ok).toBe(false);
    expect(body.message).toMatch(/serveur de messagerie a refusé cette adresse/);
    // The consent is kept (pending), as after any signup whose message did not leave.
    expect(deps.store.find("andré@exemple.fr")?.status).toBe("pending");
    const page = await handleSignup(form({ email: "andré@exemple.fr", source: "/articles/x/" }), deps);
    expect(new URL(page.headers.get("location") ?? "", origin).searchParams.get("raison")).toBe("adresse-refusee");
  });

  it("never writes the address to the log when the mail server refuses it, only its reply code and command", async () => {
    // A relay that answers RCPT TO as Postfix does, naming the mailbox it refuses.
    const relay = createServer((socket) => {
      socket.write("220 relais.exemple ESMTP\r\n");
      socket.on("data", (data: Buffer) => {
        for (const line of data
          .toString()
          .split("\r\n")
          .filter((l) => l !== "")) {
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "RCPT") socket.write("550 5.1.1 <secret.person@exemple.fr>: Recipient address rejected\r\n");
          else if (verb === "QUIT") socket.end("221 Bye\r\n");
          else socket.write("250 OK\r\n");
        }
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const { port } = relay.address() as AddressInfo;
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const lines: string[] = [];
    deps.log = (line) => lines.push(line);
    try {
      deps.mail = smtpTransport(
        `smtp://127.0.0.1:${String(port)}`,
        "Digimedia <newsletter@digimedia.fr>",
        outboxTransport(join(dir, "outbox"), "Digimedia <newsletter@digimedia.fr>"),
      );
      const response = await handleSignup(asJson({ email: "secret.person@exemple.fr" }), deps);
      expect(response.status).toBe(400);
      const logged = [...errors.mock.calls.map((call) => call.map(String).join(" ")), ...lines].join("\n");
      expect(logged).toContain("550");
      expect(logged).toContain("RCPT TO");
      expect(logged).not.toMatch(/secret|exemple\.fr/);
    } finally {
      errors.mockRestore();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it("says « try again » (503), not that the address was refused, when the server refuses anything but the recipient", async () => {
    for (const [responseCode, command] of [
      [535, "AUTH PLAIN"],
      [550, "MAIL FROM"],
      [554, "DATA"],
    ] as const) {
      deps.mail = {
        send: () => Promise.reject(Object.assign(new Error(`${String(responseCode)} non`), { responseCode, command })),
      };
      const response = await handleSignup(asJson({ email: `refus-${String(responseCode)}@exemple.fr` }), deps);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).not.toBeNull();
    }
  });

  it("keeps one row for one mailbox, whatever the case or the domain's spelling", async () => {
    for (const email of ["Marie.Curie@exemple.fr", "marie.curie@EXEMPLE.fr", "MARIE.CURIE@exemple.fr"]) {
      expect((await handleSignup(asJson({ email }), deps)).status).toBe(200);
    }
    await handleSignup(asJson({ email: "marie@société.fr" }), deps);
    await handleSignup(asJson({ email: "marie@xn--socit-esab.fr" }), deps);
    expect(new Set(sent.map((m) => unsubscribeTokenOf(m))).size).toBe(2);
    expect(deps.store.find("marie.curie@exemple.fr")?.email).toBe("Marie.Curie@exemple.fr");
  });

  it("keeps one row for an accented address typed with other capitals", async () => {
    for (const email of ["Élise@exemple.fr", "élise@exemple.fr", "ÉLISE@exemple.fr"]) {
      expect((await handleSignup(asJson({ email }), deps)).status).toBe(200);
    }
    expect(new Set(sent.map((m) => unsubscribeTokenOf(m))).size).toBe(1);
    expect(deps.store.find("élise@exemple.fr")?.email).toBe("Élise@exemple.fr");
  });

  /** A database as the version before email_key wrote it, holding `rows` (SQL values), in the test's folder. */
  const olderDatabase = (name: string, rows: string): string => {
    const file = join(dir, name);
    const old = new DatabaseSync(file);
    old.exec(`
      CREATE TABLE subscribers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')), token TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL, consent_at TEXT NOT NULL, confirmed_at TEXT, unsubscribed_at TEXT, created_at TEXT NOT NULL);
      CREATE INDEX subscribers_email_nocase ON subscribers (email COLLATE NOCASE);
      CREATE TABLE rate_limits (key TEXT PRIMARY KEY, window_start INTEGER NOT NULL, count INTEGER NOT NULL);
      INSERT INTO subscribers (email, status, token, source, consent_at, confirmed_at, created_at) VALUES ${rows};
    `);
    old.close();
    return file;
  };

  it("upgrades an older database's confirmation links: its e-mails' work, but not the links out of a signup after an unsubscription", () => {
    deps.store.close();
    // A reader waiting for confirmation; and one who left, signed up again by anyone holding an old newsletter.
    const file = olderDatabase(
      "jetons.db",
      `('attend@exemple.fr', 'pending', '${"a".repeat(32)}', '/', '2026-01-14', NULL, '2026-01-14'),
        ('parti@exemple.fr', 'pending', '${"b".repeat(32)}', '/', '2026-01-14', NULL, '2026-01-01')`,
    );
    const old = new DatabaseSync(file);
    old.exec("UPDATE subscribers SET unsubscribed_at = '2026-01-10' WHERE token = '" + "b".repeat(32) + "'");
    old.close();
    deps.store = openSqliteStore(file);
    expect(deps.store.confirm("b".repeat(32), deps.now())).toBe(false);
    expect(deps.store.find("parti@exemple.fr")?.status).toBe("pending");
    expect(deps.store.find("parti@exemple.fr")?.confirmToken).toMatch(/^[\w-]{32}$/);
    expect(deps.store.confirm("a".repeat(32), deps.now())).toBe(true);
  });

  it("upgrades an older database without losing a signup, even two that differ by accented capitals", () => {
    deps.store.close();
    const file = olderDatabase(
      "ancienne.db",
      `('Élise@exemple.fr', 'confirmed', '${"e".repeat(32)}', '/', '2025-01-01', '2025-01-02', '2025-01-01'),
        ('élise@exemple.fr', 'pending', '${"f".repeat(32)}', '/', '2025-02-01', NULL, '2025-02-01'),
        ('Paul@exemple.fr', 'confirmed', '${"p".repeat(32)}', '/', '2025-01-01', '2025-01-02', '2025-01-01')`,
    );
    deps.store = openSqliteStore(file);
    expect(deps.store.confirmed().map((s) => s.email)).toEqual(["Élise@exemple.fr", "Paul@exemple.fr"]);
    // The oldest row answers for the address; the other keeps its token, which still works.
    expect(deps.store.find("ÉLISE@exemple.fr")?.token).toBe("e".repeat(32));
    expect(deps.store.find("paul@exemple.fr")?.token).toBe("p".repeat(32));
    expect(deps.store.unsubscribe("f".repeat(32), deps.now())).toBe(true);
    const again = deps.store.signup({
      email: "élise@exemple.fr",
      source: "/",
      now: deps.now(),
      newToken: "n".repeat(32),
      newConfirmToken: "n".repeat(32),
      mailEverySeconds: 600,
    });
    expect(again).toMatchObject({ outcome: "already-confirmed", subscriber: { token: "e".repeat(32) } });
    // Opened again: nothing to upgrade twice.
    deps.store.close();
    deps.store = openSqliteStore(file);
    expect(deps.store.find("élise@exemple.fr")?.token).toBe("e".repeat(32));
  });

  it("gives the address's key to a confirmed row rather than an older pending one when upgrading", () => {
    deps.store.close();
    const file = olderDatabase(
      "doublons.db",
      `('Élise@exemple.fr', 'pending', '${"e".repeat(32)}', '/', '2025-01-01', NULL, '2025-01-01'),
        ('élise@exemple.fr', 'confirmed', '${"f".repeat(32)}', '/', '2025-02-01', '2025-02-02', '2025-02-01')`,
    );
    deps.store = openSqliteStore(file);
    expect(deps.store.find("élise@exemple.fr")).toMatchObject({ status: "confirmed", token: "f".repeat(32) });
  });

  it("finds the rows an older version wrote after the upgrade (a rollback), without a key", async () => {
    await handleSignup(asJson({ email: "avant@exemple.fr" }), deps);
    deps.store.close();
    const file = join(dir, "subscribers.db");
    // An older version, still running or put back, knows nothing of email_key.
    const old = new DatabaseSync(file);
    old.exec(`
      INSERT INTO subscribers (email, status, token, source, consent_at, confirmed_at, created_at) VALUES
        ('Retour@exemple.fr', 'pending', '${"r".repeat(32)}', '/', '2026-01-14', NULL, '2026-01-14'),
        ('Zoé@exemple.fr', 'pending', '${"y".repeat(32)}', '/', '2026-01-14', NULL, '2026-01-14'),
        ('zoé@exemple.fr', 'confirmed', '${"z".repeat(32)}', '/', '2026-01-14', '2026-01-14', '2026-01-14');
    `);
    old.close();
    deps.store = openSqliteStore(file);
    expect(deps.store.find("retour@exemple.fr")?.token).toBe("r".repeat(32));
    expect(deps.store.find("ZOÉ@exemple.fr")?.token).toBe("z".repeat(32));
    const again = await handleSignup(asJson({ email: "retour@exemple.fr" }), deps);
    expect(again.status).toBe(200);
    // Its confirmation link carries its only token, as the older version's message did, and confirms it.
    expect(confirmTokenOf(sent.at(-1))).toBe("r".repeat(32));
    expect(deps.store.confirm("r".repeat(32), deps.now())).toBe(true);
  });

  it("lets a page of an allowed other site post and read the answer (CORS), and no other", async () => {
    deps.allowedOrigins = ["https://statique.digimedia.fr"];
    const allowed = await handleSignup(
      asJson({ email: "h@exemple.fr" }, { Origin: "https://statique.digimedia.fr", "Sec-Fetch-Site": "cross-site" }),
      deps,
    );
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://statique.digimedia.fr");
    expect(allowed.headers.get("vary")).toContain("Origin");
    const other = await handleSignup(
      asJson({ email: "i@exemple.fr" }, { Origin: "https://malveillant.example", "Sec-Fetch-Site": "cross-site" }),
      deps,
    );
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    // The browser asks first (preflight) before a JSON POST from another site.
    const ask = (from: string): Response =>
      handlePreflight(
        new Request(`${origin}/api/newsletter`, {
          method: "OPTIONS",
          headers: { Origin: from, "Access-Control-Request-Method": "POST" },
        }),
        deps,
      );
    const preflight = ask("https://statique.digimedia.fr");
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://statique.digimedia.fr");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Content-Type");
    expect(ask("https://malveillant.example").status).toBe(405);
  });

  it("never lets a signup's source page be another site", async () => {
    const { cleanSource } = await import("../../src/lib/newsletter/links.ts");
    expect(cleanSource("/articles/x/")).toBe("/articles/x/");
    for (const foreign of ["//evil.example/phish", "///evil.example", "/\\evil.example", "https://evil.example/"]) {
      expect(cleanSource(foreign)).toBe("/");
    }
  });

  it("answers 503 on /healthz's check when the database file was removed under the server", () => {
    expect(deps.store.writable()).toBe(true);
    rmSync(join(dir, "subscribers.db"));
    expect(deps.store.writable()).toBe(false);
    expect(() =>
      deps.store.signup({
        email: "g@exemple.fr",
        source: "/",
        now: deps.now(),
        newToken: "t".repeat(32),
        newConfirmToken: "t".repeat(32),
        mailEverySeconds: 600,
      }),
    ).toThrow("supprimé ou remplacé");
  });

  it("answers 503 at once while another process holds the database, keeps the address, and works once it lets go", async () => {
    // npm run subscribers -- supprimer, a backup, an sqlite3 shell: a write lock held by another connection. The
    // server waits for it briefly (SERVER_BUSY_TIMEOUT_MS): node:sqlite blocks the whole process while it waits, so a
    // wait of seconds per signup would hold every page of the site; this test's own time limit catches that.
    const other = new DatabaseSync(join(dir, "subscribers.db"));
    other.exec("BEGIN IMMEDIATE");
    try {
      const page = await handleSignup(form({ email: "verrou@exemple.fr", source: "/articles/x/" }), deps);
      const location = new URL(page.headers.get("location") ?? "", origin);
      expect(location.searchParams.get("raison")).toBe("indisponible");
      expect(location.searchParams.get("email")).toBe("verrou@exemple.fr");
      const held = await handleSignup(asJson({ email: "verrou@exemple.fr" }), deps);
      expect(held.status).toBe(503);
      expect(held.headers.get("retry-after")).toBe("60");
      expect(((await held.json()) as { message: string }).message).toBe(
        "L’inscription est momentanément indisponible. Réessayez dans quelques minutes.",
      );
    } finally {
      other.exec("COMMIT");
      other.close();
    }
    expect((await handleSignup(asJson({ email: "verrou@exemple.fr" }), deps)).status).toBe(200);
    expect(sent.map((m) => m.to)).toEqual(["verrou@exemple.fr"]);
  }, 3000);

  it("answers 503, not 500, when the store fails, so the reader knows to try again", async () => {
    deps.store.close();
    const response = await handleSignup(asJson({ email: "e@exemple.fr" }), deps);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("60");
    deps.store = openSqliteStore(join(dir, "subscribers.db"));
  });
});

describe("waiting for the mail server", () => {
  it("lets the box wait longer than a sending may take, and a sending's claim outlast it", () => {
    // The worst a reader waits for: connecting, the server's greeting, then its silence.
    const sending = SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout;
    // The box gives up after: an answer on its way would be lost, and « réessayez » sends a second e-mail.
    expect(sending).toBeLessThan(SIGNUP_ANSWER_WAIT_MS);
    // An identical signup meanwhile waits for that sending rather than sending again.
    expect(sending).toBeLessThan(MAIL_CLAIM_SECONDS * 1000);
  });
});

describe("retention", () => {
  /** A signup at `when`, its tokens (links out, and confirmation) `token` × 32. */
  const signup = (email: string, when: Date, token: string) =>
    deps.store.signup({
      email,
      source: "/",
      now: when,
      newToken: token.repeat(32),
      newConfirmToken: token.repeat(32),
      mailEverySeconds: 600,
    });

  it("erases signups left unconfirmed for 30 days and expired rate counters, and keeps the rest", () => {
    const day = 86_400_000;
    const now = new Date("2026-03-01T00:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * day);
    signup("oubli@exemple.fr", ago(31), "a");
    signup("recent@exemple.fr", ago(29), "b");
    signup("fidele@exemple.fr", ago(60), "c");
    deps.store.confirm("c".repeat(32), ago(59));
    // Unsubscribed, then signed up again without confirming: back to unsubscribed, its record and links kept.
    signup("parti@exemple.fr", ago(90), "d");
    deps.store.confirm("d".repeat(32), ago(89));
    deps.store.unsubscribe("d".repeat(32), ago(80));
    signup("parti@exemple.fr", ago(40), "e");
    deps.store.hits([{ key: "client:203.0.113.9", windowSeconds: 3600, max: 20 }], ago(1));
    deps.store.hits([{ key: "client:198.51.100.7", windowSeconds: 3600, max: 20 }], new Date(now.getTime() - 60_000));

    expect(RETENTION.pendingDays).toBe(30);
    // Erased: oubli@; back to unsubscribed: parti@; the counter whose window is over.
    expect(purgeExpired(deps.store, deps.mail, now)).toEqual({ pending: 2, rates: 1, messages: 0 });
    expect(deps.store.find("oubli@exemple.fr")).toBeUndefined();
    expect(deps.store.find("recent@exemple.fr")?.status).toBe("pending");
    expect(deps.store.find("fidele@exemple.fr")?.status).toBe("confirmed");
    expect(deps.store.find("parti@exemple.fr")).toMatchObject({
      status: "unsubscribed",
      token: "d".repeat(32),
      unsubscribedAt: ago(80).toISOString(),
    });
    // The current counter still counts.
    expect(deps.store.hits([{ key: "client:198.51.100.7", windowSeconds: 3600, max: 1 }], now).allowed).toBe(false);
  });

  it("erases an address never confirmed 30 days after its last request even when it unsubscribed, and keeps the unsubscription of a confirmed one", () => {
    const day = 86_400_000;
    const now = new Date("2026-03-01T00:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * day);
    // The confirmation message's unsubscribe link (or a mail client's one-click), never confirmed.
    signup("jamais@exemple.fr", ago(40), "f");
    deps.store.unsubscribe("f".repeat(32), ago(39));
    // Never confirmed, unsubscribed, then signed up again without confirming.
    signup("hesite@exemple.fr", ago(90), "g");
    deps.store.unsubscribe("g".repeat(32), ago(89));
    signup("hesite@exemple.fr", ago(40), "g");
    // Not yet 30 days.
    signup("recent@exemple.fr", ago(10), "h");
    deps.store.unsubscribe("h".repeat(32), ago(9));
    // Confirmed, then unsubscribed: kept, to write no more and show the choice is respected.
    signup("parti@exemple.fr", ago(100), "i");
    deps.store.confirm("i".repeat(32), ago(99));
    deps.store.unsubscribe("i".repeat(32), ago(50));

    expect(purgeExpired(deps.store, deps.mail, now).pending).toBe(2);
    expect(deps.store.find("jamais@exemple.fr")).toBeUndefined();
    expect(deps.store.find("hesite@exemple.fr")).toBeUndefined();
    expect(deps.store.find("recent@exemple.fr")?.status).toBe("unsubscribed");
    expect(deps.store.find("parti@exemple.fr")).toMatchObject({ status: "unsubscribed", confirmedOnce: true });
  });

  it("counts as confirmed once the confirmed rows of a database older than the column, and no other", () => {
    deps.store.close();
    const file = join(dir, "ancienne.db");
    const db = new DatabaseSync(file);
    db.exec(`CREATE TABLE subscribers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, email_key TEXT,
      status TEXT NOT NULL, token TEXT NOT NULL UNIQUE, source TEXT NOT NULL, consent_at TEXT NOT NULL,
      confirmed_at TEXT, unsubscribed_at TEXT, created_at TEXT NOT NULL, mailed_at TEXT)`);
    const insert = db.prepare(
      "INSERT INTO subscribers (email, email_key, status, token, source, consent_at, confirmed_at, unsubscribed_at, created_at) VALUES (?, ?, 'unsubscribed', ?, '/', ?, ?, ?, ?)",
    );
    const at = "2025-01-01T00:00:00.000Z";
    insert.run("parti@exemple.fr", "parti@exemple.fr", "p".repeat(32), at, at, at, at);
    insert.run("jamais@exemple.fr", "jamais@exemple.fr", "j".repeat(32), at, null, at, at);
    db.close();
    deps.store = openSqliteStore(file);
    expect(deps.store.find("parti@exemple.fr")?.confirmedOnce).toBe(true);
    expect(deps.store.find("jamais@exemple.fr")?.confirmedOnce).toBe(false);
    expect(purgeExpired(deps.store, deps.mail, new Date("2026-01-01T00:00:00Z")).pending).toBe(1);
    expect(deps.store.find("parti@exemple.fr")?.status).toBe("unsubscribed");
  });

  it("erases the outbox's messages after as long as an unconfirmed signup, the address and its link with them", async () => {
    const outbox = join(dir, "outbox");
    const mail = outboxTransport(outbox, "Digimedia <newsletter@digimedia.fr>");
    const message = (to: string): MailMessage => ({
      to,
      subject: "Confirmez",
      text: "Lien",
      html: "<p>Lien</p>",
      unsubscribeUrl: `${origin}/api/newsletter/unsubscribe?token=x`,
    });
    await mail.send(message("ancien@exemple.fr"));
    const [old] = readdirSync(outbox);
    const now = new Date();
    const ago = (days: number): Date => new Date(now.getTime() - days * 86_400_000);
    utimesSync(join(outbox, old ?? ""), ago(31), ago(31));
    await mail.send(message("recent@exemple.fr"));
    writeFileSync(join(outbox, "notes.txt"), "de l’exploitant");
    utimesSync(join(outbox, "notes.txt"), ago(90), ago(90));

    expect(purgeExpired(deps.store, mail, now).messages).toBe(1);
    expect(existsSync(join(outbox, old ?? ""))).toBe(false);
    expect(readdirSync(outbox).filter((name) => name.endsWith(".eml"))).toHaveLength(1);
    expect(existsSync(join(outbox, "notes.txt"))).toBe(true);
    // With SMTP, the outbox keeps what the server refused: the same retention.
    utimesSync(join(outbox, readdirSync(outbox).find((n) => n.endsWith(".eml")) ?? ""), ago(40), ago(40));
    expect(smtpTransport("smtp://127.0.0.1:9", "x@digimedia.fr", mail).purge?.(ago(30))).toBe(1);
    expect(outboxTransport(join(dir, "absent"), "x@digimedia.fr").purge?.(now)).toBe(0);
  });
});

describe("export", () => {
  it("refuses to read a database as immutable while its -wal file holds changes, which that read would miss", () => {
    const file = join(dir, "subscribers.db");
    deps.store.signup({
      email: "wal@exemple.fr",
      source: "/",
      now: deps.now(),
      newToken: "w".repeat(32),
      newConfirmToken: "w".repeat(32),
      mailEverySeconds: 600,
    });
    deps.store.confirm("w".repeat(32), deps.now());
    // Open, the store keeps its latest writes in the -wal file.
    expect(() => readConfirmedImmutable(file)).toThrow(/-wal.*non vide/);
    deps.store.close();
    expect(readConfirmedImmutable(file).map((s) => s.email)).toEqual(["wal@exemple.fr"]);
  });
});

describe("CSV export", () => {
  it("quotes what needs it and defuses spreadsheet formulas", () => {
    expect(csvCell("a@b.fr")).toBe("a@b.fr");
    expect(csvCell("=HYPERLINK(1)@x.fr")).toBe(`"'=HYPERLINK(1)@x.fr"`);
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(toCsv(["email"], [["a@b.fr"]])).toBe("email\r\na@b.fr\r\n");
    // A column named exact (the addresses, for a mailing tool) is written unchanged.
    expect(toCsv(["email", "page"], [["-jean@exemple.fr", "-x"]], ["email"])).toBe(
      'email,page\r\n-jean@exemple.fr,"\'-x"\r\n',
    );
  });
});
