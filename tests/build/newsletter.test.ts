/**
 * The newsletter against the real built server (node dist/server/entry.mjs) with a temporary
 * data folder: rows in SQLite, messages in the outbox, every error code from a real request.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "./astro.ts";
import { startServer, type RunningServer } from "./server.ts";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";

let server: RunningServer;
let dataDir = "";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "digimedia-data-"));
  server = await startServer({ DATA_DIR: dataDir });
});
afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (body: string, headers: Record<string, string>, path = "/api/newsletter") =>
  fetch(`${server.url}${path}`, { method: "POST", body, headers, redirect: "manual" });
const formPost = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  post(new URLSearchParams(fields).toString(), {
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: server.url,
    ...headers,
  });
const jsonPost = (body: unknown) =>
  post(JSON.stringify(body), { "Content-Type": "application/json", Accept: "application/json" });

const rows = (email: string) => {
  const db = new DatabaseSync(join(dataDir, "subscribers.db"), { readOnly: true });
  const found = db.prepare("SELECT status, source, consent_at, token FROM subscribers WHERE email = ?").all(email);
  db.close();
  return found as { status: string; source: string; consent_at: string; token: string }[];
};
const outbox = (): string[] =>
  readdirSync(join(dataDir, "outbox")).map((f) => readFileSync(join(dataDir, "outbox", f), "utf8"));
/** Decodes quoted-printable soft breaks and =3D so links can be read from a raw .eml. */
const plain = (eml: string): string => eml.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
const linkIn = (eml: string, path: string): string => {
  const match = new RegExp(`https://www\\.digimedia\\.fr(${path}\\?token=[\\w-]+)`).exec(plain(eml));
  if (match?.[1] === undefined) throw new Error(`aucun lien ${path} dans le message`);
  return match[1];
};

describe("newsletter signup on the real server", () => {
  it("stores a pending row and writes a confirmation to the outbox; the link confirms, the other unsubscribes", async () => {
    const response = await formPost({ email: "lea@exemple.fr", source: "/articles/x/" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/newsletter/merci/?depuis=%2Farticles%2Fx%2F");
    expect(rows("lea@exemple.fr")).toMatchObject([{ status: "pending", source: "/articles/x/" }]);
    const message = outbox().find((m) => m.includes("To: lea@exemple.fr"));
    if (message === undefined) throw new Error("pas de message pour lea@exemple.fr");
    expect(message).toContain("Subject: =?UTF-8?Q?Confirmez_votre_inscription");
    expect(message).toMatch(/List-Unsubscribe:\s+<https:\/\/www\.digimedia\.fr\/api\/newsletter\/unsubscribe\?token=/);
    // A reply reaches the newsroom, and an out-of-office answer does not come back.
    expect(message).toContain("Reply-To: redaction@digimedia.fr");
    expect(message).toContain("Auto-Submitted: auto-generated");

    // The link opens a page that asks for the click; opening it (GET, HEAD, as mail scanners do) changes nothing.
    const page = linkIn(message, "/newsletter/confirmer/");
    await fetch(`${server.url}${page}`, { method: "HEAD" });
    const opened = await fetch(`${server.url}${page}`);
    expect(opened.status).toBe(200);
    expect(rows("lea@exemple.fr")[0]?.status).toBe("pending");
    const form = parse(await opened.text()).querySelector("main form[method=post]");
    expect(form?.querySelector("button")?.text).toBe("Confirmer mon inscription");
    const confirm = await post("", {}, form?.getAttribute("action") ?? "");
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toBe("/newsletter/confirmee/");
    expect(rows("lea@exemple.fr")[0]?.status).toBe("confirmed");
    const landing = await fetch(`${server.url}/newsletter/confirmee/`);
    expect(await landing.text()).toContain("Inscription confirmée");

    // A link of a message sent before the pages existed leads to the page, and does nothing either.
    const old = await fetch(`${server.url}${page.replace("/newsletter/confirmer/", "/api/newsletter/confirm")}`, {
      redirect: "manual",
    });
    expect(old.headers.get("location")).toBe(page);

    const leavePage = await fetch(`${server.url}${linkIn(message, "/newsletter/se-desinscrire/")}`);
    expect(leavePage.status).toBe(200);
    expect(rows("lea@exemple.fr")[0]?.status).toBe("confirmed");
    // The mail client's one-click unsubscribe (RFC 8058): a POST to the List-Unsubscribe address, answered 200.
    const oneClick = /List-Unsubscribe:\s*<https:\/\/www\.digimedia\.fr([^>]+)>/.exec(
      plain(message).replace(/\r?\n\s+/g, ""),
    )?.[1];
    const leave = await post(
      "List-Unsubscribe=One-Click",
      { "Content-Type": "application/x-www-form-urlencoded" },
      oneClick ?? "",
    );
    expect(leave.status).toBe(200);
    expect(leave.headers.get("location")).toBeNull();
    expect(rows("lea@exemple.fr")[0]?.status).toBe("unsubscribed");
  });

  it("tells a reader whose link no longer works how to unsubscribe all the same", async () => {
    const unknown = await post("", { Origin: server.url }, `/api/newsletter/unsubscribe?token=${"z".repeat(32)}`);
    expect(unknown.status).toBe(303);
    const location = unknown.headers.get("location") ?? "";
    const page = parse(await (await fetch(`${server.url}${location}`)).text());
    const text = page.querySelector("main")?.text ?? "";
    expect(text).toMatch(/désinscrire/);
    expect(text).toMatch(/confirmer/);
    expect(page.querySelector('main a[href^="mailto:"]')).not.toBeNull();
  });

  it("leads back, without JavaScript, from the thank-you page to the article the reader signed up from", async () => {
    const response = await formPost({ email: "retour-article@exemple.fr", source: "/articles/x/" });
    expect(response.status).toBe(303);
    const thanks = parse(await (await fetch(`${server.url}${response.headers.get("location") ?? ""}`)).text());
    // Nothing is confirmed yet: the page says what is left to do, in the e-mail's verb, and thanks nobody.
    expect(thanks.querySelector("h1")?.text).toBe("Confirmez votre inscription par e-mail");
    expect(thanks.querySelector("main")?.text).not.toMatch(/Merci|valider/);
    expect(thanks.querySelector("main")?.text).toMatch(/pour confirmer votre inscription/);
    expect(thanks.querySelector('main a[href="/articles/x/"]')?.text).toBe("Revenir à l’article");
    // Where to ask the new e-mail the page speaks of (« demandez un nouvel e-mail dans 10 minutes »).
    expect(thanks.querySelector('main a[href="/newsletter/"]')?.text).toBe("Demander un nouvel e-mail");
    // The spam folder is mentioned once, in the confirmation's own sentence.
    expect(thanks.querySelector("main")?.text.match(/indésirables/g)).toHaveLength(1);
    // Only a path of this site is ever linked.
    for (const depuis of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      const page = parse(
        await (await fetch(`${server.url}/newsletter/merci/?depuis=${encodeURIComponent(depuis)}`)).text(),
      );
      expect(new Set(page.querySelectorAll("main a").map((a) => a.getAttribute("href")))).toEqual(
        new Set(["/", "/newsletter/"]),
      );
    }
  });

  it("keeps the database in WAL mode", () => {
    const db = new DatabaseSync(join(dataDir, "subscribers.db"));
    expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    db.close();
  });

  it("answers a duplicate exactly as the first signup and adds no row", async () => {
    const first = await jsonPost({ email: "double@exemple.fr" });
    const second = await jsonPost({ email: "double@exemple.fr" });
    expect(second.status).toBe(first.status);
    expect(await second.text()).toBe(await first.text());
    expect(rows("double@exemple.fr")).toHaveLength(1);
  });

  it("exports the confirmed subscribers as CSV", async () => {
    await jsonPost({ email: "export@exemple.fr" });
    const message = outbox().find((m) => m.includes("To: export@exemple.fr")) ?? "";
    await post("", {}, `/api/newsletter/confirm?${linkIn(message, "/newsletter/confirmer/").split("?")[1] ?? ""}`);
    const result = spawnSync(
      process.execPath,
      ["--disable-warning=ExperimentalWarning", "scripts/subscribers.ts", "export"],
      {
        cwd: projectRoot,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\r\n");
    expect(lines[0]).toBe("email,confirme_le,consentement_le,page,desinscription,desinscription_un_clic");
    const line = lines.filter((l) => l.startsWith("export@exemple.fr,"));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/,https:\/\/www\.digimedia\.fr\/newsletter\/se-desinscrire\/\?token=[\w-]{16,},/);
    expect(result.stdout).not.toContain("double@exemple.fr");
  });

  it("shows a refused address again on the error page, escaped, with a 400", async () => {
    const typed = "<img src=x onerror=alert(1)>@x.fr";
    const page = await formPost({ email: typed, source: "/newsletter/" });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain("Cette adresse contient des caractères interdits (guillemets, virgule, chevrons…).");
    const doc = parse(html);
    expect(doc.querySelector("#newsletter-email")?.getAttribute("value")).toBe(typed);
    expect(doc.querySelectorAll("img")).toHaveLength(0);
  });

  it.each([
    ["400 for an invalid address", () => jsonPost({ email: "pas-une-adresse" }), 400],
    ["400 for broken JSON", () => post("{", { "Content-Type": "application/json" }), 400],
    [
      "405 for a GET asking JSON",
      () => fetch(`${server.url}/api/newsletter`, { headers: { Accept: "application/json" } }),
      405,
    ],
    ["405 for a PUT", () => fetch(`${server.url}/api/newsletter`, { method: "PUT", body: "x" }), 405],
    ["413 for 5 KB", () => jsonPost({ email: "a@exemple.fr", pad: "x".repeat(5000) }), 413],
    ["415 for XML", () => post("<email/>", { "Content-Type": "application/xml" }), 415],
    [
      "403 for a cross-site form",
      () => formPost({ email: "a@exemple.fr" }, { Origin: "https://ailleurs.example" }),
      403,
    ],
  ])("%s", async (_, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(await response.text()).not.toMatch(/Internal|Error|<script/);
  });

  it("leads a reader who opens the signup's address (after a refused signup without JavaScript) to the newsletter's page", async () => {
    for (const method of ["GET", "HEAD"]) {
      const answer = await fetch(`${server.url}/api/newsletter`, {
        method,
        redirect: "manual",
        headers: { Accept: "text/html" },
      });
      expect([answer.status, answer.headers.get("location")], method).toEqual([303, "/newsletter/"]);
    }
  });

  it("answers 405 with Allow and a French message to another method on the confirmation and unsubscription addresses", async () => {
    for (const action of ["confirm", "unsubscribe"]) {
      const url = `${server.url}/api/newsletter/${action}?token=${"a".repeat(32)}`;
      for (const method of ["PUT", "DELETE", "PATCH"]) {
        const answer = await fetch(url, { method, redirect: "manual" });
        expect(answer.status).toBe(405);
        expect(answer.headers.get("allow")).toBe("GET, HEAD, POST");
        expect(await answer.text()).toMatch(/^Ce lien ne sert qu’à confirmer une inscription ou à se désinscrire/);
      }
      const asJson = await fetch(url, { method: "DELETE", headers: { Accept: "application/json" } });
      const body = (await asJson.json()) as { ok: boolean; message: string };
      expect(body.ok).toBe(false);
      expect(body.message).toMatch(/^Ce lien ne sert qu’à confirmer/);
      // A link opened with HEAD (a mail scanner) still leads to the page.
      const head = await fetch(url, { method: "HEAD", redirect: "manual" });
      expect(head.status).toBe(303);
    }
    expect(server.output()).not.toMatch(/No API Route handler|\[WARN\]/);
  });

  it("answers a refused form post with the error page itself, the address kept in the form but in no URL", async () => {
    const refused = await formPost({ email: "lecteur@localhost", source: "/articles/x/" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("location")).toBeNull();
    const doc = parse(await refused.text());
    expect(doc.querySelector("h1")?.text).toBe("Inscription à corriger");
    expect(doc.querySelector("input[type=email]")?.getAttribute("value")).toBe("lecteur@localhost");
    // Worded as on the thank-you page for the same source.
    expect(doc.querySelector('a[href="/articles/x/"]')?.text).toBe("Revenir à l’article");
  });

  it("says, without JavaScript, how long a reader held back by a limit waits: the Retry-After it was given", async () => {
    const page = await fetch(
      `${server.url}/newsletter/erreur/?raison=trop-de-demandes&attente=600&email=insiste%40exemple.fr`,
    );
    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("600");
    const doc = parse(await page.text());
    expect(doc.querySelector("#newsletter-erreur")?.text.trim()).toBe(
      "Cette adresse e-mail a fait l’objet de trop de demandes. Réessayez dans 10\u00a0minutes.",
    );
    // Said once: the intro says the signup was not recorded and the address is kept, not why again.
    expect(doc.querySelector(".page-intro")?.text).not.toMatch(/demandes|une heure/);
    expect(doc.querySelector("main")?.text).not.toMatch(/plus tard|a été envoyée trop souvent/);
    const hour = parse(
      await (await fetch(`${server.url}/newsletter/erreur/?raison=trop-d-inscriptions&attente=3540`)).text(),
    );
    expect(hour.querySelector("#newsletter-erreur")?.text).toMatch(/Réessayez dans une heure environ\.$/);
  });

  it("blames no form when the error page is opened directly, and says which button to press", async () => {
    const page = await fetch(`${server.url}/newsletter/erreur/`);
    expect(page.status).toBe(400);
    const text = parse(await page.text()).querySelector("main")?.text ?? "";
    expect(text).not.toMatch(/illisible|envoyez à nouveau/);
    expect(text).toMatch(/Aucune demande d’inscription n’a été reçue/);
    expect(text).toMatch(/cliquez sur «\u202fS’inscrire\u202f»/);
  });

  it("gives each newsletter result page its own description, not the site's", async () => {
    const token = "t".repeat(32);
    const paths = [
      "/newsletter/merci/",
      "/newsletter/erreur/?raison=domaine",
      "/newsletter/confirmee/",
      "/newsletter/desinscription/",
      "/newsletter/lien-invalide/",
      `/newsletter/confirmer/?token=${token}`,
      `/newsletter/se-desinscrire/?token=${token}`,
      `/newsletter/lien-indisponible/?action=confirm&token=${token}`,
      `/newsletter/lien-indisponible/?action=unsubscribe&token=${token}`,
    ];
    const home = parse(await (await fetch(`${server.url}/`)).text());
    const descriptionOf = (html: string) =>
      parse(html).querySelector('meta[name="description"]')?.getAttribute("content");
    const site = home.querySelector('meta[name="description"]')?.getAttribute("content");
    const found = await Promise.all(
      paths.map(async (path) => descriptionOf(await (await fetch(`${server.url}${path}`)).text())),
    );
    expect(found.every((d) => d !== undefined && d !== site)).toBe(true);
    expect(new Set(found).size).toBe(paths.length);
  });

  it("points at « le bouton ci-dessous » on the link-unavailable page only when there is one", async () => {
    const withButton = parse(
      await (
        await fetch(`${server.url}/newsletter/lien-indisponible/?action=unsubscribe&token=${"b".repeat(32)}`)
      ).text(),
    );
    expect(withButton.querySelector("main form button")).not.toBeNull();
    expect(withButton.querySelector("main")?.text).toMatch(/le bouton ci-dessous/);
    const without = parse(await (await fetch(`${server.url}/newsletter/lien-indisponible/?action=unsubscribe`)).text());
    expect(without.querySelector("main form")).toBeNull();
    expect(without.querySelector("main")?.text).not.toMatch(/bouton|ce bouton/);
    expect(without.querySelector("main")?.text).toMatch(/Si le problème persiste/);
  });

  it("says, without JavaScript, that the mail server refused the address, with a 400 and no « try again later »", async () => {
    const page = await fetch(`${server.url}/newsletter/erreur/?raison=adresse-refusee&email=andr%C3%A9%40exemple.fr`);
    expect(page.status).toBe(400);
    expect(page.headers.get("retry-after")).toBeNull();
    const doc = parse(await page.text());
    expect(doc.querySelector("h1")?.text).toBe("Adresse refusée");
    expect(doc.querySelector("#newsletter-erreur")?.text).toMatch(/serveur de messagerie a refusé cette adresse/);
    // Said once, in the words a JavaScript reader gets too, not in two versions.
    expect(doc.querySelector("main")?.text.match(/a refusé cette adresse/g)).toHaveLength(1);
    expect(doc.querySelector("input[type=email]")?.getAttribute("value")).toBe("andré@exemple.fr");
  });

  it("429 with Retry-After when one address insists", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await jsonPost({ email: "insiste@exemple.fr" });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("the server without SMTP_URL", () => {
  it("warns at startup, in French, that no mail leaves and where the messages go", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-nosmtp-"));
    const quiet = await startServer({ DATA_DIR: dir, SMTP_URL: "" });
    const smtp = await startServer({ DATA_DIR: dir, SMTP_URL: "smtp://127.0.0.1:1" });
    try {
      expect(quiet.output()).toMatch(/SMTP_URL.*aucun e-mail ne part/);
      expect(quiet.output()).toContain(join(dir, "outbox"));
      expect(smtp.output()).not.toContain("aucun e-mail ne part");
    } finally {
      await quiet.stop();
      await smtp.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers /healthz 503 when the outbox cannot be written, since every signup would then get 503", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-outbox-"));
    // A file where the outbox folder should be: nothing can be written in it, even by root.
    writeFileSync(join(dir, "outbox"), "");
    const broken = await startServer({ DATA_DIR: dir, SMTP_URL: "" });
    try {
      const health = await fetch(`${broken.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.text()).toMatch(/boîte d’envoi/);
      const signup = await fetch(`${broken.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "sans-boite@exemple.fr" }),
      });
      expect(signup.status).toBe(503);
      rmSync(join(dir, "outbox"));
      expect((await fetch(`${broken.url}/healthz`)).status).toBe(200);
    } finally {
      await broken.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a client that leaves in the middle of a signup", () => {
  /** Sends the headers and part of a signup's body, then closes the connection at once. */
  const leaveMidSignup = (url: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(url);
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          `POST /api/newsletter HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=parti`,
        );
        socket.destroy();
        resolve();
      });
      socket.once("error", reject);
    });

  it("leaves no stack trace in the log, and the server goes on answering", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-gone-"));
    const running = await startServer({ DATA_DIR: dir, SMTP_URL: "" });
    try {
      // Several, since the connection must be closed before the request reaches the route.
      for (let i = 0; i < 20; i++) await leaveMidSignup(running.url);
      await new Promise((r) => setTimeout(r, 500));
      const signup = await fetch(`${running.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "reste@exemple.fr" }),
      });
      expect(signup.status).toBe(200);
      expect(running.output()).not.toMatch(/\n\s+at |ClientAddressNotAvailable|\[ERROR\]/);
    } finally {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a signup while the database cannot be opened", () => {
  it("answers a form with the error page that keeps the address, and a JSON client in JSON, like any 503", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-closed-"));
    // A file where the data folder should be: the database cannot be created.
    writeFileSync(join(dir, "data"), "");
    const broken = await startServer({ DATA_DIR: join(dir, "data"), SMTP_URL: "" });
    try {
      const form = await fetch(`${broken.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: broken.url },
        body: new URLSearchParams({ email: "ferme@exemple.fr", source: "/articles/x/" }).toString(),
        redirect: "manual",
      });
      expect(form.status).toBe(503);
      expect(form.headers.get("content-type")).toMatch(/^text\/html/);
      expect(form.headers.get("retry-after")).toBe("60");
      expect(form.headers.get("location")).toBeNull();
      const page = parse(await form.text());
      expect(page.querySelector("h1")?.text).toBe("Inscription indisponible");
      expect(page.querySelector("input[type=email]")?.getAttribute("value")).toBe("ferme@exemple.fr");
      expect(page.querySelector('main a[href="/articles/x/"]')).not.toBeNull();

      const asJson = await fetch(`${broken.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "ferme@exemple.fr" }),
      });
      expect(asJson.status).toBe(503);
      expect(await asJson.json()).toMatchObject({ ok: false, error: "indisponible" });
      // What the request gets wrong is said first.
      const wrong = await fetch(`${broken.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "pas-une-adresse" }),
      });
      expect(wrong.status).toBe(400);
      expect(broken.output()).toMatch(/Newsletter\u00a0: données inaccessibles/);
      expect(broken.output()).not.toMatch(/\n\s+at /);
    } finally {
      await broken.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("confirming or unsubscribing while the database cannot be written", () => {
  it("answers a browser's button with a page that names what failed, and a mail client's one-click in plain text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-broken-"));
    const broken = await startServer({ DATA_DIR: dir, SMTP_URL: "" });
    try {
      await fetch(`${broken.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "panne@exemple.fr" }),
      });
      const eml = readdirSync(join(dir, "outbox")).map((f) => readFileSync(join(dir, "outbox", f), "utf8"))[0] ?? "";
      const token = /token=([\w-]+)/.exec(plain(eml))?.[1] ?? "";
      // The file replaced under the running server (a restore, a bad deploy): every write now fails.
      const db = join(dir, "subscribers.db");
      copyFileSync(db, `${db}.copie`);
      renameSync(`${db}.copie`, db);
      const press = (action: "confirm" | "unsubscribe", body = "", type = "application/x-www-form-urlencoded") =>
        fetch(`${broken.url}/api/newsletter/${action}?token=${token}`, {
          method: "POST",
          headers: { "Content-Type": type, Origin: broken.url },
          body,
          redirect: "manual",
        });
      for (const [action, words, button] of [
        ["confirm", /confirmation n’a pas pu être enregistrée/, "Réessayer de confirmer"],
        ["unsubscribe", /désinscription n’a pas pu être enregistrée/, "Réessayer de me désinscrire"],
      ] as const) {
        const answer = await press(action);
        expect(answer.status).toBe(503);
        expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
        expect(answer.headers.get("retry-after")).not.toBeNull();
        const page = parse(await answer.text());
        expect(page.querySelector("main")?.text).toMatch(words);
        expect(page.querySelector("main")?.text).not.toMatch(/inscription est momentanément/);
        const form = page.querySelector("main form[method=post]");
        expect(form?.getAttribute("action")).toBe(`/api/newsletter/${action}?token=${token}`);
        expect(form?.querySelector("button")?.text.trim()).toBe(button);
      }
      const oneClick = await press("unsubscribe", "List-Unsubscribe=One-Click");
      expect(oneClick.status).toBe(503);
      expect(oneClick.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await oneClick.text()).toMatch(/désinscription/i);
    } finally {
      await broken.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says the same when the data folder cannot even be opened", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-nodata-"));
    // A file where the data folder should be.
    writeFileSync(join(dir, "data"), "");
    const broken = await startServer({ DATA_DIR: join(dir, "data") });
    try {
      const answer = await fetch(`${broken.url}/api/newsletter/unsubscribe?token=${"a".repeat(32)}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: broken.url },
        redirect: "manual",
      });
      expect(answer.status).toBe(503);
      const page = parse(await answer.text());
      expect(page.querySelector("h1")?.text).toBe("Désinscription indisponible");
      // The mail it offers says what it asks for, as on « lien invalide ».
      expect(page.querySelector('main a[href^="mailto:"]')?.getAttribute("href")).toBe(
        "mailto:redaction@digimedia.fr?subject=D%C3%A9sinscription%20de%20la%20newsletter",
      );
    } finally {
      await broken.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the subscriber export", () => {
  const exportFrom = (dir: string) =>
    spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", "scripts/subscribers.ts", "export"], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: dir },
      encoding: "utf8",
    });

  it("writes every address exactly, with the one-click unsubscribe address, and leaves a backup untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-export-"));
    try {
      const file = join(dir, "subscribers.db");
      const store = openSqliteStore(file);
      const emails = ["-jean@exemple.fr", "=1+1@exemple.fr", "+info@exemple.fr", "o'neil@exemple.ie"];
      for (const [i, email] of emails.entries()) {
        const token = `jeton-${String(i)}-${"x".repeat(20)}`;
        store.signup({
          email,
          source: "/",
          now: new Date("2026-01-01T00:00:00Z"),
          newToken: token,
          newConfirmToken: token,
          mailEverySeconds: 600,
        });
        store.confirm(token, new Date("2026-01-02T00:00:00Z"));
      }
      store.close();
      // A backup as sqlite3's .backup writes it: one file, no WAL.
      const backup = new DatabaseSync(file);
      backup.exec("PRAGMA journal_mode = DELETE");
      backup.close();
      const before = readFileSync(file);
      const result = exportFrom(dir);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const lines = result.stdout.trim().split("\r\n");
      expect(lines[0]).toBe("email,confirme_le,consentement_le,page,desinscription,desinscription_un_clic");
      const exported = lines.slice(1).map((l) => l.split(",")[0]);
      expect(exported).toEqual(["-jean@exemple.fr", "=1+1@exemple.fr", "+info@exemple.fr", `"o'neil@exemple.ie"`]);
      expect(lines[1]).toMatch(
        /,https:\/\/www\.digimedia\.fr\/newsletter\/se-desinscrire\/\?token=jeton-0-x+,https:\/\/www\.digimedia\.fr\/api\/newsletter\/unsubscribe\?token=jeton-0-x+$/,
      );
      // Read only: the backup is byte for byte the same, and nothing was created beside it.
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(["subscribers.db"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says in French, without a stack trace, when the file is not a subscriber database", () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-export-"));
    try {
      writeFileSync(join(dir, "subscribers.db"), "pas une base");
      const result = exportFrom(dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^Export impossible/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the editor's commands on one subscriber", () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", "scripts/subscribers.ts", ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: dir },
      encoding: "utf8",
    });

  it("looks an address up and erases it, read as a signup reads it, and says in French when it is unknown", () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-admin-"));
    try {
      const store = openSqliteStore(join(dir, "subscribers.db"));
      store.signup({
        email: "x@y.fr",
        source: "/",
        now: new Date(),
        newToken: "x".repeat(32),
        newConfirmToken: "x".repeat(32),
        mailEverySeconds: 600,
      });
      store.close();
      const found = run(dir, "chercher", " X@Y.FR ");
      expect(found.status).toBe(0);
      expect(found.stdout).toMatch(/^Adresse\u00a0: x@y\.fr\nÉtat\u00a0: en attente de confirmation\n/);
      const erased = run(dir, "supprimer", "x@y.fr");
      expect(erased.status).toBe(0);
      expect(erased.stdout).toContain("Supprimée de la base des abonnés.");
      const gone = run(dir, "chercher", "x@y.fr");
      expect(gone.status).toBe(1);
      expect(gone.stderr).toMatch(/^Aucune inscription pour «\u202fx@y\.fr\u202f»/);
      expect(run(dir, "supprimer", "x@y.fr").status).toBe(1);
      // An English command, or none, gets the French usage.
      const usage = run(dir, "delete", "x@y.fr");
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/chercher <adresse>[\s\S]*supprimer <adresse>/);
      expect(run(dir, "supprimer").status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("retention", () => {
  it("erases, from the server's start, a signup left unconfirmed for 30 days, as the privacy page says", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-retention-"));
    const store = openSqliteStore(join(dir, "subscribers.db"));
    const old = new Date(Date.now() - 31 * 86_400_000);
    store.signup({
      email: "oubli@exemple.fr",
      source: "/",
      now: old,
      newToken: "o".repeat(32),
      newConfirmToken: "o".repeat(32),
      mailEverySeconds: 600,
    });
    store.signup({
      email: "neuf@exemple.fr",
      source: "/",
      now: new Date(),
      newToken: "n".repeat(32),
      newConfirmToken: "n".repeat(32),
      mailEverySeconds: 600,
    });
    store.close();
    const running = await startServer({ DATA_DIR: dir, SMTP_URL: "" });
    try {
      const privacy = parse(await (await fetch(`${running.url}/confidentialite/`)).text()).querySelector("main")?.text;
      expect(privacy).toMatch(/non confirmée est effacée 30\u00a0jours/);
      // The per-address count of e-mails over 24 hours is kept in the row: said, with its purpose.
      expect(privacy).toMatch(/le nombre d’e-mails envoyés à votre adresse sur 24\u00a0heures/);
      // Everything the row holds is named (the first request, the links' code, the consent before a new signup), and
      // who else handles it.
      expect(privacy).toMatch(/la date de votre première demande/);
      expect(privacy).toMatch(/deux codes tirés au hasard qui font fonctionner les liens/);
      expect(privacy).toMatch(/votre consentement précédent/);
      expect(privacy).toMatch(/le service d’envoi\s+d’e-mails/);
      // One convention: no gendered participle for the reader (« désinscrit »), and no « lettre » for an e-mail.
      expect(privacy).not.toMatch(/désinscrit\b|désinscrit\(e\)|lettre/);
      const db = new DatabaseSync(join(dir, "subscribers.db"), { readOnly: true });
      const left = db
        .prepare("SELECT email FROM subscribers")
        .all()
        .map((r) => r["email"]);
      db.close();
      expect(left).toEqual(["neuf@exemple.fr"]);
    } finally {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
