/**
 * Opening the subscribers' database: its files for the server's user alone; when it cannot be opened, no file handle
 * left behind, no reopening per request.
 */
import { chmodSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { confirmationMessage, outboxTransport } from "../../src/lib/newsletter/mail.ts";
import { closeNewsletter, newsletter, REOPEN_AFTER_MS } from "../../src/lib/newsletter/runtime.ts";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";
import { temporaryFolder } from "../temporary-folder.ts";

/** How many of this process's file descriptors are open on `file`. */
const handlesOn = (file: string): number =>
  readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(join("/proc/self/fd", fd)) === file;
    } catch {
      return false;
    }
  }).length;

afterEach(() => {
  closeNewsletter();
});

/** The permission bits of `path` (0o600…). */
const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe("the subscribers' files", () => {
  it("are readable by the server's user alone, whatever the umask: folder, database, its journal, the outbox", async () => {
    const umask = process.umask(0o022);
    try {
      const dir = join(temporaryFolder("droits-"), "donnees");
      const store = openSqliteStore(join(dir, "subscribers.db"));
      store.hits([{ key: "email:a@exemple.fr", windowSeconds: 3600, max: 1 }], new Date("2026-01-15T10:00:00Z"));
      expect(
        [".", "subscribers.db", "subscribers.db-wal", "subscribers.db-shm"].map((f) => modeOf(join(dir, f))),
      ).toEqual([0o700, 0o600, 0o600, 0o600]);
      store.close();
      const outbox = join(dir, "outbox");
      await outboxTransport(outbox, "Digimedia <newsletter@digimedia.fr>").send(
        confirmationMessage(
          "a@exemple.fr",
          { confirm: "https://x/c", unsubscribePage: "https://x/u", oneClickUnsubscribe: "https://x/o" },
          30,
        ),
      );
      expect([outbox, ...readdirSync(outbox).map((f) => join(outbox, f))].map(modeOf)).toEqual([0o700, 0o600]);
    } finally {
      process.umask(umask);
    }
  });

  it("makes the outbox for the server's user alone when /healthz is the first to write it, whatever the umask", () => {
    const umask = process.umask(0o022);
    try {
      const outbox = join(temporaryFolder("sonde-"), "outbox");
      expect(outboxTransport(outbox, "Digimedia <newsletter@digimedia.fr>").writable?.()).toBe(true);
      expect(modeOf(outbox)).toBe(0o700);
    } finally {
      process.umask(umask);
    }
  });

  it("reads ALLOWED_ORIGINS with the spaces, capitals and final slash a list is often written with", () => {
    const env = {
      DATA_DIR: temporaryFolder("origines-"),
      ALLOWED_ORIGINS: "https://a.digimedia.fr, HTTPS://B.Digimedia.fr/ ,",
    };
    expect(newsletter(env).allowedOrigins.slice(1)).toEqual(["https://a.digimedia.fr", "https://b.digimedia.fr"]);
  });

  it("narrows a database made open to others by an earlier version", () => {
    const file = join(temporaryFolder("droits-"), "subscribers.db");
    openSqliteStore(file).close();
    chmodSync(file, 0o644);
    openSqliteStore(file).close();
    expect(modeOf(file)).toBe(0o600);
  });
});

describe("a database that fails to open", () => {
  it("is closed again: trying many times leaves no handle on the file", () => {
    const file = join(temporaryFolder("ouverture-"), "subscribers.db");
    writeFileSync(file, "pas une base de données, mais un fichier assez long pour être lu comme un en-tête SQLite");
    for (let i = 0; i < 5; i++) expect(() => openSqliteStore(file)).toThrow(/not a database/);
    expect(handlesOn(file)).toBe(0);
  });

  it("is not opened again before REOPEN_AFTER_MS: the same error is thrown at once, then a new try", () => {
    const dir = temporaryFolder("reouverture-");
    const file = join(dir, "subscribers.db");
    writeFileSync(file, "pas une base de données, mais un fichier assez long pour être lu comme un en-tête SQLite");
    const env = { DATA_DIR: dir };
    expect(() => newsletter(env, 1_000)).toThrow(/not a database/);
    // Repaired meanwhile: still the remembered error until the delay is over, then it opens.
    rmSync(file);
    expect(() => newsletter(env, 1_000 + REOPEN_AFTER_MS - 1)).toThrow(/not a database/);
    expect(handlesOn(file)).toBe(0);
    expect(newsletter(env, 1_000 + REOPEN_AFTER_MS).store.writable()).toBe(true);
  });
});
