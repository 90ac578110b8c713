/** Structured data (JSON-LD) for search engines, and the image an article shares, built from what the page shows. */
import { SITE } from "../config.ts";
import { isoDateTime } from "./dates.ts";
import { imageType } from "./image-types.ts";
import { copySize, type PhotoCopy } from "./photo-copies.ts";
import type { PixelSize } from "./photo-size.ts";
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH } from "./social-image.ts";
import { absoluteUrl, homeUrl, isSocialCard, LOGO } from "./urls.ts";

/** A step of the visible breadcrumb; the last one is the page itself. */
export interface Crumb {
  label: string;
  href?: string;
}

type JsonLd = Record<string, unknown>;

const publisher = (): JsonLd => ({
  "@type": "NewsMediaOrganization",
  name: SITE.name,
  url: absoluteUrl(homeUrl()),
  logo: { "@type": "ImageObject", url: absoluteUrl(LOGO.path), width: LOGO.size, height: LOGO.size },
});

/** Open Graph's form of a locale, language and region joined by an underscore: "fr-FR" → "fr_FR". */
export function ogLocale(locale: string = SITE.locale): string {
  return locale.replace("-", "_");
}

/** BreadcrumbList matching the visible breadcrumb; the last step points at `pagePath`. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], pagePath: string): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.label,
      item: absoluteUrl(i === crumbs.length - 1 ? pagePath : (crumb.href ?? pagePath)),
    })),
  };
}

/** An image a page shares (og:image), and a feed item with it (media:content). */
export interface SharedImage {
  /** Path on the site. */
  path: string;
  /** MIME type, when the site knows it: its drawn cards are PNGs, a photo's type is its extension's. */
  type: string | undefined;
  /** Size in pixels, when the site knows it: its drawn cards', a photo's as read from its file (photo-size.ts). */
  size: PixelSize | undefined;
}

/**
 * What the site knows of the image at `path`: a drawn card (/og/…) is a 1200×630 PNG; a photo has its
 * extension's type, and the size read from its file if given.
 */
export function sharedImage(path: string, size?: PixelSize): SharedImage {
  if (isSocialCard(path)) {
    return { path, type: "image/png", size: { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT } };
  }
  return { path, type: imageType(path), size };
}

/** Image types that Facebook, X, LinkedIn and WhatsApp show in a shared link's preview (not SVG nor AVIF). */
const SHAREABLE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/** An editor's photo: its address on the site, its size as read from its file, and the copies the build makes of it. */
export interface Photo {
  path: string;
  size: PixelSize | undefined;
  responsive?: { copies: readonly PhotoCopy[] } | undefined;
}

/**
 * The image an article's page shares: the editor's photo (front matter `image`) when social networks
 * and feed readers show it large, or else its drawn card (1200×630, at the address `card`). Shown large means of a type they
 * show (not SVG nor AVIF) and at least as wide as the card: Google Discover asks 1,200 pixels for
 * `max-image-preview:large`, and networks show a narrower photo small or blurred. A wider photo is
 * shared by its copy at the card's width (COPY_WIDTHS has it): a camera's original, 4,000 pixels and
 * 10 MB or more, is more than networks take (Facebook refuses an image over 8 MB, WhatsApp previews
 * only a light one), and the copy is all they show. The page itself shows the photo whatever its size.
 */
export function articleImage(card: string, photo: Photo | undefined): SharedImage {
  const type = photo === undefined ? undefined : imageType(photo.path);
  const size = photo?.size;
  const shareable = type !== undefined && SHAREABLE_TYPES.has(type) && (size?.width ?? 0) >= SOCIAL_IMAGE_WIDTH;
  if (photo === undefined || size === undefined || !shareable) return sharedImage(card);
  const copy = photo.responsive?.copies.find((c) => c.width === SOCIAL_IMAGE_WIDTH);
  return copy === undefined ? sharedImage(photo.path, size) : sharedImage(copy.url, copySize(copy, size));
}

/** What NewsArticle needs of an article. */
export interface NewsArticleInput {
  title: string;
  description: string;
  date: Date;
  updated: Date | undefined;
  author: string;
  section: string;
  tags: readonly string[];
  path: string;
  imagePath: string;
}

/** NewsArticle for an article page. */
export function newsArticleJsonLd(a: NewsArticleInput): JsonLd {
  const url = absoluteUrl(a.path);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    description: a.description,
    datePublished: isoDateTime(a.date),
    dateModified: isoDateTime(a.updated ?? a.date),
    author: a.author === SITE.defaultAuthor ? publisher() : { "@type": "Person", name: a.author },
    publisher: publisher(),
    image: [absoluteUrl(a.imagePath)],
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    articleSection: a.section,
    // No tags, no keywords: an empty "keywords" would tell search engines the article has none worth naming.
    ...(a.tags.length > 0 ? { keywords: a.tags.join(", ") } : {}),
    inLanguage: SITE.locale,
  };
}

/** WebSite for the home page. */
export function websiteJsonLd(): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: SITE.name,
    description: SITE.description,
    url: absoluteUrl(homeUrl()),
    inLanguage: SITE.locale,
    publisher: publisher(),
  };
}
