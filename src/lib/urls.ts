/** Every URL of the site is built here, with French paths and a trailing slash. */
import { SITE } from "../config.ts";
import { archiveParts } from "./dates.ts";
import { decoded, slugify } from "./slug.ts";

const paged = (base: string, page: number): string => (page <= 1 ? base : `${base}${page}/`);

/** Home, or one of its later pages: "/", "/page/2/". */
export const homeUrl = (page = 1): string => (page <= 1 ? "/" : `/page/${page}/`);
/** "/articles/<slug>/". */
export const articleUrl = (slug: string): string => `/articles/${slug}/`;
/** An address of an article's page: "/articles/<slug>/", the last slash, a #fragment or a query optional. */
const ARTICLE_PATH = /^\/articles\/([^/?#]+)\/?(?:[?#].*)?$/;
/** The slug (as written, not decoded) of the article whose page `path` is; undefined for any other address. */
export const articleSlugIn = (path: string): string | undefined => ARTICLE_PATH.exec(path)?.[1];
/** "/categorie/". */
export const categoriesUrl = (): string => "/categorie/";
/** "/categorie/<slug>/", "/categorie/<slug>/2/". */
export const categoryUrl = (slug: string, page = 1): string => paged(`/categorie/${slug}/`, page);
/** An address of a category's pages: "/categorie/<slug>/", its later pages, its feed. */
const CATEGORY_PATH = /^(\/categorie\/)([^/?#]+)(?=(?:[/?#].*)?$)/;
/** The slug (as written, not decoded) of the category whose page or feed `path` is; undefined for any other address. */
export const categorySlugIn = (path: string): string | undefined => CATEGORY_PATH.exec(path)?.[2];
/** The same page of another category: "/categorie/tek/2/" → "/categorie/tech/2/". */
export const withCategorySlug = (path: string, slug: string): string =>
  path.replace(CATEGORY_PATH, (_match, start: string) => `${start}${slug}`);
/**
 * The listing a page asks for by its number ("/page/3/", "/categorie/x/2/", "/tag/x/1/"): the listing's own
 * address, where its page 1 lives, and the number. Undefined for any other address.
 */
export function numberedPage(pathname: string): { listing: string; page: number } | undefined {
  const numbered = /^\/(?:page|(categorie|tag)\/([^/]+))\/(\d+)\/?$/.exec(pathname);
  if (numbered === null) return undefined;
  const [, kind, slug = "", page = ""] = numbered;
  const listing = kind === undefined ? homeUrl() : kind === "tag" ? tagUrl(slug) : categoryUrl(slug);
  return { listing, page: Number(page) };
}

/** The listing whose first page an address asks for by its number ("/page/1/"): the listing's own address. */
export function firstPageAddress(pathname: string): string | undefined {
  const numbered = numberedPage(pathname);
  return numbered?.page === 1 ? numbered.listing : undefined;
}
/** "/tag/". */
export const tagsUrl = (): string => "/tag/";
/** "/tag/<slug>/", "/tag/<slug>/2/". */
export const tagUrl = (slug: string, page = 1): string => paged(`/tag/${slug}/`, page);
/** The page of a tag as an article names it (« Réseaux sociaux » → "/tag/reseaux-sociaux/"). */
export const tagUrlOf = (label: string): string => tagUrl(slugify(label));
/** An address of a tag's pages: "/tag/<slug>/", its later pages. */
const TAG_PATH = /^(\/tag\/)([^/?#]+)(?=(?:[/?#].*)?$)/;
/** The slug (as written, not decoded) of the tag whose page `path` is; undefined for any other address. */
export const tagSlugIn = (path: string): string | undefined => TAG_PATH.exec(path)?.[2];
/** The same page of another tag: "/tag/IA/2/" → "/tag/ia/2/". */
export const withTagSlug = (path: string, slug: string): string =>
  path.replace(TAG_PATH, (_match, start: string) => `${start}${slug}`);
/** "/2020/". */
export const yearUrl = (year: string): string => `/${year}/`;
/** "/2020/10/". */
export const monthUrl = (year: string, month: string): string => `/${year}/${month}/`;
/** "/2020/10/12/". */
export const dayUrl = (year: string, month: string, day: string): string => `/${year}/${month}/${day}/`;
/** "/archives/": every year and month that has articles. */
export const archivesUrl = (): string => "/archives/";
/** A date's archive: /2020/, /2020/10/, /2020/10/12/ (the last slash, a #fragment or a query optional). */
const ARCHIVE_PATH = /^\/(\d{4})(?:\/(\d{2})(?:\/(\d{2}))?)?\/?(?:[?#].*)?$/;
/** The year, month and day (as written) of the archive whose page `path` is; undefined for any other address. */
export function archivePartsIn(
  path: string,
): { year: string; month: string | undefined; day: string | undefined } | undefined {
  const match = ARCHIVE_PATH.exec(path);
  return match?.[1] === undefined ? undefined : { year: match[1], month: match[2], day: match[3] };
}
/** Whether `url` (a path or an absolute URL of the site) is a day archive: "/2020/10/12/". */
export const isDayUrl = (url: string): boolean => archivePartsIn(new URL(url, SITE.url).pathname)?.day !== undefined;
/** The day archive an instant belongs to, in Paris time. */
export function dayUrlOf(date: Date): string {
  const { year, month, day } = archiveParts(date);
  return dayUrl(year, month, day);
}

/** The page that lists the feeds and says how to follow one; "/flux-rss/#flux-<name>" points at one of them. */
export const feedsUrl = (feed?: string): string => (feed === undefined ? "/flux-rss/" : `/flux-rss/#flux-${feed}`);
/** The site's RSS feed. */
export const feedUrl = (): string => "/rss.xml";
/** A category's RSS feed: "/categorie/<slug>/rss.xml". */
export const categoryFeedUrl = (slug: string): string => `/categorie/${slug}/rss.xml`;
/** The folder of the drawn social cards (1200×630 PNGs): the site's own and each article's. */
export const SOCIAL_IMAGE_FOLDER = "/og";

/**
 * The social image of an article: "/og/<slug>-<key>.png", `key` naming what it shows (social-image.ts's
 * socialImageKey, 8 hex digits kept): a corrected title gets a new address, which networks fetch
 * again, where they keep the image of an address they know (Facebook, X, LinkedIn, Slack).
 */
export const socialImageUrl = (slug: string, key: string): string =>
  `${SOCIAL_IMAGE_FOLDER}/${slug}-${key.slice(0, 8)}.png`;

/** Whether `path` is a drawn social card (not an editor's photo). */
export const isSocialCard = (path: string): boolean => path.startsWith(`${SOCIAL_IMAGE_FOLDER}/`);
/**
 * The site's logo, a square PNG drawn from public/favicon.svg (src/pages/logo.png.ts): the feeds' and the
 * JSON-LD publisher's image, which want a bitmap, and the icon a phone puts on its home screen.
 */
export const LOGO = { path: "/logo.png", size: 144 } as const;

/** The site's default social image. */
export const siteImageUrl = (): string => `${SOCIAL_IMAGE_FOLDER}/digimedia.png`;

// The search page's addresses live in plain code that its script can import.
export { SEARCH_INDEX_FOLDER, searchUrl } from "./search-urls.ts";

export const aboutUrl = (): string => "/a-propos/";
export const legalUrl = (): string => "/mentions-legales/";
export const privacyUrl = (): string => "/confidentialite/";
export const newsletterUrl = (): string => "/newsletter/";

/** Absolute URL on the public site, for canonical links and feeds. */
export function absoluteUrl(path: string, base: string = SITE.url): string {
  return new URL(path, base).href;
}

/** A telephone number as a link (tel:), in its international form: « 01 23 45 67 89 » is tel:+33123456789. */
export function telUrl(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  return `tel:${digits.startsWith("+") ? digits : digits.replace(/^0/, "+33")}`;
}

/** A mail to the publisher asking to be unsubscribed, for readers whose links do not work. */
export const unsubscribeByMailUrl = (): string =>
  `mailto:${SITE.publisher.email}?subject=${encodeURIComponent("Désinscription de la newsletter")}`;

// In slug.ts, which imports no settings: the 404 page's script reads its address with it too.
export { decoded } from "./slug.ts";

/**
 * The path an address of the site names in public/ or dist/: without its query or fragment, decoded (« /images/Petite%20Photo.jpg »
 * is « /images/Petite Photo.jpg »), as written when it is not valid percent-encoding (« /images/50%off.jpg »).
 */
export function addressPath(address: string): string {
  return decoded(address.split(/[?#]/)[0] ?? "");
}
