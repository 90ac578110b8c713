/**
 * The publishing rules, applied in exactly one place (the content gateway calls this):
 * drafts appear nowhere, and an article dated after the build is not published by it.
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

/** What a previewed article is when a build at `now` does not publish it, in French; undefined when it does. */
export function unpublishedLabel(article: Publishable, now: Date): string | undefined {
  if (article.data.draft) return "brouillon (draft: true)";
  if (article.data.date.getTime() > now.getTime()) return "programmé";
  return undefined;
}

/** Why a previewed article is not published by a build at `now`, in French; undefined when it is. */
export function unpublishedReason(article: Publishable, now: Date): string | undefined {
  const label = unpublishedLabel(article, now);
  if (label === undefined) return undefined;
  return `${label}\u00a0: ${article.data.draft ? "ce texte n’est pas publié" : "paraîtra au premier build après sa date"}`;
}

/** The instant a build publishes at: BUILD_NOW (ISO 8601) when set, for reproducible builds and tests. */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env["BUILD_NOW"];
  if (fixed === undefined || fixed === "") return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new Error(`BUILD_NOW n’est pas une date ISO 8601 : « ${fixed} »`);
  return date;
}
