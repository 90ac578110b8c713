/**
 * What the links of the texts may lead to, indexed once per load from every article of the folder:
 * their slugs, their tags' pages and the dates that have an archive page. Each link is then checked
 * by a few map lookups (link-checks.ts): nothing grows with N².
 */
import { archiveParts } from "./dates.ts";
import { slugify } from "./slug.ts";

/** An article as the link checks know it. */
export interface LinkedArticle {
  slug: string;
  /** Its publication date (past or scheduled), or "draft". */
  date: Date | "draft";
  tags: readonly string[];
}

/** What links may lead to: each answer is the earliest date it exists at, or "draft" when only drafts have it. */
export interface LinkTargets {
  /** Every article of the folder by slug: its publication date, or "draft". */
  articles: ReadonlyMap<string, Date | "draft">;
  /** Every tag slug (slug.ts) by the first date an article that has it is out, or "draft". */
  tags: ReadonlyMap<string, Date | "draft">;
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

/** A link as an editor typed it in the Markdown, which writes « é » as %C3%A9 in the page. */
export function asTyped(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

const earlier = (known: Date | "draft" | undefined, date: Date | "draft"): Date | "draft" =>
  known === undefined || known === "draft" ? date : date === "draft" || known <= date ? known : date;

/** The link targets of a folder's articles. */
export function linkTargets(list: Iterable<LinkedArticle>): LinkTargets {
  const articles = new Map<string, Date | "draft">();
  const tags = new Map<string, Date | "draft">();
  const archives = new Map<string, Date>();
  for (const { slug, date, tags: labels } of list) {
    articles.set(slug, date);
    for (const tag of new Set(labels.map(slugify))) if (tag !== "") tags.set(tag, earlier(tags.get(tag), date));
    if (date === "draft") continue;
    const { year, month, day } = archiveParts(date);
    for (const key of [year, `${year}/${month}`, `${year}/${month}/${day}`]) {
      const known = archives.get(key);
      if (known === undefined || date < known) archives.set(key, date);
    }
  }
  return { articles, tags, archives };
}
