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

/** Published articles, newest first (ties broken by id so every build orders them alike). */
export function publishedNewestFirst<T extends Publishable & { id: string }>(articles: readonly T[], now: Date): T[] {
  return articles
    .filter((a) => isPublished(a, now))
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/** The instant a build publishes at: BUILD_NOW (ISO 8601) when set, for reproducible builds and tests. */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env["BUILD_NOW"];
  if (fixed === undefined || fixed === "") return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new Error(`BUILD_NOW n’est pas une date ISO 8601 : « ${fixed} »`);
  return date;
}
