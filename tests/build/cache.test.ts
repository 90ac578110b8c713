/**
 * Caches never change the output: the site built cold, built warm, and built with each cache
 * removed alone (the content layer's store, the social images) is the same, byte for byte.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus.ts";
import { projectRoot } from "./astro.ts";
import { listFiles } from "./dist.ts";
import { spawnSync } from "node:child_process";

const contentDir = mkdtempSync(join(tmpdir(), "digimedia-cache-"));
const outDir = "dist-cache";
const storeCache = join(projectRoot, "node_modules/.astro", contentDir.replace(/[^a-zA-Z0-9]+/g, "_"));
const imageCache = join(projectRoot, "node_modules/.cache/digimedia-og");

afterAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(storeCache, { recursive: true, force: true });
  rmSync(join(projectRoot, outDir), { recursive: true, force: true });
});

/** Builds and returns a fingerprint of every file written. */
function buildAndHash(): Map<string, string> {
  rmSync(join(projectRoot, outDir), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "build"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      OUT_DIR: `./${outDir}`,
      BUILD_NOW: "2026-06-01T00:00:00+02:00",
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr.slice(-2000));
  const client = join(projectRoot, outDir, "client");
  return new Map(
    listFiles(client).map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(client, f)))
        .digest("hex"),
    ]),
  );
}

describe("build caches", () => {
  it("give the same site cold, warm, and with each cache removed", () => {
    generateCorpus(contentDir, 40, 3);
    rmSync(storeCache, { recursive: true, force: true });
    rmSync(imageCache, { recursive: true, force: true });
    const cold = buildAndHash();
    expect(cold.size).toBeGreaterThan(100);
    expect(buildAndHash()).toEqual(cold);
    rmSync(storeCache, { recursive: true, force: true });
    expect(buildAndHash()).toEqual(cold);
    rmSync(imageCache, { recursive: true, force: true });
    expect(buildAndHash()).toEqual(cold);
  });
});
