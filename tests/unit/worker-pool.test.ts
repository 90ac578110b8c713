import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WorkerPool } from "../../src/lib/worker-pool.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const echo = new URL("./fixtures/echo-worker.ts", import.meta.url);
type Answer = { doubled: number; thread: number };

describe("WorkerPool", () => {
  it("answers every request, in the right order, spread over its workers", async () => {
    const pool = new WorkerPool<number, Answer>(echo, undefined, 2);
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => pool.run(i)));
    expect(answers.map((a) => a.doubled)).toEqual(Array.from({ length: 200 }, (_, i) => i * 2));
    expect(new Set(answers.map((a) => a.thread)).size).toBe(2);
  });

  it("rejects with the worker's message and keeps answering", async () => {
    const pool = new WorkerPool<number, Answer>(echo, undefined, 1);
    await expect(pool.run(-1)).rejects.toThrow("nombre négatif : -1");
    expect((await pool.run(4)).doubled).toBe(8);
  });

  it("starts a new worker after an idle one stopped", async () => {
    const pool = new WorkerPool<number, Answer>(echo, undefined, 1);
    const first = await pool.run(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const second = await pool.run(2);
    expect(second.doubled).toBe(4);
    expect(second.thread).not.toBe(first.thread);
  });

  it("works in a process started with per-process flags (npm run build caps the heap)", () => {
    const script = join(temporaryFolder("pool-"), "main.mjs");
    writeFileSync(
      script,
      `import { WorkerPool } from ${JSON.stringify(new URL("../../src/lib/worker-pool.ts", import.meta.url).href)};
      const pool = new WorkerPool(new URL(${JSON.stringify(echo.href)}), undefined, 1);
      console.log((await pool.run(21)).doubled);`,
    );
    const out = execFileSync(process.execPath, ["--max-old-space-size=512", script], { encoding: "utf8" });
    expect(out.trim()).toBe("42");
  });
});
