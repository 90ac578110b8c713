/**
 * The publishing rules, written once: drafts appear nowhere, and an article dated after the build is not
 * published by it. The content gateway (articles.ts) applies them to the pages; the articles' loader (what it
 * checks and announces) and the sitemap (lastmod of listings, from the files) read them here too.
 */

/** What the rules need to know of an article. */
export interface Publishable {
  data: { draft: boolean; date: Date };
}

/** True when the article is neither a draft nor dated after `now`. */
export function isPublished(article: Publishable, now: Date): boolean {
  return !article.data.draft && article.data.date.getTime() <= now.getTime();
}

/** Newest first, ties broken by id so every build orders them alike. */
const newestFirst = (a: Publishable & { id: string }, b: Publishable & { id: string }): number =>
  b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);

/** Published articles, newest first. */
export function publishedNewestFirst<T extends Publishable & { id: string }>(articles: readonly T[], now: Date): T[] {
  return articles.filter((a) => isPublished(a, now)).sort(newestFirst);
}

/**
 * Every article, drafts and scheduled ones included, newest first: what `astro dev` lists, so that an
 * editor previews an article before publishing it (its page says it is not published).
 */
export function previewNewestFirst<T extends Publishable & { id: string }>(articles: readonly T[]): T[] {
  return [...articles].sort(newestFirst);
}

/** True when the article is no draft but dated after `now`: a later build publishes it. */
export function isScheduled(article: Publishable, now: Date): boolean {
  return !article.data.draft && !isPublished(article, now);
}

/** What a previewed article is when a build at `now` does not publish it, in French; undefined when it does. */
export function unpublishedLabel(article: Publishable, now: Date): string | undefined {
  if (isPublished(article, now)) return undefined;
  return article.data.draft ? "brouillon (draft: true)" : "programmé";
}

/** Why a previewed article is not published by a build at `now`, in French; undefined when it is. */
export function unpublishedReason(article: Publishable, now: Date): string | undefined {
  const label = unpublishedLabel(article, now);
  if (label === undefined) return undefined;
  return `${label}\u00a0: ${article.data.draft ? "ce texte n’est pas publié" : "paraîtra au premier build après sa date"}`;
}

/**
 * The instant a build publishes at: BUILD_NOW (ISO 8601) when set, for reproducible builds and tests;
 * else the present (astro dev, astro sync). A build sets it first (fixBuildTime).
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env["BUILD_NOW"];
  if (fixed === undefined || fixed === "") return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new Error(`BUILD_NOW n’est pas une date ISO 8601 : « ${fixed} »`);
  return date;
}

/**
 * Makes the build's instant one for the whole build: BUILD_NOW when set, else the present, written to
 * BUILD_NOW for every later buildTime() of the process. Each reader (the sitemap's filter, the content
 * loader, the pages) used to take the present on its own: an article due during a build was published
 * by its pages, left out of the sitemap, and called « programmé » by the loader.
 */
export function fixBuildTime(env: Record<string, string | undefined> = process.env): Date {
  const now = buildTime(env);
  if (env["BUILD_NOW"] === undefined || env["BUILD_NOW"] === "") env["BUILD_NOW"] = now.toISOString();
  return now;
}
