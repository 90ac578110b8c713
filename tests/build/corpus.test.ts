/**
 * The site built from the deterministic 200-article corpus, with the build machine in another
 * time zone. Expectations come from the corpus's front matter as written (Paris wall-clock
 * dates, so the archive day is the date as typed), not from the code under test.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, type CorpusEntry } from "../../scripts/corpus.ts";
import { buildWith, projectRoot } from "./astro.ts";
import { brokenLinks, htmlErrors, listFiles, page, vnuErrors } from "./dist.ts";
import { checkFeed, type ExpectedItem } from "./feeds.ts";
import { pngSize } from "./png.ts";

const PAGE_SIZE = 12;
const BUILD_NOW = "2026-06-01T00:00:00+02:00";
const outDir = "dist-corpus";
const root = join(projectRoot, outDir, "client");
let contentDir = "";
let entries: CorpusEntry[] = [];
let published: CorpusEntry[] = [];
let buildLog = "";

beforeAll(() => {
  contentDir = mkdtempSync(join(tmpdir(), "digimedia-corpus-"));
  entries = generateCorpus(contentDir, 200, 42);
  published = entries.filter((e) => !e.draft && e.date < BUILD_NOW.slice(0, 16));
  const { status, output } = buildWith(contentDir, `./${outDir}`, { BUILD_NOW, TZ: "America/Los_Angeles" });
  if (status !== 0) throw new Error(`La construction du corpus a échoué :\n${output.slice(-3000)}`);
  buildLog = output;
});

afterAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(join(projectRoot, outDir), { recursive: true, force: true });
});

const files = (): string[] => listFiles(root);
const cardLinks = (path: string): string[] =>
  page(root, path)
    .querySelectorAll(".cards a[href^='/articles/']")
    .map((a) => a.getAttribute("href") ?? "");
/** The instant of a Paris wall-clock time, by the EU summer-time rule (last Sundays of March and October, 01:00 UTC). */
function parisInstant(wallClock: string): string {
  const [y, mo, d, h, mi] = wallClock.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  const lastSunday = (month: number): number => {
    const last = new Date(Date.UTC(y, month, 0));
    return Date.UTC(y, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const summer = asUtc - 2 * 3600_000 >= lastSunday(3) && asUtc - 2 * 3600_000 < lastSunday(10);
  return new Date(asUtc - (summer ? 2 : 1) * 3600_000).toISOString();
}
const labels: Record<string, string> = {
  international: "International",
  economie: "Économie",
  tech: "Tech",
  startups: "Startups",
  cybersecurite: "Cybersécurité",
  "reseaux-sociaux": "Réseaux sociaux",
};
/** The feed item a reader should get for a corpus entry (titles as French typography writes them). */
const expectedItem = (e: CorpusEntry): ExpectedItem => ({
  slug: e.slug,
  title: e.title.replace(' : "une première" ?', "\u00a0: «\u202fune première\u202f»\u202f?"),
  date: parisInstant(e.date),
  category: labels[e.category] ?? e.category,
});
const newestFirst = (list: CorpusEntry[]): CorpusEntry[] =>
  [...list].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));

const unique = <T>(xs: T[]): T[] => [...new Set(xs)].sort();

describe("the 200-article corpus", () => {
  it("has drafts and scheduled articles, so the rules are exercised", () => {
    expect(entries.filter((e) => e.draft).length).toBeGreaterThan(0);
    expect(entries.filter((e) => !e.draft && e.date >= "2027").length).toBeGreaterThan(0);
  });

  it("writes one page per published article, and none for drafts or future articles", () => {
    const built = unique(files().flatMap((f) => /^articles\/([^/]+)\/index\.html$/.exec(f)?.[1] ?? []));
    expect(built).toEqual(unique(published.map((e) => e.slug)));
  });

  it("tells the editor, in the build's log, which articles it holds back and when each will appear", () => {
    const scheduled = entries.filter((e) => !e.draft && e.date >= BUILD_NOW.slice(0, 16));
    expect(scheduled.length).toBeGreaterThan(1);
    expect(buildLog).toContain(
      `${String(scheduled.length)} articles programmés (paraissent au premier build après leur date)`,
    );
    for (const e of scheduled) {
      const [y, m, d, h, mi] = e.date.split(/[-T:]/).map(Number) as [number, number, number, number, number];
      const month = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString("fr-FR", { month: "long", timeZone: "UTC" });
      const time = `${String(h)}\u00a0h${mi === 0 ? "" : `\u00a0${String(mi).padStart(2, "0")}`}`;
      expect(buildLog).toMatch(
        new RegExp(
          `- \\S*${e.file.replace(/\./g, "\\.")} : ${d === 1 ? "1er" : String(d)}\u00a0${month} ${String(y)} à ${time}`,
        ),
      );
    }
    for (const e of entries.filter((x) => x.draft)) expect(buildLog).not.toContain(e.file);
  });

  it("mentions drafts and scheduled articles nowhere", () => {
    const hidden = entries.filter((e) => !published.includes(e)).map((e) => e.slug);
    for (const file of files().filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(root, file), "utf8");
      for (const slug of hidden) expect(html.includes(slug), `${file} cite ${slug}`).toBe(false);
    }
  });

  it("paginates the home page newest first, with the lead on page 1", () => {
    // The lead plus a full grid on page 1, then PAGE_SIZE a page.
    const pages = 1 + Math.ceil(Math.max(0, published.length - (PAGE_SIZE + 1)) / PAGE_SIZE);
    expect(page(root, "/").querySelectorAll(".cards > li").length).toBe(Math.min(PAGE_SIZE, published.length - 1));
    const homePages = files().filter((f) => /^page\/\d+\/index\.html$/.test(f));
    expect(homePages.length).toBe(pages - 1);
    const newest = [...published].sort((a, b) => b.date.localeCompare(a.date))[0];
    expect(page(root, "/").querySelector(".lead h2 a")?.getAttribute("href")).toBe(`/articles/${newest?.slug}/`);
    // "Dernières actualités" heads page 1 only: page 2 onwards holds older news.
    expect(page(root, "/").querySelector("#latest-title")?.text.trim()).toBe("Dernières actualités");
    expect(page(root, `/page/${pages}/`).querySelector("#latest-title")?.text.trim()).toBe("Actualités plus anciennes");
    const seen = [
      ...cardLinks("/"),
      page(root, "/").querySelector(".lead a[href^='/articles/']")?.getAttribute("href") ?? "",
    ];
    for (let p = 2; p <= pages; p++) seen.push(...cardLinks(`/page/${p}/`));
    // Every article once: none skipped, none repeated from one page to the next.
    expect(seen.length).toBe(published.length);
    expect(unique(seen)).toEqual(unique(published.map((e) => `/articles/${e.slug}/`)));
  });

  it("paginates every category, each page linking to its neighbours", () => {
    const categories = unique(published.map((e) => e.category));
    for (const category of categories) {
      const mine = published.filter((e) => e.category === category);
      const pages = Math.ceil(mine.length / PAGE_SIZE);
      const links: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const path = p === 1 ? `/categorie/${category}/` : `/categorie/${category}/${p}/`;
        const doc = page(root, path);
        const cards = cardLinks(path);
        expect(cards.length, path).toBe(p < pages ? PAGE_SIZE : mine.length - PAGE_SIZE * (pages - 1));
        links.push(...cards);
        const next = doc.querySelector('nav[aria-label="Pagination"] a[rel="next"]')?.getAttribute("href");
        const prev = doc.querySelector('nav[aria-label="Pagination"] a[rel="prev"]')?.getAttribute("href");
        expect(next, path).toBe(p < pages ? `/categorie/${category}/${p + 1}/` : undefined);
        expect(prev, path).toBe(
          p === 1 ? undefined : p === 2 ? `/categorie/${category}/` : `/categorie/${category}/${p - 1}/`,
        );
        // After page 1 the breadcrumb leads back to the section's first page; the h1 names the page.
        const trail = doc.querySelectorAll('nav[aria-label="Fil d’Ariane"] li');
        expect(trail.at(-1)?.text.trim(), path).toBe(p === 1 ? "Rubriques" : labels[category]);
        if (p > 1) expect(trail.at(-1)?.querySelector("a")?.getAttribute("href"), path).toBe(`/categorie/${category}/`);
        expect(doc.querySelector("h1")?.text.trim(), path).toBe(
          p === 1 ? labels[category] : `${String(labels[category])}, page ${p}`,
        );
      }
      expect(unique(links)).toEqual(unique(mine.map((e) => `/articles/${e.slug}/`)));
      expect(files()).not.toContain(`categorie/${category}/${pages + 1}/index.html`);
    }
  });

  it("never offers as related reading the previous or next article the page already links to", () => {
    for (const entry of published) {
      const path = `/articles/${entry.slug}/`;
      const doc = page(root, path);
      const neighbours = doc.querySelectorAll("nav.neighbours a").map((a) => a.getAttribute("href"));
      const related = doc.querySelectorAll(".related a[href^='/articles/']").map((a) => a.getAttribute("href"));
      expect(related.length, path).toBeGreaterThan(0);
      expect(
        related.filter((href) => neighbours.includes(href)),
        path,
      ).toEqual([]);
    }
  });

  it("links each article to the one before and after it in its own section, and says so", () => {
    const bySlug = new Map(published.map((e) => [e.slug, e]));
    let links = 0;
    for (const entry of published) {
      const doc = page(root, `/articles/${entry.slug}/`);
      for (const a of doc.querySelectorAll("nav.neighbours a")) {
        const other = bySlug.get((a.getAttribute("href") ?? "").replace(/^\/articles\/|\/$/g, ""));
        expect(other?.category, entry.slug).toBe(entry.category);
        expect(a.querySelector(".meta")?.text.trim()).toMatch(/^(?:← Précédent|Suivant) dans la rubrique(?: →)?$/);
        links++;
      }
    }
    expect(links).toBeGreaterThan(published.length);
  });

  it("describes each page the site writes (listings, archives, its own pages) in its own words", () => {
    const byDescription = new Map<string, string[]>();
    // An article's description is its standfirst, the editors' words (the corpus repeats some).
    for (const file of files().filter((f) => f.endsWith(".html") && !f.startsWith("articles/"))) {
      const doc = page(root, file);
      if (doc.querySelector('meta[name="robots"]')?.getAttribute("content")?.includes("noindex") === true) continue;
      const description = doc.querySelector('meta[name="description"]')?.getAttribute("content") ?? "";
      byDescription.set(description, [...(byDescription.get(description) ?? []), file]);
    }
    expect([...byDescription.values()].filter((pages) => pages.length > 1)).toEqual([]);
  });

  it("has archive pages for exactly the years, months and days with articles (Paris time)", () => {
    const archived = files().filter((f) => /^\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?index\.html$/.test(f));
    const expected = unique(
      published.flatMap((e) => [
        `${e.date.slice(0, 4)}/index.html`,
        `${e.date.slice(0, 4)}/${e.date.slice(5, 7)}/index.html`,
        `${e.date.slice(0, 4)}/${e.date.slice(5, 7)}/${e.date.slice(8, 10)}/index.html`,
      ]),
    );
    expect(unique(archived)).toEqual(expected);
  });

  it("names every link of the archives page uniquely, out of context (« décembre 2020 », not ten « décembre »)", () => {
    const names = page(root, "/archives/")
      .querySelectorAll("main a")
      .map((a) => a.text.replace(/\s+/g, " ").trim());
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("lists on each day page exactly that day's articles", () => {
    const days = unique(published.map((e) => e.date.slice(0, 10)));
    for (const day of days) {
      const path = `/${day.replace(/-/g, "/")}/`;
      const expected = published.filter((e) => e.date.startsWith(day)).map((e) => `/articles/${e.slug}/`);
      expect(unique(cardLinks(path)), path).toEqual(unique(expected));
    }
  });

  it("shows each month's three newest articles on its year page, and links to the month for the rest", () => {
    let monthsCut = 0;
    for (const year of unique(published.map((e) => e.date.slice(0, 4)))) {
      const doc = page(root, `/${year}/`);
      for (const month of unique(published.filter((e) => e.date.startsWith(year)).map((e) => e.date.slice(5, 7)))) {
        const ofMonth = newestFirst(published.filter((e) => e.date.startsWith(`${year}-${month}`)));
        const section = doc.querySelector(`#mois-${month}`)?.parentNode;
        const shown = section?.querySelectorAll(".cards a[href^='/articles/']").map((a) => a.getAttribute("href"));
        const where = `/${year}/ ${month}`;
        expect(unique(shown ?? []), where).toEqual(unique(ofMonth.slice(0, 3).map((e) => `/articles/${e.slug}/`)));
        const more = section?.querySelector(".more a");
        if (ofMonth.length > 3) {
          monthsCut++;
          expect(more?.getAttribute("href"), where).toBe(`/${year}/${month}/`);
          expect(more?.text.replace(/\s+/g, " ").trim(), where).toMatch(
            new RegExp(`^Les ${ofMonth.length} articles d(e |’)`),
          );
        } else expect(more, where).toBeNull();
      }
    }
    // The corpus has months of more than three articles, so the cut is exercised.
    expect(monthsCut).toBeGreaterThan(0);
  });

  it("titles month archives in French and links up to the year", () => {
    const first = published.find((e) => e.date.slice(5, 7) === "10");
    if (first === undefined) throw new Error("le corpus n’a aucun article en octobre");
    const year = first.date.slice(0, 4);
    const doc = page(root, `/${year}/10/`);
    expect(doc.querySelector("h1")?.text).toBe(`Octobre ${year}`);
    expect(doc.querySelector(`a[href="/${year}/"]`)).not.toBeNull();
  });

  it("puts the 50 newest articles in the site feed and each category's 50 newest in its feed", () => {
    const site = "https://www.digimedia.fr";
    checkFeed(root, "/rss.xml", site, newestFirst(published).slice(0, 50).map(expectedItem));
    for (const category of Object.keys(labels)) {
      const mine = newestFirst(published.filter((e) => e.category === category));
      checkFeed(root, `/categorie/${category}/rss.xml`, site, mine.slice(0, 50).map(expectedItem));
    }
  });

  it("gives every article a 1200×630 social image", () => {
    for (const e of published) {
      const image = page(root, `/articles/${e.slug}/`)
        .querySelector('meta[property="og:image"]')
        ?.getAttribute("content");
      // Named by the slug, then by what it shows.
      const card = new RegExp(`^https://www\\.digimedia\\.fr/og/${e.slug}-[0-9a-f]{8}\\.png$`);
      expect(image).toMatch(card);
      expect(pngSize(join(root, new URL(image ?? "").pathname))).toEqual({ width: 1200, height: 630 });
    }
  });

  it("passes the W3C Nu HTML Checker on a sample holding every page type", () => {
    const html = files().filter((f) => f.endsWith(".html"));
    const firstOf = (re: RegExp): string[] => html.filter((f) => re.test(f)).slice(0, 1);
    const sample = new Set([
      ...["index.html", "404.html", "archives/index.html", "categorie/index.html", "tag/index.html"],
      ...["recherche/index.html", "newsletter/index.html", "confidentialite/index.html", "a-propos/index.html"],
      ...firstOf(/^page\/\d+\/index\.html$/),
      ...firstOf(/^categorie\/[^/]+\/index\.html$/),
      ...firstOf(/^categorie\/[^/]+\/\d+\/index\.html$/),
      ...firstOf(/^tag\/[^/]+\/index\.html$/),
      ...firstOf(/^\d{4}\/index\.html$/),
      ...firstOf(/^\d{4}\/\d{2}\/index\.html$/),
      ...firstOf(/^\d{4}\/\d{2}\/\d{2}\/index\.html$/),
      // Every tenth article, the same ones every run.
      ...html.filter((f) => f.startsWith("articles/")).filter((_, i) => i % 10 === 0),
    ]);
    expect(sample.size).toBeGreaterThan(30);
    expect(vnuErrors(root, [...sample])).toEqual([]);
  });

  it("has valid HTML and no broken internal link", async () => {
    expect(await htmlErrors(root)).toEqual([]);
    expect(brokenLinks(root)).toEqual([]);
  });
});
