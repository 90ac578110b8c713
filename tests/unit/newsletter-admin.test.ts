import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeSubscriber, eraseSubscriber, findSubscriber, storedAddress } from "../../src/lib/newsletter/admin.ts";
import { confirmationMessage, outboxTransport } from "../../src/lib/newsletter/mail.ts";
import { eraseOutboxMessages } from "../../src/lib/newsletter/mail.ts";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";
import type { SubscriberStore } from "../../src/lib/newsletter/store.ts";
import { temporaryFolder } from "../temporary-folder.ts";

let store: SubscriberStore;
let folder = "";
const where = "/données/subscribers.db";
const token = "t".repeat(32);

beforeEach(() => {
  folder = temporaryFolder("admin-");
  store = openSqliteStore(join(folder, "subscribers.db"));
  store.signup({
    email: "Lea@société.fr",
    source: "/articles/x/",
    now: new Date("2026-01-15T10:00:00Z"),
    newToken: token,
    newConfirmToken: token,
    mailEverySeconds: 600,
  });
  store.mailSent(token, new Date("2026-01-15T10:00:00Z"));
});
afterEach(() => {
  store.close();
});

/** Which of `texts` the database's files in `folder` (the base and its -wal journal) still hold, as « file: text ». */
function copiesIn(folder: string, ...texts: string[]): string[] {
  return ["subscribers.db", "subscribers.db-wal"]
    .filter((name) => existsSync(join(folder, name)))
    .flatMap((name) => {
      const bytes = readFileSync(join(folder, name));
      return texts.filter((text) => bytes.includes(Buffer.from(text))).map((text) => `${name}: ${text}`);
    });
}

/** The links of a confirmation message carrying token `t`. */
const links = (t: string) => ({
  confirm: `https://www.digimedia.fr/newsletter/confirmer/?token=${t}`,
  unsubscribePage: `https://www.digimedia.fr/newsletter/se-desinscrire/?token=${t}`,
  oneClickUnsubscribe: `https://www.digimedia.fr/api/newsletter/unsubscribe?token=${t}`,
});

describe("looking a subscriber up", () => {
  it.each([
    ["as stored", "Lea@société.fr"],
    ["with spaces and capitals", "  LEA@Société.FR "],
    ["with the domain in punycode", "lea@xn--socit-esab.fr"],
  ])("finds the address typed %s, as a signup reads it", (_, typed) => {
    const found = findSubscriber(store, typed, where);
    expect(found.code).toBe(0);
    expect(found.out).toContain("Adresse\u00a0: Lea@société.fr\n");
  });

  it("shows the state and every date kept, in Paris time and as stored", () => {
    store.confirm(token, new Date("2026-01-15T10:05:00Z"));
    store.unsubscribe(token, new Date("2026-02-01T08:00:00Z"));
    expect(findSubscriber(store, "lea@société.fr", where).out.split("\n")).toEqual([
      "Adresse\u00a0: Lea@société.fr",
      "État\u00a0: désinscrite (une inscription a été confirmée avant)",
      "Première demande\u00a0: 15\u00a0janvier 2026 à 11\u00a0h (2026-01-15T10:00:00.000Z)",
      "Dernière demande (consentement)\u00a0: 15\u00a0janvier 2026 à 11\u00a0h (2026-01-15T10:00:00.000Z), depuis la page /articles/x/",
      "Confirmée le\u00a0: 15\u00a0janvier 2026 à 11\u00a0h\u00a005 (2026-01-15T10:05:00.000Z)",
      "Désinscrite le\u00a0: 1er\u00a0février 2026 à 9\u00a0h (2026-02-01T08:00:00.000Z)",
      "Dernier e-mail envoyé\u00a0: 15\u00a0janvier 2026 à 11\u00a0h (2026-01-15T10:00:00.000Z)",
      "",
    ]);
  });

  it("shows the consent confirmed before a new signup of an unsubscribed address, which that signup does not erase", () => {
    store.confirm(token, new Date("2026-01-15T10:05:00Z"));
    store.unsubscribe(token, new Date("2026-02-01T08:00:00Z"));
    store.signup({
      email: "lea@société.fr",
      source: "/",
      now: new Date("2026-03-01T09:00:00Z"),
      newToken: "n".repeat(32),
      newConfirmToken: "n".repeat(32),
      mailEverySeconds: 600,
    });
    const lines = findSubscriber(store, "lea@société.fr", where).out.split("\n");
    expect(lines).toContain(
      "Consentement confirmé précédent\u00a0: demandé le 15\u00a0janvier 2026 à 11\u00a0h (2026-01-15T10:00:00.000Z), depuis la page /articles/x/, confirmé le 15\u00a0janvier 2026 à 11\u00a0h\u00a005 (2026-01-15T10:05:00.000Z)",
    );
    expect(lines).toContain(
      "Dernière demande (consentement)\u00a0: 1er\u00a0mars 2026 à 10\u00a0h (2026-03-01T09:00:00.000Z), depuis la page /",
    );
  });

  it("names a pending signup and the last message that left, not one only being sent", () => {
    const found = store.signup({
      email: "lea@société.fr",
      source: "/",
      now: new Date("2026-01-15T10:30:00Z"),
      newToken: "autre".repeat(8),
      newConfirmToken: "autre".repeat(8),
      mailEverySeconds: 600,
    });
    expect(describeSubscriber(found.subscriber)).toMatch(/^État\u00a0: en attente de confirmation$/m);
    expect(describeSubscriber(found.subscriber)).toMatch(
      /^Dernier e-mail envoyé\u00a0: 15\u00a0janvier 2026 à 11\u00a0h /m,
    );
    store.mailSent(token, new Date("2026-01-15T10:30:05Z"));
    expect(findSubscriber(store, "lea@société.fr", where).out).toMatch(
      /^Dernier e-mail envoyé\u00a0: 15\u00a0janvier 2026 à 11\u00a0h\u00a030/m,
    );
  });

  it("says in French that an address is unknown, and why it is no address when it is not one", () => {
    expect(findSubscriber(store, "inconnu@exemple.fr", where)).toEqual({
      code: 1,
      out: "",
      err: "Aucune inscription pour «\u202finconnu@exemple.fr\u202f» dans /données/subscribers.db.\n",
    });
    expect(findSubscriber(store, "pas-une-adresse", where).err).toBe(
      "Aucune inscription pour «\u202fpas-une-adresse\u202f» dans /données/subscribers.db (Il manque le «\u202f@\u202f»\u00a0: par exemple prenom@exemple.fr.).\n",
    );
  });
});

describe("erasing a subscriber", () => {
  it.each(["pending", "confirmed", "unsubscribed"] as const)(
    "erases the row of a %s address entirely, and prints what it held",
    (state) => {
      if (state !== "pending") store.confirm(token, new Date("2026-01-16T00:00:00Z"));
      if (state === "unsubscribed") store.unsubscribe(token, new Date("2026-01-17T00:00:00Z"));
      const erased = eraseSubscriber(store, " LEA@xn--socit-esab.fr", where);
      expect(erased.code).toBe(0);
      expect(erased.out).toContain("Adresse\u00a0: Lea@société.fr\n");
      expect(erased.out).toMatch(/\nSupprimée de la base des abonnés\.\n$/);
      expect(store.find("lea@société.fr")).toBeUndefined();
      // Its links no longer lead anywhere, and a new signup starts afresh.
      expect(store.unsubscribe(token, new Date())).toBe(false);
      const again = store.signup({
        email: "lea@société.fr",
        source: "/",
        now: new Date("2026-03-01T00:00:00Z"),
        newToken: "n".repeat(32),
        newConfirmToken: "n".repeat(32),
        mailEverySeconds: 600,
      });
      expect(again).toMatchObject({ outcome: "created", subscriber: { confirmedOnce: false, unsubscribedAt: null } });
    },
  );

  it("leaves nothing of the address behind: its outbox messages, its rate counter, and no copy in the database files", async () => {
    const outbox = join(folder, "outbox");
    const mail = outboxTransport(outbox, "Digimedia <newsletter@digimedia.fr>");
    await mail.send(confirmationMessage("Lea@société.fr", links(token), 30));
    await mail.send(confirmationMessage("autre@exemple.fr", links("a".repeat(32)), 30));
    const now = new Date("2026-01-15T10:00:00Z");
    const key = "email:lea@société.fr";
    store.hits([{ key: key, windowSeconds: 3600, max: 1 }], now);
    expect(store.hits([{ key: key, windowSeconds: 3600, max: 1 }], now).allowed).toBe(false);

    const erased = eraseSubscriber(store, "lea@société.fr", where, (s) => eraseOutboxMessages(outbox, s));
    expect(erased.out).toContain("Messages effacés de la boîte d’envoi\u00a0: 1.");
    const left = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), "utf8"));
    expect(left).toHaveLength(1);
    expect(left[0]).toContain("autre@exemple.fr");
    expect(store.hits([{ key: key, windowSeconds: 3600, max: 1 }], now).allowed).toBe(true);
    // Neither the database nor its journal keeps a copy of the erased row (secure_delete, a truncating checkpoint).
    expect(copiesIn(folder, "Lea@société.fr", token)).toEqual([]);
  });

  it("leaves no copy of the row as it was before the server updated it and later signups split its page", () => {
    // The server's connection signs up, mails and confirms; the operator's erases, as npm run subscribers does. The
    // page that held the first rows is split once they no longer fit: its old rows, the address among them, stayed.
    const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 15, 10, minute));
    const others = (from: number, count: number): void => {
      for (let i = from; i < from + count; i++) {
        const t = String(i).padStart(32, "o");
        store.signup({
          email: `autre${String(i)}@exemple.fr`,
          source: "/",
          now: at(i),
          newToken: t,
          newConfirmToken: t,
          mailEverySeconds: 600,
        });
        store.mailSent(t, at(i));
      }
    };
    others(1, 8);
    store.confirm(token, at(20));
    store.mailSent(token, at(21));
    others(30, 40);
    const operator = openSqliteStore(join(folder, "subscribers.db"));
    try {
      expect(eraseSubscriber(operator, "lea@société.fr", where).code).toBe(0);
    } finally {
      operator.close();
    }
    expect(copiesIn(folder, "Lea@société.fr", token)).toEqual([]);
  });

  it("leaves no copy of the row in a database that a version without secure_delete wrote, once this version opens it", () => {
    // Rows added by a connection that only unlinks what it frees, as every connection did before: the page split
    // leaves the first rows' bytes behind. The file is as that version left it (user_version 0).
    store.close();
    const older = new DatabaseSync(join(folder, "subscribers.db"));
    older.exec("PRAGMA secure_delete = OFF; PRAGMA user_version = 0;");
    const insert = older.prepare(
      "INSERT INTO subscribers (email, email_key, status, token, source, consent_at, created_at) VALUES (?, ?, 'pending', ?, '/', ?, ?)",
    );
    for (let i = 0; i < 60; i++) {
      const address = `ancienne-adresse${String(i)}@exemple.fr`;
      insert.run(address, address, String(i).padStart(32, "v"), "2025-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z");
    }
    older.close();
    // This version's first opening rewrites it; an erasure then leaves nothing.
    store = openSqliteStore(join(folder, "subscribers.db"));
    expect(eraseSubscriber(store, "lea@société.fr", where).code).toBe(0);
    expect(copiesIn(folder, "Lea@société.fr")).toEqual([]);
    expect(store.find("ancienne-adresse59@exemple.fr")).toBeDefined();
  });

  it("erases from the outbox the messages to the address only, not those to an address that ends like it", async () => {
    const outbox = join(folder, "outbox-jean");
    const mail = outboxTransport(outbox, "Digimedia <newsletter@digimedia.fr>");
    await mail.send(confirmationMessage("jean@exemple.fr", links("j".repeat(32)), 30));
    await mail.send(confirmationMessage("petitjean@exemple.fr", links("p".repeat(32)), 30));
    await mail.send(confirmationMessage("jean@exemple.fr.example", links("q".repeat(32)), 30));
    // Erased by address alone (a token the messages do not carry): only jean@exemple.fr's message goes.
    expect(eraseOutboxMessages(outbox, { email: "Jean@exemple.fr", token: "z".repeat(32) })).toBe(1);
    const left = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), "utf8"));
    expect(left.filter((message) => message.includes("p".repeat(32)))).toHaveLength(1);
    expect(left.filter((message) => message.includes("q".repeat(32)))).toHaveLength(1);
    expect(left).toHaveLength(2);
  });

  it("erases nothing, and says so, for an unknown address", () => {
    expect(eraseSubscriber(store, "inconnu@exemple.fr", where)).toMatchObject({ code: 1, out: "" });
    expect(store.find("lea@société.fr")).toBeDefined();
  });

  it("reads an invalid address as typed, trimmed", () => {
    expect(storedAddress("  vieux@@exemple.fr ")).toBe("vieux@@exemple.fr");
    expect(storedAddress(" Jean@EXEMPLE.fr")).toBe("Jean@exemple.fr");
  });
});
