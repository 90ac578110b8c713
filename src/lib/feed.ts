/**
 * RSS 2.0 feeds as @astrojs/rss builds them, with what it does not do by itself: Paris-offset
 * RFC 822 dates, dc:creator, an updated article's atom:updated, the image its page shares
 * (media:content), the channel's language, image, ttl and self link; and the full content as
 * the page shows it (the standfirst, the editor's photo, the body), its URLs absolute (resolved
 * against each article's address), each photo by one address (the largest its page offers: singlePhotos).
 */
import type { RSSOptions } from "@astrojs/rss";
import { SITE } from "../config.ts";
import { isoDateTime, rfc822 } from "./dates.ts";
import { articleImage, type Photo } from "./seo.ts";
import { replaceTags, rewriteAttributes, startTags } from "./html-tags.ts";
import { copySize, copyUrlsIn, parseCopyUrl, standInCopy, type PhotoCopy } from "./photo-copies.ts";
import type { PixelSize } from "./photo-size.ts";
import { TABLE_BOX_CLASS } from "./rehype-tables.ts";
import { absolutizeUrls, escapeXml } from "./xml.ts";
import { absoluteUrl, articleUrl, categoryFeedUrl, feedUrl, feedsUrl, LOGO } from "./urls.ts";

/** Items a feed carries at most. */
export const FEED_SIZE = 50;
/** Minutes a reader may cache a feed. */
const FEED_TTL = 60;

/**
 * A feed as a page announces it in its head (<link rel="alternate">): title and path; and the
 * place on the feeds page that tells a person how to follow it (links for readers go there:
 * the feed itself, styled by rss.css, says what it is but links nowhere).
 */
export interface FeedLink {
  title: string;
  href: string;
  about: string;
}

/** The site's feed, announced on every page. */
export function siteFeedLink(): FeedLink {
  return { title: `${SITE.name}\u00a0: tous les articles`, href: feedUrl(), about: feedsUrl("tous-les-articles") };
}

/** A category's feed, announced on its pages and its articles'. */
export function categoryFeedLink(category: { slug: string; label: string }): FeedLink {
  return {
    title: `${SITE.name}\u00a0: ${category.label}`,
    href: categoryFeedUrl(category.slug),
    about: feedsUrl(category.slug),
  };
}

/** What a feed needs of an article. */
export interface FeedArticle {
  id: string;
  title: string;
  description: string;
  date: Date;
  updated: Date | undefined;
  author: string;
  categoryLabel: string;
  tags: readonly string[];
  /** The editor's photo (front matter `image`, `imageAlt`), which the page shows above the body; its size if read. */
  photo: (Photo & { alt: string }) | undefined;
  /** The address of its drawn social image (urls.ts), shared when it has no photo networks show large. */
  card: string;
  /** The body as rendered HTML (relative URLs allowed: the feed makes them absolute). */
  html: string;
}

/** A feed: its channel texts, where it lives and the page it describes. */
export interface FeedSpec {
  title: string;
  description: string;
  /** Path of the feed itself, for atom:link rel="self". */
  feedPath: string;
  /** Path of the HTML page the feed mirrors. */
  pagePath: string;
  /** Published articles, newest first. */
  articles: readonly FeedArticle[];
}

/**
 * A photo where a single image is given, as its page's srcset would offer it at most: a camera's original,
 * 4,000 pixels and 10 MB or more, is more than a feed reader should download; its 1,600 pixel copy stands for it.
 */
function singlePhoto(photo: Photo): { path: string; size: PixelSize | undefined } {
  const copy = photo.size === undefined ? undefined : standInCopy(photo.responsive?.copies ?? [], photo.size.width);
  return copy === undefined || photo.size === undefined
    ? { path: photo.path, size: photo.size }
    : { path: copy.url, size: copySize(copy, photo.size) };
}

function photoAttributes(photo: Photo & { alt: string }): string {
  const { path, size } = singlePhoto(photo);
  const { alt } = photo;
  const dimensions = size === undefined ? "" : ` width="${String(size.width)}" height="${String(size.height)}"`;
  return `src="${escapeXml(path)}" alt="${escapeXml(alt)}"${dimensions}`;
}

/**
 * The full text of an item, as the article's page shows it: the standfirst (already in French
 * typography, as the page prints it) in a paragraph, the editor's photo if there is one, the body.
 */
function fullText(a: FeedArticle): string {
  const photo = a.photo === undefined ? "" : `<img ${photoAttributes(a.photo)}>`;
  return `<p>${escapeXml(a.description)}</p>${photo}${a.html}`;
}

/** A code block as the page highlights it (shiki: inline colours on a dark background). */
const CODE_BLOCK = /<pre\b[^>]*>[\s\S]*?<\/pre\s*>/gi;

/**
 * Code blocks without their inline colours: a feed reader keeps some styles and drops others (the
 * dark background, not the light text), and shows code in its own theme when given none.
 */
function plainCodeBlocks(html: string): string {
  // In the tags only: the code shown may itself hold « style="…" » as text.
  return html.replace(CODE_BLOCK, (block) =>
    replaceTags(block, (name, tag) => (name === undefined ? tag : tag.replace(/\s(?:style|tabindex)="[^"]*"/g, ""))),
  );
}

/** A table in its scrolling box, as rehype-tables.ts writes it for the page. */
const TABLE_BOX = new RegExp(`<section class="${TABLE_BOX_CLASS}"[^>]*>(<table\\b[\\s\\S]*?</table>)</section>`, "g");

/**
 * Tables out of their box: in a reader it would be one more Tab stop, announced « Tableau », and the
 * reader's own styles decide the width.
 */
function plainTables(html: string): string {
  return html.replace(TABLE_BOX, "$1");
}

/** The srcset and sizes the build gives a photo of the body (rehype-image-sizes.ts), with the space before each. */
const COPY_ATTRIBUTES = /\s(?:srcset|sizes)="[^"]*"/g;

/**
 * Photos by one address: a feed reader shows an item at its own width, and some would fetch a copy by a
 * srcset the page's layout chose. That address is the largest the srcset offers: the photo itself, or
 * for a camera's original its widest copy (standInCopy), with that copy's width and height. An editor's
 * own srcset (no copy of the build) stays.
 */
function singlePhotos(html: string): string {
  return replaceTags(html, (name, tag) => {
    const copies = name === "img" ? copyUrlsIn(tag).flatMap((url) => parseCopyUrl(url) ?? []) : [];
    if (copies.length === 0) return tag;
    const single = tag.replace(COPY_ATTRIBUTES, "");
    const attributes = startTags(tag)[0]?.attributes ?? [];
    // NaN when missing: no copy stands in, the photo stays.
    const [width = NaN, height = NaN] = ["width", "height"].map((n) =>
      Number(attributes.find((a) => a.name === n)?.value),
    );
    const copy = standInCopy(copies, width);
    return copy === undefined || !(height > 0) ? single : withCopy(single, copy, copySize(copy, { width, height }));
  });
}

/** An <img> tag showing `copy` (of that size) instead of its photo. */
function withCopy(tag: string, copy: PhotoCopy, size: { width: number; height: number }): string {
  const values: Record<string, string> = { src: copy.url, width: String(size.width), height: String(size.height) };
  return rewriteAttributes(tag, (_name, attribute, value) => values[attribute] ?? value);
}

/** Media RSS's media:content for the image an article's page shares (its og:image). */
function mediaContent(a: FeedArticle, base: string): string {
  const image = articleImage(a.card, a.photo);
  const attributes = [
    `url="${escapeXml(absoluteUrl(image.path, base))}"`,
    `medium="image"`,
    image.type !== undefined ? `type="${escapeXml(image.type)}"` : "",
    image.size !== undefined ? `width="${String(image.size.width)}" height="${String(image.size.height)}"` : "",
  ];
  return `<media:content ${attributes.filter((attribute) => attribute !== "").join(" ")}/>`;
}

/** Path of the CSS stylesheet that shows a feed to a person as a French page (public/rss.css). */
const FEED_STYLESHEET = "/rss.css";

/** Options for @astrojs/rss: the latest FEED_SIZE articles, newest first. */
export function feedOptions(spec: FeedSpec, base: string = SITE.url): RSSOptions {
  const items = spec.articles.slice(0, FEED_SIZE);
  const newest = items.reduce<Date | undefined>((latest, a) => {
    const changed = a.updated ?? a.date;
    return latest === undefined || changed > latest ? changed : latest;
  }, undefined);
  const logo = absoluteUrl(LOGO.path, base);
  const channel = [
    `<language>${SITE.locale}</language>`,
    newest !== undefined ? `<lastBuildDate>${rfc822(newest)}</lastBuildDate>` : "",
    `<ttl>${FEED_TTL}</ttl>`,
    `<image><url>${escapeXml(logo)}</url><title>${escapeXml(spec.title)}</title><link>${escapeXml(absoluteUrl(spec.pagePath, base))}</link><width>${String(LOGO.size)}</width><height>${String(LOGO.size)}</height></image>`,
    `<atom:link href="${escapeXml(absoluteUrl(spec.feedPath, base))}" rel="self" type="application/rss+xml"/>`,
  ].join("");
  return {
    title: spec.title,
    description: spec.description,
    site: absoluteUrl(spec.pagePath, base),
    stylesheet: FEED_STYLESHEET,
    xmlns: {
      atom: "http://www.w3.org/2005/Atom",
      dc: "http://purl.org/dc/elements/1.1/",
      content: "http://purl.org/rss/1.0/modules/content/",
      media: "http://search.yahoo.com/mrss/",
    },
    customData: channel,
    trailingSlash: true,
    items: items.map((a) => {
      const link = absoluteUrl(articleUrl(a.id), base);
      return {
        title: a.title,
        link,
        // RSS's description is HTML: "<div>" in a standfirst is text, not an element a reader would hide.
        description: escapeXml(a.description),
        content: absolutizeUrls(singlePhotos(plainTables(plainCodeBlocks(fullText(a)))), link),
        categories: [a.categoryLabel, ...a.tags],
        customData: [
          `<pubDate>${rfc822(a.date)}</pubDate>`,
          `<dc:creator>${escapeXml(a.author)}</dc:creator>`,
          // The update the page shows ("Mis à jour le …"), as Atom dates it: RFC 3339, Paris offset.
          a.updated !== undefined ? `<atom:updated>${isoDateTime(a.updated)}</atom:updated>` : "",
          mediaContent(a, base),
        ].join(""),
      };
    }),
  };
}
