/**
 * Checks a built RSS feed the way a feed reader and the W3C Feed Validation Service would:
 * parsed by a maintained feed library (feedsmith), never by regular expressions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRssFeed } from "feedsmith";
import { SyntaxValidator } from "fast-xml-validator";
import { HtmlValidate } from "html-validate";
import { HTMLElement, parse } from "node-html-parser";
import { expect } from "vitest";
import { page, resolves } from "./dist.ts";
import { pngSize } from "./png.ts";

// RFC 822 as the W3C validator wants it: day name, two-digit day, English month, four-digit year, numeric zone.
// Well-formed HTML fragments: tags closed in order, attributes closed and not repeated.
const fragmentValidator = new HtmlValidate({
  rules: { "close-order": "error", "close-attr": "error", "no-dup-attr": "error", "element-name": "error" },
});

const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

/** What a feed item must match: the article as the site shows it. */
export interface ExpectedItem {
  slug: string;
  title: string;
  /** ISO instant of publication. */
  date: string;
  category: string;
}

/** Parses the feed at `path` under `root` and checks every rule; returns the parsed feed. */
export function checkFeed(root: string, path: string, site: string, expected: readonly ExpectedItem[]) {
  const xml = readFileSync(join(root, path), "utf8");
  expect(SyntaxValidator.validate(xml), `${path} n’est pas du XML bien formé`).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="/rss.css"?>')).toBe(true);
  // Every prefix the feed uses is declared on <rss> (a reader that checks namespaces would reject it otherwise).
  const declared = new Set([...xml.matchAll(/ xmlns:([\w-]+)="/g)].map((m) => m[1]));
  for (const [, prefix] of xml.matchAll(/<\/?([\w-]+):[\w-]+[\s>/]/g)) {
    expect(declared.has(prefix), `${path} : préfixe « ${String(prefix)} » non déclaré`).toBe(true);
  }
  const feed = parseRssFeed(xml);
  expect(feed.language).toBe("fr-FR");
  expect(feed.ttl).toBeGreaterThan(0);
  expect(feed.title).toBeTruthy();
  expect(feed.description).toBeTruthy();
  expect(feed.image?.url).toBe(`${site}/logo.png`);
  expect(feed.image?.title).toBe(feed.title);
  expect(feed.atom?.links?.find((l) => l.rel === "self")?.href).toBe(`${site}${path}`);
  if (expected.length > 0) expect(feed.lastBuildDate).toMatch(rfc822);

  const items = feed.items ?? [];
  expect(items.map((i) => i.link)).toEqual(expected.map((e) => `${site}/articles/${e.slug}/`));
  const guids = new Set<string>();
  items.forEach((item, i) => {
    const want = expected[i];
    if (want === undefined) throw new Error("élément en trop");
    const where = `${path} · ${want.slug}`;
    expect(item.title, where).toBe(want.title);
    expect(item.guid?.isPermaLink, where).toBe(true);
    expect(item.guid?.value, where).toBe(item.link);
    expect(guids.has(item.guid?.value ?? ""), `${where} : guid en double`).toBe(false);
    guids.add(item.guid?.value ?? "");
    expect(item.pubDate, where).toMatch(rfc822);
    expect(new Date(item.pubDate ?? "").toISOString(), where).toBe(want.date);
    expect(item.description, where).toBeTruthy();
    expect(item.categories?.[0]?.name, where).toBe(want.category);
    expect(item.dc?.creators?.length, where).toBe(1);
    const link = new URL(item.link ?? "");
    expect(resolves(root, link.pathname), `${where} : lien vers une page absente`).toBeDefined();
    const content = item.content?.encoded ?? "";
    expect(content.length, where).toBeGreaterThan(0);
    const report = fragmentValidator.validateStringSync(content);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => m.message)),
      `${where} : content:encoded mal formé`,
    ).toEqual([]);
    const doc = parse(content);
    for (const a of doc.querySelectorAll("[href], [src]")) {
      const url = a.getAttribute("href") ?? a.getAttribute("src") ?? "";
      expect(url, `${where} : URL relative dans content:encoded`).toMatch(/^(?:https?:|mailto:|#)/);
    }
    expect(content, `${where} : typographie française perdue`).not.toMatch(/ [;!?»]|« /);

    // What the article's page shows and shares, the item gives too.
    const article = page(root, link.pathname);
    const meta = (property: string): string | undefined =>
      article.querySelector(`meta[property="${property}"]`)?.getAttribute("content");
    // The image the page shares (og:image): a file of the site, of the type and size announced.
    const media = item.media?.contents ?? [];
    expect(media.length, `${where} : media:content`).toBe(1);
    const image = media[0];
    expect(image?.url, where).toBe(meta("og:image"));
    expect(image?.medium, where).toBe("image");
    const imageUrl = new URL(image?.url ?? "");
    expect(imageUrl.origin, where).toBe(site);
    const file = resolves(root, imageUrl.pathname);
    expect(file, `${where} : image absente de dist`).toBeDefined();
    expect(image?.type, where).toBe(meta("og:image:type"));
    if (meta("og:image:width") !== undefined) {
      expect([image?.width, image?.height], where).toEqual([
        Number(meta("og:image:width")),
        Number(meta("og:image:height")),
      ]);
      const size = pngSize(file ?? "");
      expect([size.width, size.height], where).toEqual([image?.width, image?.height]);
    }
    // The full text begins as the page does: the standfirst, then the editor's photo when there is one.
    const [first, second] = doc.childNodes.filter((n) => n instanceof HTMLElement);
    expect(first?.rawTagName, `${where} : chapô en tête du texte intégral`).toBe("p");
    expect(first?.text, `${where} : chapô en tête du texte intégral`).toBe(article.querySelector(".standfirst")?.text);
    const hero = article.querySelector("img.hero");
    if (hero !== null) {
      expect(second?.rawTagName, `${where} : photo en tête du texte intégral`).toBe("img");
      expect(second?.getAttribute("src"), where).toBe(new URL(hero.getAttribute("src") ?? "", link).href);
      expect(second?.getAttribute("alt"), where).toBe(hero.getAttribute("alt"));
    }
    // A date of update the page shows is the item's atom:updated, and only then is there one.
    const updated = article
      .querySelectorAll(".byline span")
      .find((span) => span.text.startsWith("Mis à jour le"))
      ?.querySelector("time")
      ?.getAttribute("datetime");
    expect(item.atom?.updated, `${where} : atom:updated`).toBe(updated);
    if (updated !== undefined) expect(updated, where).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });
  return feed;
}
