/** npm run subscribers (scripts/subscribers.ts) as an operator runs it, in a pipe. */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { findReadOnly, openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const projectRoot = join(import.meta.dirname, "../..");

/** A data folder whose database holds `count` confirmed subscribers. */
function dataWith(count: number): string {
  const data = temporaryFolder("abonnes-");
  const file = join(data, "subscribers.db");
  openSqliteStore(file).close();
  const db = new DatabaseSync(file);
  const insert = db.prepare(
    "INSERT INTO subscribers (email, email_key, status, token, source, consent_at, confirmed_at, created_at) VALUES (?, ?, 'confirmed', ?, '/', ?, ?, ?)",
  );
  db.exec("BEGIN");
  for (let i = 0; i < count; i++) {
    const email = `lecteur-${String(i)}@exemple.fr`;
    const at = "2026-01-01T00:00:00.000Z";
    insert.run(email, email, `jeton-${String(i)}-${"x".repeat(30)}`, at, at, at);
  }
  db.exec("COMMIT");
  db.close();
  return data;
}

describe("the export in a pipe", () => {
  it("stops quietly, exit code 0, when the reader stops reading (| head -3)", async () => {
    // Far more than a pipe's buffer (64 KB): the export is still writing when the reader leaves.
    const child = spawn(
      process.execPath,
      ["--disable-warning=ExperimentalWarning", "scripts/subscribers.ts", "export"],
      { cwd: projectRoot, env: { ...process.env, DATA_DIR: dataWith(3000) }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("chercher", () => {
  it("reads a backup without writing to it: no WAL switch, no -wal or -shm file, the same bytes", () => {
    const data = dataWith(3);
    const file = join(data, "subscribers.db");
    // A backup as sqlite3's .backup writes it: one file, no WAL.
    const backup = new DatabaseSync(file);
    backup.exec("PRAGMA journal_mode = DELETE");
    backup.close();
    const before = readFileSync(file);
    const result = spawnSync(
      process.execPath,
      ["--disable-warning=ExperimentalWarning", "scripts/subscribers.ts", "chercher", "Lecteur-1@Exemple.fr"],
      { cwd: projectRoot, env: { ...process.env, DATA_DIR: data }, encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Adresse\u00a0: lecteur-1@exemple.fr\nÉtat\u00a0: confirmée");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(data)).toEqual(["subscribers.db"]);
  });

  it("finds an address in a database older than the email_key column, without upgrading it", () => {
    const file = join(temporaryFolder("ancienne-"), "subscribers.db");
    const db = new DatabaseSync(file);
    db.exec(
      "CREATE TABLE subscribers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, status TEXT NOT NULL, token TEXT NOT NULL, source TEXT NOT NULL, consent_at TEXT NOT NULL, confirmed_at TEXT, unsubscribed_at TEXT, created_at TEXT NOT NULL)",
    );
    db.prepare(
      "INSERT INTO subscribers (email, status, token, source, consent_at, created_at) VALUES ('Élise@exemple.fr', 'pending', 't', '/', 'x', 'x')",
    ).run();
    db.close();
    expect(findReadOnly(file, "élise@exemple.fr")?.email).toBe("Élise@exemple.fr");
    expect(findReadOnly(file, "autre@exemple.fr")).toBeUndefined();
  });
});
