/** Opening the subscribers' database when it cannot be opened: no file handle left behind, no reopening per request. */
import { readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
