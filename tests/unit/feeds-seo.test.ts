import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { getRssString } from "@astrojs/rss";
import { parseRssFeed } from "feedsmith";
import { HTMLElement, parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { feedOptions, type FeedArticle } from "../../src/lib/feed.ts";
import { markdownProcessor } from "../../src/lib/markdown.ts";
import { articleImage, breadcrumbJsonLd, newsArticleJsonLd, sharedImage } from "../../src/lib/seo.ts";
import { lastmodOf, sitemapLastmods, newsSitemap, sitemapFilter } from "../../src/lib/sitemaps.ts";
import {
  cachedSocialImage,
  drawSocialImage,
  socialImageFile,
  socialImageKey,
  undrawableCharacters,
} from "../../src/lib/social-image.ts";
import { absoluteUrl, articleUrl, categoryUrl, socialImageUrl } from "../../src/lib/urls.ts";
import { absolutizeUrls, escapeXml, jsonForScript } from "../../src/lib/xml.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const article = (i: number, extra: Partial<FeedArticle> = {}): FeedArticle => ({
  id: `article-${i}`,
  title: `Titre ${i}`,
  description: "Chapô",
  date: new Date(Date.UTC(2020, 6, 1, 10) - i * 86_400_000),
  updated: undefined,
  author: "La rédaction",
  categoryLabel: "Tech",
  tags: ["IA"],
  photo: undefined,
  card: `/og/article-${i}-0a1b2c3d.png`,
  html: '<p>Voir <a href="/articles/autre/">l’autre</a>, <a href="../voisin/">le voisin</a> et <img src="/images/a.png" alt=""></p>',
  ...extra,
});

describe("feedOptions", () => {
  const spec = { title: "Digimedia", description: "d", feedPath: "/rss.xml", pagePath: "/" };

  it("keeps the 50 newest, in order, with Paris RFC 822 dates and absolute links", () => {
    const options = feedOptions(
      { ...spec, articles: Array.from({ length: 60 }, (_, i) => article(i)) },
      "https://x.fr",
    );
    const items = options.items as { link: string; customData: string; content: string }[];
    expect(items).toHaveLength(50);
    expect(items[0]?.link).toBe("https://x.fr/articles/article-0/");
    expect(items[0]?.customData).toContain("<pubDate>Wed, 01 Jul 2020 12:00:00 +0200</pubDate>");
    expect(items[0]?.content).toContain('href="https://x.fr/articles/autre/"');
    expect(items[0]?.content).toContain('src="https://x.fr/images/a.png"');
    expect(items[0]?.content).toContain('href="https://x.fr/articles/voisin/"');
    expect(options.customData).toContain(
      '<atom:link href="https://x.fr/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(options.customData).toContain("<lastBuildDate>Wed, 01 Jul 2020 12:00:00 +0200</lastBuildDate>");
  });

  it("escapes what it writes by hand", () => {
    const options = feedOptions({ ...spec, articles: [article(0, { author: "Dupont & <Fils>" })] });
    const items = options.items as { customData: string }[];
    expect(items[0]?.customData).toContain("<dc:creator>Dupont &amp; &lt;Fils&gt;</dc:creator>");
  });

  it("dates the channel by the latest change, an update included", () => {
    const options = feedOptions({ ...spec, articles: [article(3, { updated: new Date("2021-01-05T10:00:00Z") })] });
    expect(options.customData).toContain("<lastBuildDate>Tue, 05 Jan 2021 11:00:00 +0100</lastBuildDate>");
  });

  /** The feed a reader downloads, as a feed library reads it. */
  const download = async (articles: FeedArticle[]) => {
    const xml = await getRssString(feedOptions({ ...spec, articles }, "https://x.fr"));
    return { xml, items: parseRssFeed(xml).items ?? [] };
  };
  /** The elements of an item's full text, in order. */
  const fullText = (item: { content?: { encoded?: string } } | undefined) =>
    parse(item?.content?.encoded ?? "").childNodes.filter((n) => n instanceof HTMLElement);

  it("gives each item the image its page shares: the drawn card, or the editor’s photo, which also tops the full text", async () => {
    const photo = {
      path: "/images/photo.jpg",
      alt: "Une «\u202fphoto\u202f» & plus",
      size: { width: 1600, height: 900 },
    };
    const { xml, items } = await download([article(0), article(1, { photo })]);
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(items[0]?.media?.contents).toEqual([
      { url: "https://x.fr/og/article-0-0a1b2c3d.png", medium: "image", type: "image/png", width: 1200, height: 630 },
    ]);
    expect(items[1]?.media?.contents).toEqual([
      { url: "https://x.fr/images/photo.jpg", medium: "image", type: "image/jpeg", width: 1600, height: 900 },
    ]);
    // As the page shows it: the standfirst, then the photo, then the body.
    const [standfirst, image, body] = fullText(items[1]);
    expect(standfirst?.rawTagName).toBe("p");
    expect(image?.rawTagName).toBe("img");
    expect(image?.attributes).toEqual({
      src: "https://x.fr/images/photo.jpg",
      alt: photo.alt,
      width: "1600",
      height: "900",
    });
    expect(body?.toString()).toContain("Voir");
    // Without a photo, the body follows the standfirst: the drawn card, which repeats the title, is not shown.
    expect(fullText(items[0]).map((e) => e.rawTagName)).toEqual(["p", "p"]);
    expect(items[0]?.content?.encoded).not.toContain("/og/");
  });

  it("starts the full text with the standfirst, as the page shows it, escaped", async () => {
    const description = "R&D <b>«\u202fici\u202f»</b>\u202f?";
    const { items } = await download([article(0, { description })]);
    const [standfirst, body] = fullText(items[0]);
    expect(standfirst?.rawTagName).toBe("p");
    expect(standfirst?.text).toBe(description);
    expect(body?.text).toContain("Voir l’autre");
    // RSS's description is HTML, as readers show it: the standfirst's « <b> » is text.
    expect(parse(items[0]?.description ?? "").text).toBe(description);
  });

  it("gives code blocks without the page's inline colours, which a reader would show half", async () => {
    const html =
      '<pre class="astro-code github-dark" style="background-color:#24292e;color:#e1e4e8" tabindex="0" data-language="js"><code><span class="line"><span style="color:#F97583">const</span> x</span></code></pre><p style="text-align:center">Fin</p>' +
      // A block without highlighting shows HTML as text, its quotes as typed.
      '<pre><code>&#x3C;p style="color:red">Rouge&#x3C;/p></code></pre>';
    const { items } = await download([article(0, { html })]);
    const encoded = items[0]?.content?.encoded ?? "";
    expect(encoded).toContain(
      '<pre class="astro-code github-dark" data-language="js"><code><span class="line"><span>const</span> x</span></code></pre>',
    );
    expect(encoded).toContain('<p style="text-align:center">Fin</p>');
    expect(encoded).toContain('<pre><code>&#x3C;p style="color:red">Rouge&#x3C;/p></code></pre>');
  });

  it("gives tables without the page's scrolling box, which would be a Tab stop and a « Tableau » region in the reader", async () => {
    const renderer = await markdownProcessor.createRenderer({ syntaxHighlight: false });
    const { code: html } = await renderer.render("| Modèle | Prix |\n| --- | ---: |\n| Pixel | 899 € |\n\nFin.");
    expect(html).toContain('<section class="table-scroll"');
    const { items } = await download([article(0, { html })]);
    const encoded = items[0]?.content?.encoded ?? "";
    expect(encoded).toMatch(/<p>[^<]*<\/p><table>\s*<thead>/);
    expect(encoded).not.toMatch(/tabindex|aria-label|table-scroll|<section/);
    expect(encoded).toContain('<td style="text-align: right">899\u00a0€</td>');
    expect(encoded).toContain("<p>Fin.</p>");
  });

  it("dates an updated article’s item with atom:updated (RFC 3339, Paris offset), and only that one", async () => {
    const { items } = await download([article(0, { updated: new Date("2021-01-05T10:00:00Z") }), article(1)]);
    expect(items[0]?.atom?.updated).toBe("2021-01-05T11:00:00+01:00");
    expect(items[1]?.atom?.updated).toBeUndefined();
  });
});

describe("xml helpers", () => {
  it("escapes XML, resolves every address against the article's, and keeps JSON-LD from closing its script", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    const page = "https://x.fr/articles/a/";
    expect(
      absolutizeUrls(
        '<a href="/b/">b</a><a href="../c/">c</a><a href="#fn-1">1</a><a href="https://y.fr/?q=1&amp;r=2">y</a>' +
          '<a href="mailto:r@x.fr">r</a><img src="photo.jpg" srcset="p-1.jpg 1x, /p-2.jpg 2x" alt="">' +
          '<code>&#x3C;img src="logo.png"></code><img alt="a > b" src="c.png">',
        page,
      ),
    ).toBe(
      '<a href="https://x.fr/b/">b</a><a href="https://x.fr/articles/c/">c</a><a href="https://x.fr/articles/a/#fn-1">1</a>' +
        '<a href="https://y.fr/?q=1&amp;r=2">y</a><a href="mailto:r@x.fr">r</a>' +
        '<img src="https://x.fr/articles/a/photo.jpg" srcset="https://x.fr/articles/a/p-1.jpg 1x, https://x.fr/p-2.jpg 2x" alt="">' +
        '<code>&#x3C;img src="logo.png"></code><img alt="a > b" src="https://x.fr/articles/a/c.png">',
    );
    // Addresses of an editor's raw HTML too: an object, an inline SVG's reference, a form.
    expect(
      absolutizeUrls(
        '<object data="/o.svg"></object><svg><use xlink:href="/s.svg#i"/></svg><form action="/newsletter/"></form>',
        page,
      ),
    ).toBe(
      '<object data="https://x.fr/o.svg"></object><svg><use xlink:href="https://x.fr/s.svg#i"/></svg>' +
        '<form action="https://x.fr/newsletter/"></form>',
    );
    expect(jsonForScript({ t: "</script><script>alert(1)</script>" })).not.toContain("</script>");
    expect(JSON.parse(jsonForScript({ t: "</script>" }))).toEqual({ t: "</script>" });
  });
});

describe("JSON-LD", () => {
  it("numbers breadcrumb steps and points the last at the page", () => {
    const data = breadcrumbJsonLd([{ label: "Accueil", href: "/" }, { label: "Page" }], "/p/");
    expect(data["itemListElement"]).toEqual([
      { "@type": "ListItem", position: 1, name: "Accueil", item: "https://www.digimedia.fr/" },
      { "@type": "ListItem", position: 2, name: "Page", item: "https://www.digimedia.fr/p/" },
    ]);
  });

  it("names a person as the author when the byline is one", () => {
    const data = newsArticleJsonLd({
      title: "T",
      description: "D",
      date: new Date("2020-10-11T22:00:00Z"),
      updated: new Date("2020-10-13T08:00:00Z"),
      author: "Camille Martin",
      section: "Tech",
      tags: ["IA", "Cloud"],
      path: "/articles/t/",
      imagePath: "/og/t.png",
    });
    expect(data["author"]).toEqual({ "@type": "Person", name: "Camille Martin" });
    expect(data["datePublished"]).toBe("2020-10-12T00:00:00+02:00");
    expect(data["dateModified"]).toBe("2020-10-13T10:00:00+02:00");
    expect(data["keywords"]).toBe("IA, Cloud");
  });

  it("gives no keywords, rather than an empty one, to an article without tags", () => {
    const input = {
      title: "T",
      description: "D",
      date: new Date("2020-10-11T22:00:00Z"),
      updated: undefined,
      author: "La rédaction",
      section: "Tech",
      tags: [],
      path: "/articles/t/",
      imagePath: "/og/t.png",
    };
    expect(newsArticleJsonLd(input)).not.toHaveProperty("keywords");
    expect(newsArticleJsonLd({ ...input, tags: ["IA"] })["keywords"]).toBe("IA");
  });
});

describe("news sitemap", () => {
  const now = new Date("2024-06-10T12:00:00Z");
  it("keeps the articles of the two days before the build, escaped", () => {
    const xml = newsSitemap(
      [
        { id: "recent", title: "R&D «\u202fà la une\u202f»", date: new Date("2024-06-09T12:00:00Z") },
        { id: "old", title: "Vieux", date: new Date("2024-06-07T11:59:00Z") },
        { id: "future", title: "Futur", date: new Date("2024-06-11T00:00:00Z") },
      ],
      now,
    );
    expect(xml).toContain("/articles/recent/");
    expect(xml).toContain("<news:title>R&amp;D «\u202fà la une\u202f»</news:title>");
    expect(xml).toContain("<news:language>fr</news:language>");
    expect(xml).not.toContain("/articles/old/");
    expect(xml).not.toContain("/articles/future/");
  });
  it("lists the newest first, and no more than the 1,000 Google News reads", () => {
    const burst = Array.from({ length: 1003 }, (_, i) => ({
      id: `a-${String(i)}`,
      title: "T",
      date: new Date(now.getTime() - (1003 - i) * 60_000),
    }));
    const urls = [...newsSitemap(burst, now).matchAll(/\/articles\/(a-\d+)\//g)].map((m) => m[1]);
    expect(urls).toHaveLength(1000);
    expect(urls.slice(0, 2)).toEqual(["a-1002", "a-1001"]);
    expect(urls).not.toContain("a-2");
  });
  it("is a valid empty urlset when nothing is recent", () => {
    expect(newsSitemap([], now)).toMatch(/<urlset [^>]+>\n<\/urlset>/);
  });
});

describe("sitemap from the article files (read before the content layer)", () => {
  const now = new Date("2024-06-10T12:00:00Z");
  const files = [
    // A date without offset is Paris time, as the schema reads it: 10:00 in Paris is 08:00 UTC in June.
    { file: "a.md", slug: "a", data: { title: "A", date: "2024-06-01 10:00", category: "International" } },
    { file: "b.md", slug: "b", data: { date: "2024-06-01", updated: "2024-06-05T09:30+02:00", category: "tech" } },
    { file: "c.md", slug: "c", data: { date: "2024-06-01", category: "Économie", draft: true } },
    { file: "d.md", slug: "d", data: { date: "2024-07-01", category: "Startups" } },
    { file: "e.md", slug: "e", data: { date: "le 1er juin", category: "Cybersécurité" } },
  ];

  it("gives each readable article its last change, in UTC", () => {
    const lastmods = sitemapLastmods(files, now);
    expect(lastmods.get(absoluteUrl(articleUrl("a")))).toBe("2024-06-01T08:00:00.000Z");
    expect(lastmods.get(absoluteUrl(articleUrl("b")))).toBe("2024-06-05T07:30:00.000Z");
    expect(lastmods.has(absoluteUrl(articleUrl("e")))).toBe(false);
  });

  it("gives each listing the last change of the published articles it lists, its later pages too", () => {
    const listed = [
      ...files,
      { file: "f.md", slug: "f", data: { date: "2024-05-20", category: "tech", tags: ["#IA", "Apple"] } },
      { file: "g.md", slug: "g", data: { date: "2023-12-31T23:30", category: "tech", tags: ["Apple"] } },
    ];
    const lastmods = sitemapLastmods(listed, now);
    const of = (path: string): string | undefined => lastmodOf(lastmods, absoluteUrl(path));
    // b, updated on 5 June, is the latest change; d (scheduled) and c (a draft) count nowhere.
    for (const path of ["/", "/page/3/", "/archives/", "/categorie/", "/tag/", "/2024/", "/2024/06/"])
      expect(of(path), path).toBe("2024-06-05T07:30:00.000Z");
    expect(of("/categorie/tech/")).toBe("2024-06-05T07:30:00.000Z");
    expect(of("/categorie/international/2/")).toBe("2024-06-01T08:00:00.000Z");
    // A date without its time: midnight in Paris.
    expect(of("/tag/ia/")).toBe("2024-05-19T22:00:00.000Z");
    expect(of("/tag/apple/")).toBe(of("/tag/ia/"));
    // Paris time: 31 December 23:30 in Paris is in 2023.
    expect(of("/2023/12/")).toBe("2023-12-31T22:30:00.000Z");
    expect(of("/2024/05/")).toBe(of("/tag/ia/"));
    for (const path of ["/categorie/startups/", "/categorie/economie/", "/a-propos/", "/2024/07/"])
      expect(of(path), path).toBeUndefined();
  });

  it("leaves out the sections with no published article, the 404 and one reader's newsletter pages", () => {
    const listed = sitemapFilter(files, now);
    expect(listed(absoluteUrl(categoryUrl("international")))).toBe(true);
    expect(listed(absoluteUrl(categoryUrl("tech")))).toBe(true);
    // Only a draft, only a scheduled article, only an invalid date: noindex pages, not in the sitemap.
    expect(listed(absoluteUrl(categoryUrl("economie")))).toBe(false);
    expect(listed(absoluteUrl(categoryUrl("startups")))).toBe(false);
    expect(listed(absoluteUrl(categoryUrl("cybersecurite")))).toBe(false);
    expect(listed(absoluteUrl("/404/"))).toBe(false);
    expect(listed(absoluteUrl("/newsletter/merci/"))).toBe(false);
    expect(listed(absoluteUrl("/newsletter/"))).toBe(true);
    // A day archive is for readers (noindex); its month and year are listed.
    expect(listed(absoluteUrl("/2024/06/01/"))).toBe(false);
    expect(listed(absoluteUrl("/2024/06/"))).toBe(true);
    expect(listed(absoluteUrl("/2024/"))).toBe(true);
  });
});

describe("social images", () => {
  const spec = { title: "Un titre", kicker: "Tech", footer: "1er octobre 2020" };

  it("changes its cache key, and its address with it, when what it shows changes", () => {
    expect(socialImageUrl("x", socialImageKey(spec))).toMatch(/^\/og\/x-[0-9a-f]{8}\.png$/);
    expect(socialImageUrl("x", socialImageKey(spec))).not.toBe(
      socialImageUrl("x", socialImageKey({ ...spec, title: "T" })),
    );
    expect(socialImageKey(spec)).toBe(socialImageKey({ ...spec }));
    expect(socialImageKey(spec)).not.toBe(socialImageKey({ ...spec, title: "Un autre titre" }));
    expect(socialImageKey(spec)).not.toBe(socialImageKey({ ...spec, footer: "2 octobre 2020" }));
  });

  it("reads a cached image instead of drawing it again", async () => {
    const dir = temporaryFolder("og-cache-");
    writeFileSync(join(dir, `${socialImageKey(spec)}.png`), "déjà là");
    expect((await cachedSocialImage(spec, dir)).toString()).toBe("déjà là");
  });

  it("draws a card again when its file has left the cache (a build cleans it while the dev server runs)", async () => {
    const dir = temporaryFolder("og-cache-");
    const file = await socialImageFile(spec, dir);
    expect(existsSync(file)).toBe(true);
    rmSync(file);
    expect(await socialImageFile(spec, dir)).toBe(file);
    expect(existsSync(file)).toBe(true);
  });

  /** The PNG's pixels as RGB, read back from its chunks (8-bit palette, no filter, as drawn). */
  const decode = (png: Buffer): { width: number; height: number; rgb: number[][] } => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const chunks = new Map<string, Buffer[]>();
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const type = png.toString("latin1", at + 4, at + 8);
      chunks.set(type, [...(chunks.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
      at += 12 + length;
    }
    const header = chunks.get("IHDR")?.[0] ?? Buffer.alloc(13);
    const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
    expect([header[8], header[9]]).toEqual([8, 3]);
    const plte = chunks.get("PLTE")?.[0] ?? Buffer.alloc(0);
    const rows = inflateSync(Buffer.concat(chunks.get("IDAT") ?? []));
    const rgb: number[][] = [];
    for (let y = 0; y < height; y++) {
      expect(rows[y * (width + 1)]).toBe(0);
      for (let x = 0; x < width; x++) {
        const index = rows[y * (width + 1) + 1 + x] ?? 0;
        rgb.push([plte[index * 3] ?? 0, plte[index * 3 + 1] ?? 0, plte[index * 3 + 2] ?? 0]);
      }
    }
    return { width, height, rgb };
  };

  it("draws a 1200×630 card: white, a red band on top, the title in dark ink", async () => {
    const { width, height, rgb } = decode(await drawSocialImage(spec));
    expect([width, height]).toEqual([1200, 630]);
    expect(rgb[5 * width + 600]).toEqual([0xb3, 0x12, 0x2f]);
    expect(rgb[100 * width + 1190]).toEqual([255, 255, 255]);
    expect(rgb.filter(([r, g, b]) => r === 0x16 && g === 0x18 && b === 0x1d).length).toBeGreaterThan(2000);
  });

  it("wraps a long title inside the margins", async () => {
    const title =
      "Un très long titre d’article qui ne tiendrait jamais sur une seule ligne, ni sur deux, et doit revenir à la ligne sans déborder de la carte";
    const { width, rgb } = decode(await drawSocialImage({ ...spec, title }));
    let outside = 0;
    for (let y = 130; y < 520; y++)
      for (let x = 0; x < width; x++) if ((x < 70 || x > 1130) && (rgb[y * width + x]?.[0] ?? 255) < 250) outside++;
    expect(outside).toBe(0);
  });

  // Ink = dark pixels of the PNG. A missing glyph would be drawn as a box (more ink) or dropped (less).
  const ink = async (title: string): Promise<number> =>
    decode(await drawSocialImage({ ...spec, title })).rgb.filter(([r]) => (r ?? 255) < 128).length;

  it("draws U+202F and U+00A0 as spaces, not boxes", async () => {
    // Anti-aliasing moves a few pixels when glyphs shift; a box would add hundreds.
    const plain = await ink("Vraiment ? Oui : non « ok »");
    const tolerance = plain * 0.005;
    expect(Math.abs((await ink("Vraiment\u202f? Oui\u00a0: non «\u202fok\u202f»")) - plain)).toBeLessThan(tolerance);
    expect(Math.abs((await ink("Vraiment? Oui: non «ok»")) - plain)).toBeLessThan(tolerance);
    // The measure does see one more glyph.
    expect(Math.abs((await ink("Vraiment ? Oui : non « ok » !")) - plain)).toBeGreaterThan(tolerance);
  });

  it("draws the letters of European names, and leaves out what no font has instead of boxes", async () => {
    expect(
      await undrawableCharacters("Erdoğan, Łukasz, Škoda, Őry, Dvořák : le cœur du ½ «\u202fdébat\u202f» ’"),
    ).toEqual([]);
    expect(await undrawableCharacters("Le Bitcoin 🚀 au Japon (日本) ☕")).toEqual(["🚀", "日", "本", "☕"]);
    // Decomposed accents (as some keyboards type them) are drawn as the letters they make.
    expect(await undrawableCharacters("Erdog\u0306an")).toEqual([]);
    const plain = await ink("Le Bitcoin au Japon");
    expect(Math.abs((await ink("Le Bitcoin 🚀 au Japon ☕")) - plain)).toBeLessThan(plain * 0.005);
    // A box (.notdef) for ğ, Ł and Š would add far more ink than their accents.
    const latin = await ink("Erdogan Lukasz Skoda");
    const accented = await ink("Erdoğan Łukasz Škoda");
    expect(accented).toBeGreaterThan(latin);
    expect(accented - latin).toBeLessThan(latin * 0.08);
  });
});

describe("sharedImage", () => {
  it("knows a drawn card's type and size, and a photo's type by its extension whatever its case", () => {
    expect(sharedImage("/og/x.png")).toEqual({
      path: "/og/x.png",
      type: "image/png",
      size: { width: 1200, height: 630 },
    });
    expect(sharedImage("/images/Photo.JPEG?v=2").type).toBe("image/jpeg");
    expect(sharedImage("/images/anim.gif").type).toBe("image/gif");
    expect(sharedImage("/images/sans-extension").type).toBeUndefined();
  });

  it("shares an article's photo, with its size, when social networks show it large, and its drawn card instead", () => {
    const wide = { width: 1600, height: 1067 };
    const photo = (path: string, size: { width: number; height: number } | undefined = wide) => ({ path, size });
    expect(articleImage("/og/x.png", photo("/images/photo.jpg"))).toEqual({
      path: "/images/photo.jpg",
      type: "image/jpeg",
      size: wide,
    });
    expect(articleImage("/og/x.png", photo("/images/anim.gif", { width: 1200, height: 500 })).path).toBe(
      "/images/anim.gif",
    );
    // Types that networks do not show.
    expect(articleImage("/og/x.png", photo("/images/schema.svg"))).toEqual(sharedImage("/og/x.png"));
    expect(articleImage("/og/x.png", photo("/images/photo.avif")).path).toBe("/og/x.png");
    // Narrower than the card: shown small, or blurred, in a shared link.
    expect(articleImage("/og/x.png", photo("/images/photo.jpg", { width: 1199, height: 800 }))).toEqual(
      sharedImage("/og/x.png"),
    );
    // A size the site could not read.
    expect(articleImage("/og/x.png", { path: "/images/photo.jpg", size: undefined }).path).toBe("/og/x.png");
    expect(articleImage("/og/x.png", undefined).path).toBe("/og/x.png");
  });
});
