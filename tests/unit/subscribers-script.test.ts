/** npm run subscribers (scripts/subscribers.ts) as an operator runs it, in a pipe. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/lib/newsletter/sqlite-store.ts";
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
