/**
 * npm run bench: builds the whole site from the deterministic corpus at N = 1,000, 4,000 and
 * 10,000 articles (BENCH_N="1000,4000" picks sizes, BENCH_RUNS the repetitions), cold (every
 * cache removed) and warm (one article edited), next to the baseline in bench/baseline on the
 * same corpus. Prints a table and writes bench/results.json. Times are figures, not assertions.
 * The baseline is also built a second time writing as many pages as our site did ("pages égales",
 * BASELINE_PAGES, see bench/baseline/src/pages/copies/): what Astro alone costs for that many pages.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { clearBuildCaches } from "../src/lib/build-caches.ts";
import { generateCorpus } from "./corpus.ts";

const root = join(import.meta.dirname, "..");
const work = join(root, "bench/work");
const sizes = (process.env["BENCH_N"] ?? "1000,4000,10000").split(",").map(Number);
const runs = Number(process.env["BENCH_RUNS"] ?? 3);
const astroBin = join(root, "node_modules/astro/bin/astro.mjs");

interface Measure {
  seconds: number;
  peakMb: number;
  /** CPU time (user + system) of the whole process tree: every thread and child process. */
  cpuSeconds: number;
}

/** CPU time of this process's children that have ended and been waited for, in seconds (Linux /proc). */
function childrenCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  // Fields 16 and 17 of stat(5), cutime and cstime, in clock ticks (100 a second on Linux).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Pressure stall time of the disk so far, in µs (Linux /proc/pressure/io), or undefined without it. */
function ioStallMicros(): number | undefined {
  try {
    return Number(/total=(\d+)/.exec(readFileSync("/proc/pressure/io", "utf8"))?.[1]);
  } catch {
    return undefined;
  }
}

/**
 * Flushes the disk and waits until it stops stalling (less than 5 % of a half-second window, 30 s
 * at most): deleting the previous run's 300 MB to 1 GB keeps the disk busy, and it would otherwise
 * be counted in the next build's time.
 */
async function settleDisk(): Promise<void> {
  execFileSync("sync");
  const until = performance.now() + 30_000;
  for (let before = ioStallMicros(); before !== undefined && performance.now() < until;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = ioStallMicros() ?? before;
    if (after - before < 25_000) return;
    before = after;
  }
}

/** Resident memory of a process and all its descendants, in kB (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const visit = (p: number): void => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // ended
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/** Runs a command in `cwd` and measures wall time and peak memory of its process tree. */
async function run(cwd: string, args: string[], env: Record<string, string>): Promise<Measure> {
  await settleDisk();
  const cpuBefore = childrenCpuSeconds();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${args.join(" ")} a échoué dans ${cwd} :\n${errors.slice(-2000)}`));
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          peakMb: peak / 1024,
          cpuSeconds: childrenCpuSeconds() - cpuBefore,
        });
    });
  });
}

/** Our site: `npm run build`, the README's command (astro build, then the search index). */
function buildSite(env: Record<string, string>): Promise<Measure> {
  const npm = process.env["npm_execpath"];
  if (npm === undefined) throw new Error("Lancez le banc avec npm run bench.");
  return run(root, [npm, "run", "--silent", "build"], env);
}

/** The baseline: a plain astro build. */
function buildBaseline(cwd: string, env: Record<string, string>): Promise<Measure> {
  return run(cwd, [astroBin, "build"], env);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function sizeOf(dir: string): { files: number; pages: number; bytes: number } {
  let files = 0;
  let pages = 0;
  let bytes = 0;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const info = statSync(full);
      if (info.isDirectory()) walk(full);
      else {
        files++;
        bytes += info.size;
        if (name.endsWith(".html")) pages++;
      }
    }
  };
  walk(dir);
  return { files, pages, bytes };
}

interface Row {
  n: number;
  pages: number;
  coldSeconds: number;
  warmSeconds: number;
  peakMb: number;
  outputMb: number;
  msPerArticle: number;
  baselineColdSeconds: number;
  baselinePeakMb: number;
  coldCpuSeconds: number;
  baselineCpuSeconds: number;
  /** The baseline writing as many pages as our site (plain copies of article pages). */
  matchedColdSeconds: number;
  matchedCpuSeconds: number;
  coldRatio: number;
  matchedRatio: number;
  warmRatio: number;
}

const rows: Row[] = [];
mkdirSync(work, { recursive: true });
for (const n of sizes) {
  const content = join(work, `corpus-${n}`);
  rmSync(content, { recursive: true, force: true });
  generateCorpus(content, n, 42);
  const ours = { CONTENT_DIR: content, OUT_DIR: "./bench/work/dist", BUILD_NOW: "2026-06-01T00:00:00+02:00" };
  const clearOurs = (): void => {
    clearBuildCaches(root, content);
    rmSync(join(root, "bench/work/dist"), { recursive: true, force: true });
  };
  const cold: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    clearOurs();
    cold.push(await buildSite(ours));
    console.error(`N=${n} à froid ${i + 1}/${runs} : ${cold.at(-1)?.seconds.toFixed(1) ?? "?"} s`);
  }
  const output = sizeOf(join(root, "bench/work/dist/client"));
  const warm: Measure[] = [];
  const edited = join(content, readdirSync(content).sort()[0] ?? "");
  for (let i = 0; i < runs; i++) {
    appendFileSync(edited, `\nUne phrase ajoutée pour la reconstruction ${i + 1}.\n`);
    warm.push(await buildSite(ours));
    console.error(`N=${n} à chaud ${i + 1}/${runs} : ${warm.at(-1)?.seconds.toFixed(1) ?? "?"} s`);
  }
  const baselineDir = join(root, "bench/baseline");
  const baseline: Measure[] = [];
  const matched: Measure[] = [];
  // Alternated, so the machine's drift within a series weighs on both alike.
  for (let i = 0; i < runs; i++) {
    for (const [label, measures, pages] of [
      ["référence", baseline, ""],
      ["référence à pages égales", matched, String(output.pages)],
    ] as const) {
      for (const dir of ["node_modules/.astro", ".astro", "dist"])
        rmSync(join(baselineDir, dir), { recursive: true, force: true });
      measures.push(await buildBaseline(baselineDir, { CONTENT_DIR: content, BASELINE_PAGES: pages }));
      console.error(`N=${n} ${label} ${i + 1}/${runs} : ${measures.at(-1)?.seconds.toFixed(1) ?? "?"} s`);
    }
  }
  const coldSeconds = median(cold.map((m) => m.seconds));
  const warmSeconds = median(warm.map((m) => m.seconds));
  const baselineColdSeconds = median(baseline.map((m) => m.seconds));
  const matchedColdSeconds = median(matched.map((m) => m.seconds));
  rows.push({
    n,
    pages: output.pages,
    coldSeconds,
    warmSeconds,
    peakMb: Math.max(...cold.map((m) => m.peakMb), ...warm.map((m) => m.peakMb)),
    outputMb: output.bytes / 1024 / 1024,
    msPerArticle: (coldSeconds * 1000) / n,
    baselineColdSeconds,
    baselinePeakMb: Math.max(...baseline.map((m) => m.peakMb)),
    coldCpuSeconds: median(cold.map((m) => m.cpuSeconds)),
    baselineCpuSeconds: median(baseline.map((m) => m.cpuSeconds)),
    matchedColdSeconds,
    matchedCpuSeconds: median(matched.map((m) => m.cpuSeconds)),
    coldRatio: coldSeconds / baselineColdSeconds,
    matchedRatio: matchedColdSeconds / baselineColdSeconds,
    warmRatio: warmSeconds / coldSeconds,
  });
  // The corpus and everything built from it (≈ 1 GB at 10,000: store, page copies, cards, dist) leave the disk.
  clearOurs();
  rmSync(content, { recursive: true, force: true });
}

const table = [
  "| N | pages | à froid (s) | CPU à froid (s) | à chaud (s) | RSS max (Mo) | sortie (Mo) | ms/article | référence (s) | CPU référence (s) | réf. à pages égales (s) | à froid / référence | réf. à pages égales / référence | à chaud / à froid |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (r) =>
      `| ${r.n} | ${r.pages} | ${r.coldSeconds.toFixed(1)} | ${r.coldCpuSeconds.toFixed(1)} | ${r.warmSeconds.toFixed(1)} | ${r.peakMb.toFixed(0)} | ${r.outputMb.toFixed(0)} | ${r.msPerArticle.toFixed(1)} | ${r.baselineColdSeconds.toFixed(1)} | ${r.baselineCpuSeconds.toFixed(1)} | ${r.matchedColdSeconds.toFixed(1)} | ${r.coldRatio.toFixed(2)} | ${r.matchedRatio.toFixed(2)} | ${r.warmRatio.toFixed(2)} |`,
  ),
].join("\n");
console.log(
  `\nMédianes de ${runs} constructions (machine : ${process.env["BENCH_MACHINE"] ?? "2 cœurs"})\n\n${table}\n`,
);
const byN = new Map(rows.map((r) => [r.n, r]));
const targets = [
  ["à froid à 4 000 ≤ 1,0 × la référence", byN.get(4000)?.coldRatio, (v: number) => v <= 1],
  ["à chaud ≤ 0,5 × à froid (pire taille)", Math.max(...rows.map((r) => r.warmRatio)), (v: number) => v <= 0.5],
  ["RSS max à 10 000 ≤ 2 048 Mo", byN.get(10000)?.peakMb, (v: number) => v <= 2048],
  [
    "ms/article à 10 000 ≤ 1,2 × à 1 000",
    byN.has(10000) && byN.has(1000)
      ? (byN.get(10000)?.msPerArticle ?? 0) / (byN.get(1000)?.msPerArticle ?? 1)
      : undefined,
    (v: number) => v <= 1.2,
  ],
] as const;
for (const [name, value, ok] of targets) {
  console.log(
    `${value === undefined ? "—  " : ok(value) ? "ok " : "NON"} ${name}${value === undefined ? " (taille non mesurée)" : ` : ${value.toFixed(2)}`}`,
  );
}
// However the work is spread, a build cannot take less than its CPU time over the cores it has.
const cores = availableParallelism();
for (const r of rows) {
  const floor = r.coldCpuSeconds / cores;
  console.log(
    `N=${r.n} : ${r.coldCpuSeconds.toFixed(1)} s de CPU à froid sur ${cores} cœurs, au mieux ${floor.toFixed(1)} s, soit ${(floor / r.baselineColdSeconds).toFixed(2)} × la référence`,
  );
  // What Astro alone costs for the pages the site writes, with nothing of ours.
  console.log(
    `N=${r.n} : la référence écrivant autant de pages que le site (${r.pages}) prend ${r.matchedColdSeconds.toFixed(1)} s, soit ${r.matchedRatio.toFixed(2)} × la référence`,
  );
}
const resultsFile = join(root, "bench/results.json");
const previous: unknown[] = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, "utf8")) as unknown[]) : [];
writeFileSync(
  resultsFile,
  JSON.stringify([...previous, { date: new Date().toISOString(), runs, rows }], null, 2) + "\n",
);
console.log(`\nRésultats ajoutés à ${resultsFile}`);
