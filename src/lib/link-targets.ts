/**
 * What the links of the texts may lead to, indexed once per load from every article of the folder:
 * their slugs and the dates that have an archive page. Each link is then checked by a few map
 * lookups (link-checks.ts): nothing grows with N².
 */
import { archiveParts } from "./dates.ts";

/** An article as the link checks know it. */
export interface LinkedArticle {
  slug: string;
  /** Its publication date (past or scheduled), or "draft". */
  date: Date | "draft";
}

/** What links may lead to, by the earliest date each exists at. */
export interface LinkTargets {
  /** Every article of the folder by slug: its publication date, or "draft". */
  articles: ReadonlyMap<string, Date | "draft">;
  /** Every archive with an article ("2020", "2020/10", "2020/10/12", Paris time) by its first article's date. */
  archives: ReadonlyMap<string, Date>;
}

/** A path part as an editor wrote it (%C3%A9 as é), or as it is when it is not valid percent-encoding. */
export function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The link targets of a folder's articles. */
export function linkTargets(list: Iterable<LinkedArticle>): LinkTargets {
  const articles = new Map<string, Date | "draft">();
  const archives = new Map<string, Date>();
  for (const { slug, date } of list) {
    articles.set(slug, date);
    if (date === "draft") continue;
    const { year, month, day } = archiveParts(date);
    for (const key of [year, `${year}/${month}`, `${year}/${month}/${day}`]) {
      const known = archives.get(key);
      if (known === undefined || date < known) archives.set(key, date);
    }
  }
  return { articles, archives };
}
