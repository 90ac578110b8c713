/**
 * Sitemaps: the Google News sitemap (articles of the last two days), and the lastmod of each
 * article page for @astrojs/sitemap, read from the content folder at config time.
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { SITE } from "../config.ts";
import { isoDateTime, parseParisDate } from "./dates.ts";
import { absoluteUrl, articleUrl } from "./urls.ts";
import { escapeXml } from "./xml.ts";
import { readFrontMatter } from "./articles-loader.ts";

/** How far back the news sitemap looks. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** What the news sitemap needs of an article. */
export interface NewsItem {
  id: string;
  title: string;
  date: Date;
}

/** Google News sitemap of the articles published in the two days before `now` (valid when empty). */
export function newsSitemap(articles: readonly NewsItem[], now: Date): string {
  const recent = articles.filter(
    (a) => a.date.getTime() <= now.getTime() && now.getTime() - a.date.getTime() <= NEWS_WINDOW_MS,
  );
  const urls = recent.map(
    (a) =>
      `<url><loc>${escapeXml(absoluteUrl(articleUrl(a.id)))}</loc><news:news><news:publication><news:name>${escapeXml(SITE.name)}</news:name><news:language>${SITE.lang}</news:language></news:publication><news:publication_date>${isoDateTime(a.date)}</news:publication_date><news:title>${escapeXml(a.title)}</news:title></news:news></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** Article URL → last change (updated, else date), for every Markdown file under `dir`. */
export function articleLastmods(dir: string): Map<string, string> {
  const lastmods = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith("_")) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) {
        const data = readFrontMatter(full);
        const raw = data["updated"] ?? data["date"];
        const date = typeof raw === "string" ? parseParisDate(raw) : undefined;
        if (date !== undefined) lastmods.set(absoluteUrl(articleUrl(basename(entry.name, ".md"))), date.toISOString());
      }
    }
  };
  walk(dir);
  return lastmods;
}
