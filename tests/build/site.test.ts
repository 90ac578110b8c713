/**
 * The built site (npm run build → dist/client): every page valid, no broken link, the seed
 * article rendered as a reader should see it, French typography kept, zero JavaScript.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SyntaxValidator } from "fast-xml-validator";
import { CATEGORIES, SITE } from "../../src/config.ts";
import { brokenLinks, htmlErrors, listFiles, page, pathOf, vnuErrors } from "./dist.ts";
import { checkFeed } from "./feeds.ts";
import { pngSize } from "./png.ts";
import { PAGE_IDS } from "../../src/lib/rehype-heading-ids.ts";

const root = join(import.meta.dirname, "../../dist/client");
const seed = "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/";

beforeAll(() => {
  if (!existsSync(join(root, "index.html"))) throw new Error("Lancez d’abord npm run build : dist/client est vide.");
});

describe("every built page", () => {
  it("passes html-validate with no error", async () => {
    expect(await htmlErrors(root)).toEqual([]);
  });

  it("passes the W3C Nu HTML Checker with no error", () => {
    expect(
      vnuErrors(
        root,
        listFiles(root).filter((f) => f.endsWith(".html")),
      ),
    ).toEqual([]);
  });

  it("has no broken internal link or fragment", () => {
    expect(brokenLinks(root)).toEqual([]);
  });

  it("is French, has one h1 and a skip link, and loads no JavaScript but the menu's, the newsletter box's, the share box's, the search page's, the feeds page's and the 404 page's", () => {
    const scripts = listFiles(root).filter((f) => f.startsWith("_astro/") && f.endsWith(".js"));
    const menu = scripts.filter((f) => f.includes("Header"));
    const newsletter = scripts.filter((f) => f.includes("NewsletterBox"));
    const share = scripts.filter((f) => f.includes("ShareBox"));
    const search = scripts.filter((f) => f.includes("recherche"));
    const feeds = scripts.filter((f) => f.includes("flux-rss"));
    const lost = scripts.filter((f) => f.includes("404"));
    // The search index's loader, which the search and 404 pages' scripts import: no page names it.
    const loader = scripts.filter((f) => f.includes("pagefind"));
    expect(feeds).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(loader).toHaveLength(1);
    expect(menu).toHaveLength(1);
    expect(newsletter).toHaveLength(1);
    expect(share).toHaveLength(1);
    expect(search).toHaveLength(1);
    expect(scripts).toHaveLength(7);
    for (const file of listFiles(root).filter((f) => f.endsWith(".html"))) {
      const doc = page(root, file);
      expect(doc.querySelector("html")?.getAttribute("lang"), file).toBe("fr");
      expect(doc.querySelectorAll("h1").length, file).toBe(1);
      expect(doc.querySelector("a.skip-link")?.getAttribute("href"), file).toBe("#contenu");
      const code = doc.querySelectorAll("script").filter((s) => s.getAttribute("type") !== "application/ld+json");
      const expected = [
        ...(doc.querySelector(".sections details") !== null ? menu : []),
        ...(doc.querySelector("[data-share]") !== null ? share : []),
        ...(doc.querySelector("form[data-newsletter]") !== null ? newsletter : []),
        ...(file === "recherche/index.html" ? search : []),
        ...(file === "flux-rss/index.html" ? feeds : []),
        ...(file === "404.html" ? lost : []),
      ];
      expect(
        code.map((s) => s.getAttribute("src")),
        file,
      ).toEqual(expected.map((f) => `/${f}`));
      expect(doc.querySelector('header form[role="search"]')?.getAttribute("action"), file).toBe("/recherche/");
    }
    expect(page(root, seed).querySelector("form[data-newsletter]")).not.toBeNull();
    expect(page(root, seed).querySelector("[data-share]")).not.toBeNull();
  });

  it("indexes articles for search, and nothing else", () => {
    const entry = JSON.parse(readFileSync(join(root, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(["fr"]);
    expect(entry.languages["fr"]?.page_count).toBe(listFiles(root).filter((f) => f.startsWith("articles/")).length);
  });
});

describe("the seed article", () => {
  const doc = () => page(root, seed);

  it("shows title, standfirst, date, byline, reading time and category", () => {
    const d = doc();
    expect(d.querySelector("h1")?.text).toBe("Tencent et Ant Group dans la ligne de mire des États-Unis");
    expect(d.querySelector(".standfirst")?.text).toMatch(/^Après TikTok, c’est maintenant contre Tencent et Ant Group/);
    const time = d.querySelector(".byline time");
    expect(time?.text).toBe("12\u00a0octobre 2020");
    expect(time?.getAttribute("datetime")).toBe("2020-10-12T00:00:00+02:00");
    expect(d.querySelector(".byline")?.text.replace(/\s+/g, " ")).toContain("Par la rédaction");
    expect(d.querySelector(".byline")?.text).toMatch(/\d+\u00a0min de lecture/);
    const crumbs = d.querySelectorAll('nav[aria-label="Fil d’Ariane"] li').map((li) => li.text.trim());
    // The way up to the article; its title is the h1 right below.
    expect(crumbs).toEqual(["Accueil", "International"]);
  });

  // An article's headings get ids the page does not use (rehype-heading-ids.ts): its list is the page's.
  it("holds, around its text, only the ids its headings are kept from", () => {
    const d = doc();
    const inText = new Set(d.querySelectorAll(".prose [id]").map((element) => element.id));
    const around = d
      .querySelectorAll("[id]")
      .map((element) => element.id)
      .filter((id) => !inText.has(id));
    expect(around.length).toBeGreaterThan(5);
    expect(around.filter((id) => !PAGE_IDS.includes(id))).toEqual([]);
  });

  it("has the article text in paragraphs and none of the page furniture", () => {
    const body = doc().querySelector(".prose");
    const paragraphs = body?.querySelectorAll("p") ?? [];
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(paragraphs[0]?.text).toMatch(/^Deux sources proches de la Maison-Blanche/);
    expect(paragraphs.at(-1)?.text).toMatch(/changer d’ici peu\.$/);
    const text = body?.text ?? "";
    for (const furniture of ["Comment", "Newsletter", "Enter your Email", "Home/International", "2020-10-12"]) {
      expect(text).not.toContain(furniture);
    }
  });

  it("keeps French typography in the body", () => {
    const text = doc().querySelector(".prose")?.text ?? "";
    expect(text).toContain("«\u202fpromouvoir");
    expect(text).toContain("l’industrie\u202f»");
    expect(text).toContain("presse\u00a0: Donald Trump");
    expect(text).not.toMatch(/ [:;!?»]/);
    expect(text).not.toMatch(/["']/);
  });
});

const site = "https://www.digimedia.fr";
const seedItem = {
  slug: "tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis",
  title: "Tencent et Ant Group dans la ligne de mire des États-Unis",
  date: "2020-10-11T22:00:00.000Z",
  category: "International",
};

describe("the words around the articles", () => {
  const words = (path: string, selector: string): string =>
    // Collapses the markup's line breaks, not the no-break spaces (which \s would match).
    (page(root, path).querySelector(selector)?.text ?? "").replace(/[ \t\n\r]+/g, " ").trim();

  it("leads from every page's footer to the archives, the rubriques and the tags", () => {
    for (const path of listFiles(root)
      .filter((f) => f.endsWith(".html"))
      .map(pathOf)) {
      const footer = page(root, path).querySelector("footer nav[aria-labelledby='footer-archives']");
      const links = footer?.querySelectorAll("a").map((a) => [a.text.trim(), a.getAttribute("href")]) ?? [];
      expect(links, path).toEqual(
        expect.arrayContaining([
          ["Toutes les archives", "/archives/"],
          ["Toutes les rubriques", "/categorie/"],
          ["Toutes les étiquettes", "/tag/"],
        ]),
      );
    }
  });

  it("reads the newsletter box's consent line with its link as one sentence", () => {
    for (const path of ["/newsletter/", seed]) {
      expect(words(path, ".consent"), path).toMatch(/Voir notre politique de confidentialité\.$/);
    }
  });

  it("names every section of src/config.ts in the newsletter page's pitch", () => {
    // « …en français : international, économie, tech, startups, cybersécurité et réseaux sociaux. »
    const listed = /français\u00a0: ([^.]+)\./u.exec(words("/newsletter/", ".page-intro"))?.[1]?.split(/, | et /u);
    expect(listed).toEqual(CATEGORIES.map((c) => c.label.toLocaleLowerCase(SITE.locale)));
  });

  it("says so when a category has no article yet, instead of an empty list", () => {
    // The seed article is in International; the other categories are empty in this build.
    const doc = page(root, "/categorie/tech/");
    expect(doc.querySelector("main ul.cards")).toBeNull();
    expect(words("/categorie/tech/", "main")).toContain("Aucun article dans cette rubrique pour le moment.");
    expect(page(root, "/categorie/international/").querySelectorAll("main ul.cards > li")).toHaveLength(1);
  });

  it("keeps the spaces around a value or a link a sentence holds (« après 30 jours », « à redaction@… »)", () => {
    const text = words("/newsletter/lien-invalide/", "main");
    expect(text).toContain("effacée après 30\u00a0jours");
    expect(text).toContain("écrivez à redaction@digimedia.fr depuis");
  });

  it("keeps each archive count with its date: « 2020 (1) », never « 2020(1) » (« article », hidden, for screen readers)", () => {
    expect(words("/2020/", ".archive-nav li")).toBe("2020\u00a0(1\u00a0article)");
    expect(words("/2020/10/12/", ".archive-nav li")).toBe("12\u00a0octobre\u00a0(1\u00a0article)");
    expect(words("/tag/", ".tag-cloud li")).toMatch(/^\p{L}[^\n]*\p{L}\u00a0\(1\u00a0article\)/u);
  });

  it("presents the newsletter once on its own page: its form is « Votre inscription », without the pitch", () => {
    const main = words("/newsletter/", "main");
    expect(main.match(/gratuit/giu)).toHaveLength(1);
    expect(
      page(root, "/newsletter/")
        .querySelectorAll("main h2")
        .map((h) => h.text.trim()),
    ).toContain("Votre inscription");
    expect(words("/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/", "#newsletter")).toContain(
      "Rejoignez gratuitement",
    );
  });

  it("counts a rubrique's articles on one line, and says when it has none", () => {
    const counts = page(root, "/categorie/")
      .querySelectorAll(".categories .meta")
      .map((m) => m.text);
    expect(counts).toContain("1\u00a0article");
    expect(counts).toContain("Aucun article");
  });

  it("introduces a tag as a tag, and names months as French does", () => {
    expect(words("/tag/chine/", ".page-intro")).toBe("Les articles de Digimedia avec l’étiquette «\u202fChine\u202f».");
    const month = page(root, "/2020/10/");
    expect(month.querySelector("title")?.text).toBe("Archives\u00a0: octobre 2020 — Digimedia");
    // One pattern for the three archive levels: « Archives : <the period> », the period as the heading.
    const year = page(root, "/2020/");
    expect(year.querySelector("title")?.text).toBe("Archives\u00a0: 2020 — Digimedia");
    expect(year.querySelector("h1")?.text).toBe("Année 2020");
    expect(page(root, "/2020/10/12/").querySelector("title")?.text).toBe(
      "Archives\u00a0: 12\u00a0octobre 2020 — Digimedia",
    );
    expect(month.querySelectorAll("nav[aria-label]").map((n) => n.getAttribute("aria-label"))).toContain(
      "Jours d’octobre 2020",
    );
    expect(
      page(root, "/2020/10/12/")
        .querySelectorAll("nav[aria-label]")
        .map((n) => n.getAttribute("aria-label")),
    ).toContain("Jours d’octobre 2020");
  });
});

describe("feeds", () => {
  it("publishes the seed article in the site feed and in its category's feed only", () => {
    checkFeed(root, "/rss.xml", site, [seedItem]);
    checkFeed(root, "/categorie/international/rss.xml", site, [seedItem]);
    checkFeed(root, "/categorie/tech/rss.xml", site, []);
  });

  it("keeps French typography and absolute links in the full content", () => {
    const xml = readFileSync(join(root, "rss.xml"), "utf8");
    expect(xml).toContain("«\u202fpromouvoir");
  });

  it("is announced in the head of every page, with the category's feed on category and article pages", () => {
    for (const file of listFiles(root).filter((f) => f.endsWith(".html"))) {
      const feeds = page(root, file).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
      expect(feeds[0]?.getAttribute("href"), file).toBe("/rss.xml");
    }
    for (const path of ["/categorie/international/", seed]) {
      const hrefs = page(root, path)
        .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
        .map((l) => l.getAttribute("href"));
      expect(hrefs, path).toContain("/categorie/international/rss.xml");
      // A reader shows one name for a feed: the one the page announced, the one the feed gives itself.
      for (const link of page(root, path).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')) {
        const xml = readFileSync(join(root, link.getAttribute("href") ?? ""), "utf8");
        expect(/<channel><title>([^<]*)<\/title>/.exec(xml)?.[1], link.getAttribute("href")).toBe(
          link.getAttribute("title"),
        );
      }
    }
    // Links for readers lead to the feeds page, at the feed's entry, which links the feed itself.
    expect(page(root, "/categorie/international/").querySelector('a[href="/flux-rss/#flux-international"]')?.text).toBe(
      "S’abonner au flux RSS",
    );
    expect(page(root, "/").querySelector('footer a[href="/flux-rss/"]')?.text).toBe("Flux RSS");
    // The newsletter and the privacy policy are reached from every page, not only from a signup box.
    expect(page(root, "/").querySelector('footer a[href="/newsletter/"]')?.text).toBe("Newsletter");
    expect(page(root, "/").querySelector('footer a[href="/confidentialite/"]')?.text).toBe("Confidentialité");
    const feeds = page(root, "/flux-rss/");
    expect(feeds.querySelector("#flux-international a")?.getAttribute("href")).toBe("/categorie/international/rss.xml");
    expect(feeds.querySelector("#flux-tous-les-articles a")?.getAttribute("href")).toBe("/rss.xml");
    // A rubrique without an article says its feed is empty for now; those with one say nothing of the kind.
    const saysEmpty = (id: string): boolean => feeds.querySelector(`#${id}`)?.text.includes("Aucun article") ?? false;
    expect([saysEmpty("flux-tous-les-articles"), saysEmpty("flux-international"), saysEmpty("flux-tech")]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("lets a feed reader given /flux-rss/ discover every feed of the site, by the name each feed gives itself", () => {
    const feeds = listFiles(root).filter((f) => f === "rss.xml" || /^categorie\/[^/]+\/rss\.xml$/.test(f));
    expect(feeds.length).toBeGreaterThan(2);
    const links = page(root, "/flux-rss/").querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]');
    expect(links.map((l) => l.getAttribute("href")).sort()).toEqual(feeds.map((f) => `/${f}`).sort());
    for (const link of links) {
      const xml = readFileSync(join(root, link.getAttribute("href") ?? ""), "utf8");
      expect(/<channel><title>([^<]*)<\/title>/.exec(xml)?.[1], link.getAttribute("href")).toBe(
        link.getAttribute("title"),
      );
    }
  });
});

describe("sitemaps and robots", () => {
  it("lists every page but the 404 in the sitemap, with the article's lastmod, and its listings'", () => {
    const index = readFileSync(join(root, "sitemap-index.xml"), "utf8");
    expect(SyntaxValidator.validate(index)).toBe(true);
    expect(index).toContain(`${site}/sitemap-0.xml`);
    const xml = readFileSync(join(root, "sitemap-0.xml"), "utf8");
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const indexable = listFiles(root).filter(
      (f) => f.endsWith("index.html") && page(root, f).querySelector('meta[name="robots"][content="noindex"]') === null,
    );
    expect(xml.split("<url>").length - 1).toBe(indexable.length);
    for (const f of indexable) expect(xml, f).toContain(`<loc>${site}/${f.replace(/index\.html$/, "")}</loc>`);
    expect(xml).not.toContain("404");
    expect(xml).toContain(`<loc>${site}${seed}</loc><lastmod>2020-10-11T22:00:00.000Z</lastmod>`);
    // The pages that list it change with it; a page that lists no article has no date to give.
    for (const listing of ["/", "/categorie/international/", "/2020/", "/2020/10/", "/archives/"])
      expect(xml).toContain(`<loc>${site}${listing}</loc><lastmod>2020-10-11T22:00:00.000Z</lastmod>`);
    expect(xml).toContain(`<loc>${site}/a-propos/</loc></url>`);
    // A section without an article is no page for search engines; one with an article is.
    expect(page(root, "/categorie/tech/").querySelector('meta[name="robots"]')?.getAttribute("content")).toBe(
      "noindex",
    );
    expect(xml).not.toContain(`<loc>${site}/categorie/tech/</loc>`);
    expect(xml).toContain(`<loc>${site}/categorie/international/</loc>`);
    // The seed's day is a page for readers only; its month is for search engines too.
    expect(page(root, "/2020/10/12/").querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(xml).not.toContain(`<loc>${site}/2020/10/12/</loc>`);
    expect(xml).toContain(`<loc>${site}/2020/10/</loc>`);
  });

  it("names both sitemaps in robots.txt", () => {
    const robots = readFileSync(join(root, "robots.txt"), "utf8");
    expect(robots).toContain(`Sitemap: ${site}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${site}/news-sitemap.xml`);
  });

  it("writes a valid Google News sitemap, empty when nothing is recent", () => {
    const xml = readFileSync(join(root, "news-sitemap.xml"), "utf8");
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    // The site's articles (the seed, of 2020) are all older than the two days Google News takes.
    expect(xml.split("<url>").length - 1).toBe(0);
    expect(xml).not.toContain(seed);
  });
});

describe("head extras", () => {
  it("lets search engines show large images of indexable pages, and gives phones a home-screen icon", () => {
    expect(page(root, seed).querySelector('meta[name="robots"]')?.getAttribute("content")).toBe(
      "max-image-preview:large",
    );
    expect(page(root, "/404.html").querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    const icon = page(root, "/").querySelector('link[rel="apple-touch-icon"]')?.getAttribute("href") ?? "";
    expect(existsSync(join(root, icon))).toBe(true);
  });

  it("has a /favicon.ico, which feed readers, crawlers and old browsers ask for without reading the page", () => {
    const ico = readFileSync(join(root, "favicon.ico"));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const images = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      // The PNG's own header says the size the directory announces.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([ico[entry], ico[entry + 1]]);
      return ico[entry];
    });
    expect(images).toEqual([16, 32, 48]);
  });
});

describe("sharing metadata", () => {
  const meta = (path: string, key: string): string[] =>
    page(root, path)
      .querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)
      .map((m) => m.getAttribute("content") ?? "");
  const jsonLd = (path: string): Record<string, unknown>[] =>
    page(root, path)
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => JSON.parse(s.text) as Record<string, unknown>);

  it("gives every page its own canonical URL (none when noindex), a French title, a description and a 1200×630 PNG og:image", () => {
    for (const file of listFiles(root).filter((f) => f.endsWith(".html"))) {
      const doc = page(root, file);
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href");
      if (meta(file, "robots").includes("noindex")) {
        // A 404 has no address of its own, and a page kept out of search engines names none.
        expect(canonical, file).toBeUndefined();
        expect(meta(file, "og:url"), file).toEqual([]);
      } else {
        expect(canonical, file).toBe(`${site}${pathOf(file)}`);
        expect(meta(file, "og:url"), file).toEqual([canonical]);
      }
      expect(doc.querySelector("title")?.text, file).toMatch(/ — Digimedia$|^Digimedia — /);
      expect(meta(file, "description")[0], file).toBeTruthy();
      expect(meta(file, "og:locale"), file).toEqual(["fr_FR"]);
      expect(meta(file, "og:site_name"), file).toEqual(["Digimedia"]);
      expect(meta(file, "twitter:card"), file).toEqual(["summary_large_image"]);
      const image = meta(file, "og:image")[0] ?? "";
      expect(image, file).toMatch(/^https:\/\/www\.digimedia\.fr\/.+\.png$/);
      expect(pngSize(join(root, new URL(image).pathname)), file).toEqual({ width: 1200, height: 630 });
      // Read aloud in place of the image where a network shows it, as og:image:alt is.
      expect(meta(file, "twitter:image:alt"), file).toEqual(meta(file, "og:image:alt"));
      expect(meta(file, "twitter:image:alt")[0], file).toBeTruthy();
      // The site's card shows its name and tagline on every page that shares it, not that page's title.
      if (image.endsWith("/og/digimedia.png"))
        expect(meta(file, "og:image:alt"), file).toEqual(["Digimedia — L’actualité tech, chaque jour, en français"]);
    }
  });

  it("describes the seed article as an article, in Open Graph and in JSON-LD that agree with the page", () => {
    const doc = page(root, seed);
    expect(meta(seed, "og:type")).toEqual(["article"]);
    expect(meta(seed, "article:published_time")).toEqual(["2020-10-12T00:00:00+02:00"]);
    expect(meta(seed, "article:modified_time")).toEqual(["2020-10-12T00:00:00+02:00"]);
    expect(meta(seed, "article:section")).toEqual(["International"]);
    expect(meta(seed, "article:tag")).toContain("Tencent");
    expect(meta(seed, "og:image")).toEqual([
      expect.stringMatching(
        /^https:\/\/www\.digimedia\.fr\/og\/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis-[0-9a-f]{8}\.png$/,
      ),
    ]);
    const [news, crumbs] = jsonLd(seed);
    expect(news?.["@type"]).toBe("NewsArticle");
    expect(news?.["headline"]).toBe(doc.querySelector("h1")?.text);
    expect(news?.["description"]).toBe(doc.querySelector(".standfirst")?.text);
    expect(news?.["datePublished"]).toBe(doc.querySelector(".byline time")?.getAttribute("datetime"));
    expect(news?.["dateModified"]).toBe("2020-10-12T00:00:00+02:00");
    expect(news?.["articleSection"]).toBe("International");
    expect(news?.["inLanguage"]).toBe("fr-FR");
    expect(news?.["mainEntityOfPage"]).toEqual({ "@type": "WebPage", "@id": `${site}${seed}` });
    expect(news?.["image"]).toEqual(meta(seed, "og:image"));
    const logo = (news?.["publisher"] as { logo: { url: string; width: number; height: number } }).logo;
    expect(logo.url).toBe(`${site}/logo.png`);
    // The size announced (LOGO in urls.ts, also in the feeds) is the one src/pages/logo.png.ts draws.
    expect(pngSize(join(root, "logo.png"))).toEqual({ width: logo.width, height: logo.height });
    expect(crumbs?.["@type"]).toBe("BreadcrumbList");
    // The visible breadcrumb, then the page itself, named by its h1.
    const visible = doc.querySelectorAll('nav[aria-label="Fil d’Ariane"] li').map((li) => li.text.trim());
    const items = crumbs?.["itemListElement"] as { name: string; position: number; item: string }[];
    expect(items.map((i) => i.name)).toEqual([...visible, doc.querySelector("h1")?.text.trim()]);
    expect(items.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(items.map((i) => i.item)).toEqual([`${site}/`, `${site}/categorie/international/`, `${site}${seed}`]);
  });

  it("describes the home page as a WebSite", () => {
    expect(meta("/", "og:type")).toEqual(["website"]);
    expect(jsonLd("/").map((j) => j["@type"])).toEqual(["WebSite"]);
  });
});
