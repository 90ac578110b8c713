/** Helpers to inspect a built site in dist: its pages, their links and their validity. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type Report } from "html-validate";
import { parse, type HTMLElement } from "node-html-parser";

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** URL path of a built HTML file: "articles/x/index.html" → "/articles/x/". */
export function pathOf(file: string): string {
  if (file === "404.html") return "/404.html";
  return `/${file.replace(/index\.html$/, "")}`;
}

/** The parsed page at a URL path or built file name. */
export function page(root: string, path: string): HTMLElement {
  const file = path.endsWith(".html") ? join(root, path) : join(root, path, "index.html");
  return parse(readFileSync(file, "utf8"));
}

/** The file that serves a URL path, if any. */
export function resolves(root: string, path: string): string | undefined {
  const clean = decodeURIComponent(path);
  const file = clean.endsWith("/") ? join(root, clean, "index.html") : join(root, clean);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Broken internal links and fragments of every HTML page under `root`, as "page → href" lines. */
export function brokenLinks(root: string): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (set === undefined) {
      set = new Set(
        parse(readFileSync(file, "utf8"))
          .querySelectorAll("[id]")
          .map((e) => e.id),
      );
      ids.set(file, set);
    }
    return set;
  };
  for (const file of listFiles(root).filter((f) => f.endsWith(".html"))) {
    const from = pathOf(file);
    const doc = parse(readFileSync(join(root, file), "utf8"));
    for (const el of doc.querySelectorAll("a[href], link[href]")) {
      const href = el.getAttribute("href") ?? "";
      if (/^(?:[a-z]+:|\/\/)/i.test(href)) continue;
      const url = new URL(href, `http://site${from}`);
      const target = resolves(root, url.pathname);
      if (target === undefined) {
        broken.push(`${from} → ${href}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment !== "" && target.endsWith(".html") && !idsOf(target).has(fragment)) {
        broken.push(`${from} → ${href} (ancre absente)`);
      }
    }
  }
  return broken;
}

// Reads .htmlvalidate.json, like the html-validate command line.
const validator = new HtmlValidate(new FileSystemConfigLoader());

/** html-validate errors of every HTML page under `root` (config: .htmlvalidate.json). */
export async function htmlErrors(root: string): Promise<string[]> {
  const errors: string[] = [];
  for (const file of listFiles(root).filter((f) => f.endsWith(".html"))) {
    const report: Report = await validator.validateFile(join(root, file));
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return errors;
}

const vnuJar = join(import.meta.dirname, "../../node_modules/vnu-jar/build/dist/vnu.jar");

/** Errors the W3C Nu HTML Checker (vnu-jar, run with Java) finds in these HTML files under `root`. */
export function vnuErrors(root: string, files: readonly string[]): string[] {
  const result = spawnSync(
    "java",
    ["-jar", vnuJar, "--errors-only", "--format", "json", ...files.map((f) => join(root, f))],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.error !== undefined) {
    throw new Error(
      `Java introuvable pour le validateur W3C (apt-get install -y default-jre-headless) : ${result.error.message}`,
    );
  }
  const report = JSON.parse(result.stderr) as {
    messages: { type: string; url?: string; lastLine?: number; message: string }[];
  };
  return report.messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => `${relative(root, (m.url ?? "").replace(/^file:/, ""))}:${m.lastLine ?? 0} ${m.message}`);
}

/** The modules a built server loads, from its entry: every relative import, static or dynamic, with its size. */
export function loadedModules(entry: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const visit = (file: string): void => {
    if (sizes.has(file) || !existsSync(file)) return;
    const code = readFileSync(file, "utf8");
    sizes.set(file, Buffer.byteLength(code));
    for (const match of code.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(dirname(file), match[1] ?? ""));
    }
  };
  visit(resolve(entry));
  return sizes;
}
