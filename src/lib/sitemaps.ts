/**
 * Sitemaps: the Google News sitemap (articles of the last two days), and the lastmod of each
 * article and listing page for @astrojs/sitemap, read from the content folder at config time (before the content
 * layer exists) with the schema's own publishing fields (publishingData).
 */
import { CATEGORIES, SITE } from "../config.ts";
import { publishingData } from "./article-schema.ts";
import { isPublished } from "./publishing.ts";
import { archiveParts, isoDateTime } from "./dates.ts";
import {
  absoluteUrl,
  archivesUrl,
  articleUrl,
  categoriesUrl,
  categoryUrl,
  homeUrl,
  isDayUrl,
  monthUrl,
  numberedPage,
  searchUrl,
  tagsUrl,
  tagUrlOf,
  yearUrl,
} from "./urls.ts";
import { escapeXml } from "./xml.ts";
import type { ArticleFile } from "./article-files.ts";

/** How far back the news sitemap looks. */
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** What the news sitemap needs of an article. */
export interface NewsItem {
  id: string;
  title: string;
  date: Date;
}

/** URLs a news sitemap holds at most (Google News reads no more). */
const NEWS_SITEMAP_MAX = 1000;

/**
 * Google News sitemap of the articles published in the two days before `now`, newest first, the
 * NEWS_SITEMAP_MAX newest at most (valid when empty).
 */
export function newsSitemap(articles: readonly NewsItem[], now: Date): string {
  const recent = articles
    .filter((a) => a.date.getTime() <= now.getTime() && now.getTime() - a.date.getTime() <= NEWS_WINDOW_MS)
    .toSorted((a, b) => b.date.getTime() - a.date.getTime())
    .slice(0, NEWS_SITEMAP_MAX);
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

/**
 * Each page's last change for the sitemap's lastmod (absolute URL → ISO instant): an article's is its own
 * (updated, else date); a listing's is the latest of the articles published at `now` it lists (the home page,
 * its rubrique, its tags, its year and month, and the indexes of rubriques, tags and archives), any of whose
 * pages (« /page/3/ ») changes with it, as a new article moves every article down. Pages that list no article
 * (« À propos ») get none: nothing here knows when they change.
 */
export function sitemapLastmods(files: readonly ArticleFile[], now: Date): Map<string, string> {
  const latest = new Map<string, Date>();
  const changed = (path: string, date: Date): void => {
    const known = latest.get(path);
    if (known === undefined || known < date) latest.set(path, date);
  };
  for (const { slug, data } of files) {
    const read = publishingData(data);
    if (read === undefined) continue;
    const last = read.updated ?? read.date;
    changed(articleUrl(slug), last);
    if (!isPublished({ data: read }, now)) continue;
    const { year, month } = archiveParts(read.date);
    const tags = Array.isArray(data["tags"]) ? data["tags"].filter((t): t is string => typeof t === "string") : [];
    for (const path of [
      homeUrl(),
      categoriesUrl(),
      categoryUrl(read.category),
      tagsUrl(),
      // As written: a # typed before a tag, which the schema takes out, is not in its slug either.
      ...tags.map(tagUrlOf),
      archivesUrl(),
      yearUrl(year),
      monthUrl(year, month),
    ])
      changed(path, last);
  }
  return new Map([...latest].map(([path, date]) => [absoluteUrl(path), date.toISOString()]));
}

/** The sitemap lastmod of the page at `url` (sitemapLastmods): a listing's later pages have its first page's. */
export function lastmodOf(lastmods: ReadonlyMap<string, string>, url: string): string | undefined {
  const listing = numberedPage(new URL(url).pathname)?.listing;
  return lastmods.get(url) ?? (listing === undefined ? undefined : lastmods.get(absoluteUrl(listing)));
}

/**
 * Which built pages the sitemap lists: not the 404, nor the pages about one reader's signup, nor
 * a section without a published article (its page says noindex, ListingLayout), nor a day archive
 * (noindex too: most list one or two articles their month's page lists already).
 */
export function sitemapFilter(files: readonly ArticleFile[], now: Date): (page: string) => boolean {
  const filled = new Set<string>();
  for (const { data } of files) {
    const read = publishingData(data);
    if (read !== undefined && isPublished({ data: read }, now)) filled.add(read.category);
  }
  // Pages kept out of search engines (noindex): empty categories, the search page.
  const excluded = [...CATEGORIES.filter((c) => !filled.has(c.slug)).map((c) => categoryUrl(c.slug)), searchUrl()].map(
    (path) => absoluteUrl(path),
  );
  return (page) => !/\/404\/?$|\/newsletter\/.+/.test(page) && !isDayUrl(page) && !excluded.includes(page);
}
