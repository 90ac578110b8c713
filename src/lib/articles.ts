/**
 * The pages' one gateway to content: the only module that calls getCollection. It applies the
 * publishing rules once, sorts once and computes every listing once per build. (Before the collection
 * exists, the articles' loader and the sitemap read the files themselves: article-files.ts.)
 */
import { resolve } from "node:path";
import { getCollection, type CollectionEntry } from "astro:content";
import { CATEGORIES, SITE, type Category } from "../config.ts";
import { formatDate } from "./dates.ts";
import type { FeedArticle } from "./feed.ts";
import { socialImageKey, type SocialImageSpec } from "./social-image.ts";
import { buildSiteIndex, type SiteIndex } from "./listings.ts";
import { articlePageKey, siteKey } from "./page-keys.ts";
import { copyUrlsIn, parseCopyUrl, photoAddress, type PhotoCopy, type ResponsivePhoto } from "./photo-copies.ts";
import { photoSize, type PixelSize } from "./photo-size.ts";
import { photoSrcset } from "./photo-srcset.ts";
import { buildTime, previewNewestFirst, publishedNewestFirst } from "./publishing.ts";
import { socialImageUrl } from "./urls.ts";

/** A published article. */
export type Article = CollectionEntry<"articles">;

/** True under `astro dev` only (src/integrations/dev-preview.ts). */
export const PREVIEW = import.meta.env.PREVIEW_UNPUBLISHED === true;

/** The instant this build publishes at. */
export const BUILD_TIME = buildTime();

let cached: Promise<SiteIndex<Article>> | undefined;

/** Published articles (in astro dev, every article), newest first, with every listing of the site. */
export function getSite(): Promise<SiteIndex<Article>> {
  const load = async (): Promise<SiteIndex<Article>> => {
    const all = await getCollection("articles");
    // astro dev previews drafts and scheduled articles too (their page says so); a build publishes by the rules.
    return buildSiteIndex(PREVIEW ? previewNewestFirst(all) : publishedNewestFirst(all, BUILD_TIME));
  };
  // In dev the content changes under us: recompute on each request.
  if (PREVIEW) return load();
  cached ??= load();
  return cached;
}

const listingKeys = new WeakMap<SiteIndex<Article>, string>();

/** Cache key of every listing page, for Astro's incremental builds (see page-keys.ts). */
export async function listingsKey(): Promise<string> {
  const site = await getSite();
  let key = listingKeys.get(site);
  if (key === undefined) listingKeys.set(site, (key = siteKey(SITE, site.articles)));
  return key;
}

/** Cache key of an article's page, for Astro's incremental builds (see page-keys.ts). */
export async function articlePageCacheKey(article: Article): Promise<string> {
  return articlePageKey(await listingsKey(), article, photoOf(article), socialImageUrlOf(article));
}

/** An article's photo (front matter `image`, `imageAlt`), with its size read from its file. */
export interface ArticlePhoto {
  path: string;
  alt: string;
  size: PixelSize | undefined;
  /** Its smaller copies for the page's <img> (photo-copies.ts); one of them is what the page shares (seo.ts). */
  responsive: ResponsivePhoto | undefined;
}

/** The photo an article shows above its body, if it has one. */
export function photoOf(article: Article): ArticlePhoto | undefined {
  const { image, imageAlt } = article.data;
  if (image === undefined) return undefined;
  // The schema asks for imageAlt whenever there is an image.
  const publicDir = resolve(SITE.publicDir);
  return {
    path: photoAddress(image),
    alt: imageAlt ?? "",
    size: photoSize(image, publicDir),
    responsive: photoSrcset(image, publicDir),
  };
}

/** The copies of photos an article's page shows: its photo's, then its body's (named by rehype-image-sizes.ts). */
export function photoCopiesOf(article: Article): PhotoCopy[] {
  const own = photoOf(article)?.responsive?.copies ?? [];
  return [...own, ...copyUrlsIn(article.rendered?.html ?? "").flatMap((url) => parseCopyUrl(url) ?? [])];
}

/** The configured category with this slug. */
export function categoryOf(slug: string): Category {
  const category = CATEGORIES.find((c) => c.slug === slug);
  if (category === undefined) throw new Error(`catégorie inconnue : ${slug}`);
  return category;
}

/** What a feed shows of an article. */
export function toFeedArticle(article: Article): FeedArticle {
  const { title, description, date, updated, author, tags, category } = article.data;
  return {
    id: article.id,
    title,
    description,
    date,
    updated,
    author,
    tags,
    categoryLabel: categoryOf(category).label,
    photo: photoOf(article),
    card: socialImageUrlOf(article),
    html: article.rendered?.html ?? "",
  };
}

/** What an article's social image shows. */
export function socialImageOf(article: Article): SocialImageSpec {
  return {
    title: article.data.title,
    kicker: categoryOf(article.data.category).label,
    footer: formatDate(article.data.date),
  };
}

/** The address of an article's social image, named after what it shows (`spec`, urls.ts). */
export function socialImageUrlOf(article: Article, spec: SocialImageSpec = socialImageOf(article)): string {
  return socialImageUrl(article.id, socialImageKey(spec));
}
