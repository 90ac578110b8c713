/**
 * The one gateway to content: the only module that calls getCollection. It applies the
 * publishing rules once, sorts once and computes every listing once per build.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { CATEGORIES, type Category } from "../config.ts";
import { buildSiteIndex, type SiteIndex } from "./listings.ts";
import { buildTime, publishedNewestFirst } from "./publishing.ts";

/** A published article. */
export type Article = CollectionEntry<"articles">;

/** The instant this build publishes at. */
export const BUILD_TIME = buildTime();

let cached: Promise<SiteIndex<Article>> | undefined;

/** Published articles, newest first, with every listing of the site. */
export function getSite(): Promise<SiteIndex<Article>> {
  const load = async (): Promise<SiteIndex<Article>> =>
    buildSiteIndex(publishedNewestFirst(await getCollection("articles"), BUILD_TIME));
  // In dev the content changes under us: recompute on each request.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

/** The configured category with this slug. */
export function categoryOf(slug: string): Category {
  const category = CATEGORIES.find((c) => c.slug === slug);
  if (category === undefined) throw new Error(`catégorie inconnue : ${slug}`);
  return category;
}
