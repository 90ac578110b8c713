/**
 * The links of the articles a build publishes to pages of this site, kept from the content's loading
 * (articles-loader.ts) for the end of the build (src/integrations/site-links.ts): the texts' checks
 * (link-checks.ts) know articles, rubriques, tags and date archives before anything is built; only the
 * built site knows every page and file (« /a-propos/ », « /page/9/ », « /categorie/tech/rss.xml »,
 * a file of public/). One list per process, on globalThis: the loader runs in Astro's module graph, the
 * integration in astro.config's.
 */

/** A link of an article's text to this site: the article's file as shown, the link as written, its path. */
export interface SiteLink {
  file: string;
  href: string;
  /** From the site's root, query and fragment kept (sitePath, link-checks.ts). */
  path: string;
}

const KEY = Symbol.for("digimedia.site-links");
type Holder = Record<typeof KEY, readonly SiteLink[] | undefined>;

/** Replaces the list with the links of the articles this load publishes. */
export function recordSiteLinks(links: readonly SiteLink[]): void {
  (globalThis as unknown as Holder)[KEY] = links;
}

/** The links the last load recorded (none before any). */
export function recordedSiteLinks(): readonly SiteLink[] {
  return (globalThis as unknown as Holder)[KEY] ?? [];
}
