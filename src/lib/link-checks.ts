/**
 * The links of an article's text to pages of this site (from its root, or with its address): an
 * article that exists and is out when the linking one appears, and its anchor if the link names one;
 * a category of src/config.ts; a tag an article out by then has; a date that has an archive page; an
 * anchor of the linking article itself. Messages are for editors, in French (article-checks.ts
 * gathers them); what links may lead to is indexed once in link-targets.ts.
 */
import { CATEGORIES, SITE } from "../config.ts";
import { anchorProblem } from "./anchor-checks.ts";
import { categorySlug } from "./article-schema.ts";
import { formatPublished, formatDayHeading, frenchMonth, isCalendarDate } from "./dates.ts";
import { sentenceStart } from "./french-grammar.ts";
import { NBSP, NNBSP, inGuillemets } from "./french-spacing.ts";
import { asTyped, type Anchors, type LinkTargets } from "./link-targets.ts";
import { isPublished } from "./publishing.ts";
import { slugify } from "./slug.ts";
import {
  archivePartsIn,
  articleSlugIn,
  articleUrl,
  categorySlugIn,
  decoded,
  tagSlugIn,
  withCategorySlug,
  withTagSlug,
} from "./urls.ts";

/** What a body's links and images are checked against. */
export interface SiteFacts extends LinkTargets {
  publicDir: string;
  /** The build's time: an article dated after it is scheduled (publishing.ts). */
  now: Date;
}

/** This site's host, www. aside: a link copied from the live site is a link to one of its pages. */
const OWN_HOST = new URL(SITE.url).host.replace(/^www\./, "");
/** An article's page, to resolve a relative link as a reader's browser would (the slug does not matter). */
const ARTICLE_PAGE = new URL(articleUrl("article"), "https://site.invalid");
/** A link that is an address on its own: a scheme, a path from the root, a fragment, a query. */
const ANCHORED_LINK = /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i;

/**
 * Why a link of the text would lead nowhere on the site, if it would; `published` is the linking
 * article's date: an article still scheduled at the build's time, and after it, has no page yet
 * when it appears (an older article may link to any article already out, of any date). `own` gives
 * the anchors of the linking article's page, for a link to one of them (« #intertitre »).
 */
export function linkProblem(
  href: string,
  site: SiteFacts,
  published: Date | undefined,
  own: () => Anchors,
): string | undefined {
  if (href === "") return undefined;
  if (href.startsWith("#") || href.startsWith("?")) return anchorProblem(href, own(), undefined);
  if (!ANCHORED_LINK.test(href)) {
    const reached = new URL(href, ARTICLE_PAGE);
    if (!reached.pathname.startsWith(ARTICLE_PAGE.pathname)) {
      // « ../cible/ » climbs out of the article's page: say where it lands from there.
      const path = reached.pathname + reached.search + reached.hash;
      return `le lien ${inGuillemets(href)} ne commence ni par / ni par https://${NBSP}: depuis la page de l’article, il mène à ${path}${NNBSP}; écrivez ${path}`;
    }
    const local = `écrivez /${href.replace(/^(?:\.\/)+/, "")} pour une page du site`;
    // « www.exemple.fr/x » is another site; « articles/x/ » a page of this one.
    const other = /^[\w-]+(?:\.[\w-]+)+(?:[/?#]|$)/.test(href) ? `, https://${href} pour un autre site` : "";
    return `le lien « ${href} » ne commence ni par / ni par https:// : il mènerait sous l’adresse de l’article ; ${local}${other}`;
  }
  const path = sitePath(href);
  if (path === undefined) return undefined;
  return (
    articleLinkProblem(href, path, site, published) ??
    categoryLinkProblem(href, path) ??
    tagLinkProblem(href, path, site, published) ??
    archiveLinkProblem(href, path, site, published)
  );
}

/** The path of a link to a page of this site, from its root or with its address (www. or not); else undefined. */
export function sitePath(href: string): string | undefined {
  if (href.startsWith("/") && !href.startsWith("//")) return href;
  if (!/^(?:https?:)?\/\//i.test(href)) return undefined;
  try {
    const url = new URL(href, SITE.url);
    return url.host.replace(/^www\./, "") === OWN_HOST ? url.pathname + url.search + url.hash : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an article dated `date` is out when one dated `published` appears: published by a build made then,
 * or already by this one, at `now` (any is out for an undated link).
 */
const outBy = (date: Date, now: Date, published: Date | undefined): boolean =>
  published === undefined || isPublished({ data: { draft: false, date } }, published > now ? published : now);

/**
 * The published article's slug most like `slug` (a link typed from memory, a title changed since), by the words they
 * share: at least half of the words of both together; undefined when none is that close.
 */
function nearestSlug(slug: string, articles: ReadonlyMap<string, Date | "draft">): string | undefined {
  const words = new Set(slug.split("-"));
  let best: { slug: string; score: number } | undefined;
  for (const [other, date] of articles) {
    if (date === "draft") continue;
    const theirs = other.split("-");
    const shared = theirs.filter((word) => words.has(word)).length;
    const score = shared / (words.size + new Set(theirs).size - shared);
    if (score >= 0.5 && (best === undefined || score > best.score)) best = { slug: other, score };
  }
  return best?.slug;
}

function articleLinkProblem(
  href: string,
  path: string,
  { articles, anchors, now }: SiteFacts,
  published: Date | undefined,
): string | undefined {
  const slug = articleSlugIn(path);
  if (slug === undefined) return undefined;
  const target = articles.get(decoded(slug));
  if (target === undefined) {
    const near = nearestSlug(decoded(slug), articles);
    return `le lien « ${href} » mène à un article qui n’existe pas (aucun fichier ${slug}.md)${near === undefined ? "" : ` ; vouliez-vous dire ${articleUrl(near)} ?`}`;
  }
  if (target === "draft") return `le lien « ${href} » mène à un brouillon (draft: true), qui n’est pas publié`;
  if (published === undefined || outBy(target, now, published)) {
    const page = anchors(decoded(slug));
    return page === undefined ? undefined : anchorProblem(href, page, articleUrl(decoded(slug)));
  }
  return `le lien « ${href} » mène à un article programmé pour le ${formatPublished(target)}, après celui-ci (${formatPublished(published)}) : ses lecteurs tomberaient sur une page introuvable jusque-là ; retirez le lien, ou datez cet article au plus tôt le ${formatPublished(target)}`;
}

/** A link to /categorie/<slug>/ (its later pages, its feed) names a category of src/config.ts. */
function categoryLinkProblem(href: string, path: string): string | undefined {
  const name = categorySlugIn(path);
  if (name === undefined || CATEGORIES.some((c) => c.slug === name)) return undefined;
  const meant = categorySlug(decoded(name));
  const fix =
    meant === undefined
      ? `les rubriques sont ${CATEGORIES.map((c) => c.slug).join(", ")}`
      : `écrivez ${withCategorySlug(path, meant)}`;
  return `le lien ${inGuillemets(href)} mène à une rubrique qui n’existe pas${NBSP}: ${fix}`;
}

/** How a tag's address is made, for an editor who wrote one that leads nowhere. */
const TAG_ADDRESS = `l’adresse d’une étiquette est son nom tel qu’un article l’écrit dans tags, en minuscules, sans accents, mots séparés par des tirets (${inGuillemets("Paiement mobile")}${NBSP}: /tag/paiement-mobile/)`;

/**
 * A link to /tag/<slug>/ (its later pages) needs an article with that tag out when the linking one
 * appears: only tags of published articles have a page (listings.ts, tags by their slug.ts slug).
 */
function tagLinkProblem(
  href: string,
  path: string,
  { tags, now }: SiteFacts,
  published: Date | undefined,
): string | undefined {
  const written = tagSlugIn(path);
  if (written === undefined) return undefined;
  const name = decoded(written);
  const first = tags.get(name);
  if (first instanceof Date && outBy(first, now, published)) return undefined;
  const link = `le lien ${inGuillemets(asTyped(href))} mène à une étiquette`;
  if (first instanceof Date && published !== undefined) {
    return `${link} dont les articles sont tous programmés après celui-ci (${formatPublished(published)}), le premier pour le ${formatPublished(first)}${NBSP}: ses lecteurs tomberaient sur une page introuvable jusque-là${NNBSP}; retirez le lien, ou datez cet article au plus tôt le ${formatPublished(first)}`;
  }
  if (first === "draft") {
    return `${link} que seuls des brouillons (draft: true) portent${NBSP}: sa page n’existe pas tant qu’aucun article publié ne la porte${NNBSP}; retirez le lien`;
  }
  const out = (slug: string): boolean => {
    const date = tags.get(slug);
    return date instanceof Date && outBy(date, now, published);
  };
  const meant = slugify(name);
  if (meant !== name && out(meant)) {
    return `le lien ${inGuillemets(asTyped(href))} mène à une page d’étiquette qui n’existe pas${NBSP}: écrivez ${withTagSlug(path, meant)} (l’adresse d’une étiquette est en minuscules, sans accents, mots séparés par des tirets)`;
  }
  // « /tag/paiement/ » for « paiement-mobile », or the reverse: the tags whose words hold the link's.
  const words = `-${meant}-`;
  const near = [...tags.keys()]
    .filter((slug) => (`-${slug}-`.includes(words) || words.includes(`-${slug}-`)) && out(slug))
    .slice(0, 3)
    .map((slug) => withTagSlug(path, slug));
  const fix =
    meant === "" || near.length === 0
      ? TAG_ADDRESS
      : `vouliez-vous dire ${near.join(" ou ")}${NBSP}? ${sentenceStart(TAG_ADDRESS)}`;
  return `${link} qu’aucun article publié ne porte${NBSP}: ${fix}`;
}

/**
 * A link to a date's archive (/2020/, /2020/10/, /2020/10/12/, Paris time) needs an article of that
 * date out when the linking one appears: only dates that have articles have a page.
 */
function archiveLinkProblem(
  href: string,
  path: string,
  { archives, now }: SiteFacts,
  published: Date | undefined,
): string | undefined {
  const archive = archivePartsIn(path);
  if (archive === undefined) return undefined;
  const { year, month, day } = archive;
  const first = archives.get([year, month, day].filter((part) => part !== undefined).join("/"));
  if (first !== undefined && outBy(first, now, published)) return undefined;
  const m = Number(month);
  // « /2020/10/40/ »: no such day, which « le 40 octobre 2020 » would not say.
  const impossible = !isCalendarDate(Number(year), m, day === undefined ? 1 : Number(day));
  const period =
    month === undefined
      ? `en ${year}`
      : impossible
        ? `à cette date, qui n’existe pas`
        : day === undefined
          ? `en ${frenchMonth(m)} ${year}`
          : `le ${formatDayHeading(Number(year), m, Number(day))}`;
  const page = `le lien ${inGuillemets(href)} mène à une page d’archives`;
  return first === undefined || published === undefined
    ? `${page} qui n’existe pas${NBSP}: aucun article n’est publié ${period} (seules les dates qui ont des articles ont une page)`
    : `${page} qui n’existera pas encore quand celui-ci paraîtra (${formatPublished(published)})${NBSP}: les articles publiés ${period} sont programmés après celui-ci`;
}
