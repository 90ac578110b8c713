/** Builds the site against another content folder, as an editor or CI would. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { clearBuildCaches } from "../../src/lib/build-caches.ts";

export const projectRoot = join(import.meta.dirname, "../..");

/** Result of one `astro build`. */
export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * The environment of a test build, as `npm run build` has it, with CONTENT_DIR and OUT_DIR:
 * vitest's NODE_ENV=test would make Astro's import.meta.env.DEV true in the build.
 */
export function buildEnv(contentDir: string, outDir: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    CONTENT_DIR: contentDir,
    OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: "1",
    ...env,
  };
}

/**
 * Runs `astro build` then the search index, both with CONTENT_DIR and OUT_DIR (inside the project), then
 * drops the caches of `contentDir`.
 */
export function buildWith(contentDir: string, outDir: string, env: Record<string, string> = {}): BuildResult {
  const stepEnv = buildEnv(contentDir, outDir, env);
  const result = spawnSync(process.execPath, [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "build"], {
    cwd: projectRoot,
    env: stepEnv,
    encoding: "utf8",
    timeout: 240_000,
  });
  // The build's second step, as `npm run build` runs it: the search index, once Astro has exited. With
  // CONTENT_DIR too: without it, the pages of this content were copied into the site's search cache.
  const search =
    result.status === 0
      ? spawnSync(
          process.execPath,
          ["--disable-warning=ExperimentalWarning", join(projectRoot, "scripts/search-index.ts")],
          {
            cwd: projectRoot,
            env: stepEnv,
            encoding: "utf8",
            timeout: 120_000,
          },
        )
      : undefined;
  // A temporary folder's caches are never reused.
  clearBuildCaches(projectRoot, contentDir);
  return {
    status: search === undefined ? result.status : search.status,
    output: `${result.stdout}\n${result.stderr}${search === undefined ? "" : `\n${search.stdout}\n${search.stderr}`}`,
  };
}
