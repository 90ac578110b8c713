/**
 * Byte budgets: per page type, the gzip size of the HTML plus every CSS and JS file it loads.
 * An article must fit in the first TCP round trip (14 KB); reading pages carry no JavaScript
 * but the newsletter and share enhancements.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { recordBudgets, type Budget } from "./budget-log.ts";
import { page } from "./dist.ts";

const root = join(import.meta.dirname, "../../dist/client");
const KB = 1024;

const pageTypes: Record<string, { path: string; limit: number }> = {
  article: { path: "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/", limit: 14 * KB },
  home: { path: "/", limit: 14 * KB },
  category: { path: "/categorie/international/", limit: 14 * KB },
  year: { path: "/2020/", limit: 14 * KB },
  month: { path: "/2020/10/", limit: 14 * KB },
  day: { path: "/2020/10/12/", limit: 14 * KB },
  tag: { path: "/tag/tencent/", limit: 14 * KB },
  newsletter: { path: "/newsletter/", limit: 14 * KB },
  search: { path: "/recherche/", limit: 14 * KB },
  "404": { path: "/404.html", limit: 14 * KB },
};

const gz = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;
const fileOf = (path: string): string => join(root, path.endsWith(".html") ? path : `${path}index.html`);

/**
 * The scripts and the modules they import before they run, each once (a module two scripts share, like the search
 * index's loader of the search and 404 pages, is a file of its own: Vite's chunk).
 */
function withImports(scripts: readonly string[]): Set<string> {
  const loaded = new Set<string>();
  const load = (src: string): void => {
    if (loaded.has(src)) return;
    loaded.add(src);
    const code = readFileSync(join(root, src), "utf8");
    for (const [, relative] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      load(new URL(relative ?? "", `https://x${src}`).pathname);
    }
  };
  for (const src of scripts) load(src);
  return loaded;
}

/** HTML, stylesheets and scripts a page loads, with their gzip sizes. */
function weigh(path: string): { html: number; css: number; js: number; scripts: string[] } {
  const doc = page(root, path);
  const css = doc
    .querySelectorAll('link[rel="stylesheet"]')
    .reduce((n, l) => n + gz(readFileSync(join(root, l.getAttribute("href") ?? ""))), 0);
  const scripts = doc
    .querySelectorAll("script[src]")
    .map((s) => s.getAttribute("src") ?? "")
    .filter((s) => s !== "");
  const js = [...withImports(scripts)].reduce((n, s) => n + gz(readFileSync(join(root, s))), 0);
  return { html: gz(readFileSync(fileOf(path))), css, js, scripts };
}

const readingPages = ["article", "home", "category", "year", "month", "day", "tag"];

describe("byte budgets", () => {
  const measured = Object.entries(pageTypes).map(([type, { path, limit }]) => ({ type, limit, ...weigh(path) }));

  it("keeps every page type within its gzip budget", () => {
    const rows = measured.map((m) => ({ ...m, total: m.html + m.css + m.js }));
    const budgets: Budget[] = rows.map((r) => ({
      name: `octets gzip : ${r.type}`,
      limit: `≤ ${(r.limit / KB).toFixed(0)} Ko`,
      value: `${(r.total / KB).toFixed(1)} Ko`,
      ok: r.total <= r.limit,
    }));
    const article = rows.find((r) => r.type === "article");
    budgets.push({
      name: "JS d’une page d’article : menu, newsletter et partage (gzip)",
      limit: "≤ 2 Ko",
      value: `${((article?.js ?? 0) / KB).toFixed(1)} Ko`,
      ok: (article?.js ?? 0) <= 2 * KB,
    });
    recordBudgets("bytes", budgets);
    const over = rows.filter((r) => r.total > r.limit);
    if (over.length > 0) {
      console.error(
        [
          "Budgets dépassés (octets gzip) :",
          "page        HTML    CSS     JS      total   limite",
          ...over.map((r) =>
            [r.type.padEnd(11), r.html, r.css, r.js, r.total, r.limit].map((v) => String(v).padEnd(8)).join(""),
          ),
        ].join("\n"),
      );
    }
    expect(over.map((r) => r.type)).toEqual([]);
  });

  it("loads no JavaScript on reading pages but the menu's, newsletter's and share's enhancements", () => {
    for (const m of measured.filter((x) => readingPages.includes(x.type))) {
      expect(
        m.scripts.every((s) => /Header|NewsletterBox|ShareBox/.test(s)),
        `${m.type} : ${m.scripts.join(", ")}`,
      ).toBe(true);
    }
    const article = measured.find((m) => m.type === "article");
    expect(article?.scripts).toHaveLength(3);
    expect(article?.js).toBeLessThanOrEqual(2 * KB);
    // The home page: the sections menu's closing (Escape, a tap outside), a few hundred bytes.
    const home = measured.find((m) => m.type === "home");
    expect(home?.scripts.map((s) => s.replace(/^.*\/|\..*$/g, ""))).toEqual(["Header"]);
    expect(home?.js).toBeLessThanOrEqual(KB / 2);
    // The 404 page: the menu's, and its suggestions' (the search index's loader, which loads the index only when
    // the address has words).
    const lost = measured.find((m) => m.type === "404");
    expect(lost?.scripts.map((s) => s.replace(/^.*\/|\..*$/g, ""))).toEqual(["Header", "404"]);
    expect(lost?.js).toBeLessThanOrEqual(4 * KB);
  });

  it("inlines no rule for the « Aperçu » marks, which only npm run dev shows (src/styles/preview.css)", () => {
    for (const [type, { path }] of Object.entries(pageTypes)) {
      const css = page(root, path)
        .querySelectorAll("style")
        .map((style) => style.text)
        .join("\n");
      expect(css, type).toContain("--space-3");
      expect(css, type).not.toMatch(/\.preview(?![\w-])/);
    }
  });
});
