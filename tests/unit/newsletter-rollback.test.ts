/** A write that SQLite rolls back by itself (a full disk): the real error is what the caller and the log see. */
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleSignup } from "../../src/lib/newsletter/handler.ts";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";
import type { SubscriberStore } from "../../src/lib/newsletter/store.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const FULL = "database or disk is full";
let store: SubscriberStore | undefined;

/**
 * A store whose writes to `table` fail as on a full disk: RAISE(ROLLBACK) ends the transaction itself, as SQLite
 * does on SQLITE_FULL, which cannot be had on demand from a real disk.
 */
function storeFullOn(table: string): SubscriberStore {
  const file = join(temporaryFolder("disque-plein-"), "subscribers.db");
  openSqliteStore(file).close();
  const db = new DatabaseSync(file);
  db.exec(`CREATE TRIGGER plein BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ROLLBACK, '${FULL}'); END;`);
  db.close();
  store = openSqliteStore(file);
  return store;
}

afterEach(() => {
  store?.close();
  vi.restoreAllMocks();
});

describe("a transaction SQLite rolled back itself", () => {
  it("throws the real error, not « no transaction is active », and leaves the store usable", () => {
    const full = storeFullOn("subscribers");
    const signup = {
      email: "plein@exemple.fr",
      source: "/",
      now: new Date("2026-01-15T10:00:00Z"),
      newToken: "jeton",
      newConfirmToken: "jeton",
      mailEverySeconds: 600,
    };
    expect(() => full.signup(signup)).toThrow(FULL);
    expect(() => full.signup(signup)).toThrow(FULL);
    expect(full.purge({ pendingBefore: signup.now, rateBefore: 0 })).toEqual({ pending: 0, rates: 0 });
  });

  it("is logged with its cause by the signup route, which answers 503", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await handleSignup(
      new Request("https://www.digimedia.fr/api/newsletter", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "plein@exemple.fr" }),
      }),
      {
        store: storeFullOn("subscribers"),
        mail: { send: () => Promise.resolve() },
        publicUrl: "https://www.digimedia.fr",
        allowedOrigins: [],
        now: () => new Date("2026-01-15T10:00:00Z"),
      },
    );
    expect(response.status).toBe(503);
    expect(errors.mock.calls.flat().join("\n")).toContain(FULL);
    expect(errors.mock.calls.flat().join("\n")).not.toContain("no transaction is active");
  });

  it("makes the health probe say « not writable », without throwing", () => {
    expect(storeFullOn("rate_limits").writable()).toBe(false);
  });
});
