/**
 * What the links of the texts may lead to, indexed once per load from every article of the folder:
 * their slugs, their tags' pages, the dates that have an archive page, the anchors of their pages.
 * Each link is then checked by a few map lookups (link-checks.ts): nothing grows with N².
 */
import { archiveParts } from "./dates.ts";
import { attributeUrl, startTags, type HtmlTag } from "./html-tags.ts";
import { slugify } from "./slug.ts";

/** An article as the link checks know it. */
export interface LinkedArticle {
  slug: string;
  /** Its publication date (past or scheduled), or "draft". */
  date: Date | "draft";
  tags: readonly string[];
  /** Its text as rendered; undefined when it was not. */
  html: string | undefined;
}

/** The ids of a page, and those of its text's headings in order (the anchors an editor links to). */
export interface Anchors {
  ids: ReadonlySet<string>;
  headings: readonly string[];
}

/** What links may lead to: each answer is the earliest date it exists at, or "draft" when only drafts have it. */
export interface LinkTargets {
  /** Every article of the folder by slug: its publication date, or "draft". */
  articles: ReadonlyMap<string, Date | "draft">;
  /** Every tag slug (slug.ts) by the first date an article that has it is out, or "draft". */
  tags: ReadonlyMap<string, Date | "draft">;
  /** Every archive with an article ("2020", "2020/10", "2020/10/12", Paris time) by its first article's date. */
  archives: ReadonlyMap<string, Date>;
  /** The anchors of an article's page, by its slug; undefined without one or without its rendered text. */
  anchors: (slug: string) => Anchors | undefined;
}

/**
 * Ids every article's page has around its text, an editor may link to: the main content (DocumentLayout)
 * and the newsletter box (NewsletterBox). A build test checks that an article's page has them.
 */
const PAGE_IDS: readonly string[] = ["contenu", "newsletter"];

/** The id of the « Notes » heading remark-rehype gives the footnotes: not one of the editor's headings. */
const FOOTNOTES_HEADING = "footnote-label";
const HEADING = /^h[1-6]$/;

/** The anchors of an article's page whose text has `tags` (html-tags.ts): its text's ids, with `<a name>`, and PAGE_IDS. */
export function anchorsIn(tags: readonly HtmlTag[]): Anchors {
  const ids = new Set(PAGE_IDS);
  const headings: string[] = [];
  for (const { name, attributes } of tags) {
    for (const { name: attribute, value } of attributes) {
      if (value === undefined || value === "" || !(attribute === "id" || (name === "a" && attribute === "name")))
        continue;
      const id = attributeUrl(value);
      ids.add(id);
      if (attribute === "id" && HEADING.test(name) && id !== FOOTNOTES_HEADING) headings.push(id);
    }
  }
  return { ids, headings };
}

/** A link as an editor typed it in the Markdown, which writes « é » as %C3%A9 in the page. */
export function asTyped(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** The first of two dates an article is out at, a date before "draft" (never out). */
const earlier = (known: Date | "draft" | undefined, date: Date | "draft"): Date | "draft" =>
  known === undefined || known === "draft" ? date : date === "draft" || known <= date ? known : date;

/** The link targets of a folder's articles; each text is read for its anchors only when a link asks for them. */
export function linkTargets(list: Iterable<LinkedArticle>): LinkTargets {
  const articles = new Map<string, Date | "draft">();
  const tags = new Map<string, Date | "draft">();
  const archives = new Map<string, Date>();
  const texts = new Map<string, string>();
  for (const { slug, date, tags: labels, html } of list) {
    articles.set(slug, date);
    if (html !== undefined) texts.set(slug, html);
    for (const tag of new Set(labels.map(slugify))) if (tag !== "") tags.set(tag, earlier(tags.get(tag), date));
    if (date === "draft") continue;
    const { year, month, day } = archiveParts(date);
    for (const key of [year, `${year}/${month}`, `${year}/${month}/${day}`]) {
      const known = archives.get(key);
      if (known === undefined || date < known) archives.set(key, date);
    }
  }
  const read = new Map<string, Anchors>();
  const anchors = (slug: string): Anchors | undefined => {
    const known = read.get(slug);
    if (known !== undefined) return known;
    const html = texts.get(slug);
    if (html === undefined) return undefined;
    const found = anchorsIn(startTags(html));
    read.set(slug, found);
    return found;
  };
  return { articles, tags, archives, anchors };
}
