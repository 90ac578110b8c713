/**
 * Checks of an article beyond its front matter's schema: its image files, and its text as
 * rendered. Each answers the problems an editor must fix, in French, as { field, message }.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CATEGORIES, SITE } from "../config.ts";
import { categorySlug } from "./article-schema.ts";
import { archiveParts, formatDate, formatDateTime, formatDayHeading, frenchMonth } from "./dates.ts";
import { NBSP, NNBSP } from "./french-spacing.ts";
import { IMAGE_TYPES, imageType } from "./image-types.ts";
import { srcsetCandidates, startTags, type HtmlAttribute } from "./html-tags.ts";

/** The first sentence of the body `npm run new` writes, to be replaced before publication. */
export const TEMPLATE_BODY = "Le texte de l’article, en Markdown.";

/** « text », with the narrow no-break spaces French puts inside guillemets (messages are French prose). */
const quote = (text: string): string => `«${NNBSP}${text}${NNBSP}»`;

/** A problem of one field ("texte" for the body). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What is wrong with an image address, if anything: it must name a file of public/ of a type the
 * site serves (image-types.ts: a page announces it, the server sends it with that type). An outside
 * address (https://) is refused: the site loads only its own images (the reader's privacy, and
 * the Content-Security-Policy's img-src 'self' would block it).
 */
export function imageFileProblem(image: string, publicDir: string): string | undefined {
  return addressProblem(image) ?? imageTypeProblem(image) ?? missingFileProblem(image, publicDir);
}

/** The same for a video's or a sound's file (<video src>, <source src>): any type, the server sends it. */
function mediaFileProblem(address: string, publicDir: string): string | undefined {
  return addressProblem(address) ?? missingFileProblem(address, publicDir);
}

function addressProblem(address: string): string | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(address)) {
    return `« ${address} » est une adresse externe : le site ne charge que ses propres images ; enregistrez l’image dans public/images/ et écrivez /images/nom-du-fichier.jpg`;
  }
  if (!address.startsWith("/")) {
    return `« ${address} » doit commencer par / : un fichier de public/, ex. /images/photo.jpg`;
  }
  return undefined;
}

function imageTypeProblem(image: string): string | undefined {
  if (imageType(image) !== undefined) return undefined;
  const extension = /\.[a-z0-9]+$/i.exec(image.split(/[?#]/)[0] ?? "")?.[0] ?? "sans extension";
  return `${quote(image)} (${extension}) n’est pas un format d’image que le site sert (formats servis${NBSP}: ${Object.keys(IMAGE_TYPES).join(", ")})${NNBSP}; convertissez l’image, en .jpg ou .webp par exemple`;
}

function missingFileProblem(address: string, publicDir: string): string | undefined {
  const file = join(publicDir, decodeURIComponent(address.split(/[?#]/)[0] ?? ""));
  return existsSync(file) ? undefined : `fichier introuvable : public${address} (les images vont dans public/)`;
}

/** Comments, and elements whose content a reader does not see as text. */
const UNSEEN = /<!--[\s\S]*?-->|<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<\/?[a-zA-Z][^>]*>/g;
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', nbsp: NBSP };

/** The text of rendered HTML as a reader sees it: no comments nor tags, entities decoded. */
function readerText(html: string): string {
  return html
    .replace(UNSEEN, "")
    .replace(TAG, "")
    .replace(ENTITY, (entity, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
      const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
}

/** An element that shows a reader something without text (the forbidden ones are refused on their own). */
const PICTURE = /<(?:img|picture|svg|video|audio|iframe|object|embed)\b/i;

/** Rendered HTML with no text nor picture for a reader: only comments, link definitions, empty elements. */
function showsNothing(html: string): boolean {
  return readerText(html).trim() === "" && !PICTURE.test(html.replace(UNSEEN, ""));
}

/** Elements shown as typed (code): neither the quotation marks nor the Markdown of the text apply there. */
const VERBATIM = /<(pre|code|kbd|samp)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Tags that end a paragraph of text: a paragraph, an item, a heading, a cell, a quotation… */
const BLOCK =
  /<\/?(?:address|article|aside|blockquote|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;
const BLOCK_END = "\u2029";

/** The paragraphs (items, headings, cells) of rendered HTML as a reader sees them, code left out. */
function proseBlocks(html: string): string[] {
  return readerText(html.replace(UNSEEN, "").replace(VERBATIM, " ").replace(BLOCK, BLOCK_END))
    .split(BLOCK_END)
    .map((text) => text.replace(/[ \t\r\n]+/g, " ").trim())
    .filter((text) => text !== "");
}

/** The words of `text` from `before` characters before `at` to 40 after `end`, to show an editor where something is. */
function around(text: string, at: number, end = at + 1, before = 40): string {
  const space = text.indexOf(" ", at - before);
  const from = at <= before ? 0 : space === -1 || space >= at ? at : space + 1;
  const stop = end + 40 >= text.length ? text.length : Math.max(end, text.lastIndexOf(" ", end + 40));
  return `${from > 0 ? "…" : ""}${text.slice(from, stop)}${stop < text.length ? "…" : ""}`;
}

/**
 * Quotation marks of a paragraph that do not pair: a « no » closes (a " left open) or a » no «
 * opens. A quotation does not run over paragraphs: smartypants pairs the quotes of one only.
 */
function quotationProblems(text: string): string[] {
  const open: number[] = [];
  const problems: string[] = [];
  for (const { 0: mark, index } of text.matchAll(/[«»]/g)) {
    if (mark === "«") open.push(index);
    else if (open.pop() === undefined) {
      problems.push(
        `guillemet fermant sans citation ouverte dans ${quote(around(text, index))}${NBSP}: aucun « ne l’ouvre dans son paragraphe${NNBSP}; écrivez le guillemet droit " qui ouvre la citation avant ses premiers mots, ou retirez le »`,
      );
    }
  }
  for (const index of open) {
    problems.push(
      `citation non fermée dans ${quote(around(text, index))}${NBSP}: aucun » ne ferme son « dans le paragraphe${NNBSP}; écrivez le guillemet droit " qui la ferme après ses derniers mots (une citation sur plusieurs paragraphes se ferme à la fin de chacun)`,
    );
  }
  return problems;
}

const FOOTNOTE_CALL = /\[\^[^\]\s]*\]/g;
const REFERENCE_LINK = /\[([^\][]*)\]\[([^\][]*)\]/g;
/** An inline link that did not become one: "[texte](" with the words after it. */
const OPEN_LINK = /\[[^\][]*\]\(/g;

/** Markdown the processor did not resolve, left as typed in the text: a note, a link. */
function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [call] of text.matchAll(FOOTNOTE_CALL)) {
    problems.push(
      `l’appel de note ${quote(call)} n’a pas de note${NBSP}: écrivez-la sur une ligne à part, après le paragraphe, ${call}: Le texte de la note.`,
    );
  }
  const rest = text.replace(FOOTNOTE_CALL, (call) => " ".repeat(call.length));
  for (const [link, words = "", name = ""] of rest.matchAll(REFERENCE_LINK)) {
    const label = name === "" ? words : name;
    problems.push(
      `le lien ${quote(link)} renvoie à [${label}], que rien ne définit${NBSP}: ajoutez sur une ligne à part [${label}]: https://…, ou écrivez le lien en entier, [${words}](https://…)`,
    );
  }
  for (const { 0: start, index } of rest.matchAll(OPEN_LINK)) {
    problems.push(
      `le lien ${quote(around(text, index, index + start.length, 0).replace(/^…/, ""))} n’a pas été lu comme un lien${NBSP}: fermez la parenthèse juste après l’adresse, et écrivez %20 pour une espace dans l’adresse, comme [texte](https://exemple.fr/une%20page)`,
    );
  }
  return problems;
}

/** What Astro rendered of a body. */
export interface RenderedBody {
  html: string;
  headings: readonly { depth: number; text: string }[];
  /** Images written with a path relative to the article file (Astro would look for them beside it). */
  localImagePaths?: readonly string[] | undefined;
}

/** What a body's links and images are checked against. */
export interface SiteFacts {
  publicDir: string;
  /** Every article of the folder by slug: its publication date (past or scheduled), or "draft". */
  articles: ReadonlyMap<string, Date | "draft">;
  /** The build's time: an article dated after it is scheduled (publishing.ts). */
  now: Date;
}

/** Where an article's page is: /articles/<slug>/ (with or without the last slash, a #fragment or a query). */
const ARTICLE_LINK = /^\/articles\/([^/?#]+)\/?(?:[?#].*)?$/;
/** A category's pages: /categorie/<slug>/, its later pages, its feed. */
const CATEGORY_LINK = /^\/categorie\/([^/?#]+)(?:[/?#].*)?$/;
/** A date's archive: /2020/, /2020/10/, /2020/10/12/. */
const ARCHIVE_LINK = /^\/(\d{4})(?:\/(\d{2})(?:\/(\d{2}))?)?\/?(?:[?#].*)?$/;
/** This site's host, www. aside: a link copied from the live site is a link to one of its pages. */
const OWN_HOST = new URL(SITE.url).host.replace(/^www\./, "");
/** An article's page, to resolve a relative link as a reader's browser would (the slug does not matter). */
const ARTICLE_PAGE = new URL("https://site.invalid/articles/article/");
/** A link that is an address on its own: a scheme, a path from the root, a fragment, a query. */
const ANCHORED_LINK = /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i;

/** Elements a body may not hold: the CSP blocks them, or they would be a page inside the page. */
const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "style",
  "object",
  "embed",
  "frame",
  "frameset",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "link",
  "meta",
  "base",
]);
/** Attributes that load an image (or a video's poster) into the page. */
const IMAGE_ATTRIBUTES = new Set(["src", "srcset", "poster"]);
const IMAGE_ELEMENTS = new Set(["img", "source", "video", "picture", "input"]);

/**
 * Problems of a published article's text: `body` as written, `html` as rendered (raw HTML the
 * editor typed is in it as such; code blocks are escaped), `headings` as Astro collected them.
 */
export function bodyProblems(
  body: string,
  rendered: RenderedBody,
  site: SiteFacts,
  published: Date | undefined,
): FieldProblem[] {
  const { html, headings, localImagePaths = [] } = rendered;
  const { publicDir } = site;
  const problems: FieldProblem[] = [];
  const say = (message: string): void => {
    problems.push({ field: "texte", message });
  };
  if (body.trim() === "") say("le texte de l’article est vide : écrivez-le sous le front matter (après la ligne ---)");
  else if (showsNothing(html)) {
    say(
      `le texte de l’article ne montre rien aux lecteurs (des commentaires <!-- … -->, des définitions de liens ou des balises vides)${NBSP}: écrivez-le sous le front matter (après la ligne ---)`,
    );
  } else if (body.includes(TEMPLATE_BODY)) say("le texte est encore celui du modèle de npm run new : remplacez-le");
  for (const heading of headings.filter((h) => h.depth === 1)) {
    say(
      `l’intertitre « # ${heading.text} » ferait un second titre principal : le titre vient de title ; commencez les intertitres par ## (« ## ${heading.text} »)`,
    );
  }
  const tags = startTags(html);
  for (const element of new Set(tags.map((t) => t.name).filter((name) => FORBIDDEN_ELEMENTS.has(name)))) {
    say(
      `l’élément HTML <${element}> n’est pas permis dans le texte : la politique de sécurité du site le bloquerait ; pour une vidéo ou un document, mettez un lien`,
    );
  }
  for (const { name, attributes } of tags) {
    if (name === "img") {
      const problem = altProblem(attributes);
      if (problem !== undefined) say(problem);
    }
    for (const { name: attribute, value = "" } of attributes) {
      if (attribute.startsWith("on")) {
        say(
          `l’attribut ${attribute}= n’est pas permis dans le texte : le site n’exécute aucun script venu d’un article`,
        );
      } else if ((attribute === "href" || attribute === "src") && /^\s*javascript:/i.test(value)) {
        say(
          "une adresse javascript: n’est pas permise dans le texte : le site n’exécute aucun script venu d’un article",
        );
      } else if (name === "a" && attribute === "href") {
        const problem = linkProblem(value.replace(/&amp;/g, "&"), site, published);
        if (problem !== undefined) say(problem);
      } else if (IMAGE_ELEMENTS.has(name) && IMAGE_ATTRIBUTES.has(attribute)) {
        const urls = attribute === "srcset" ? srcsetCandidates(value).map((c) => c.url) : [value];
        for (const url of urls.filter((u) => u !== "")) {
          // A video's or a sound's own file may be of any type; its poster and the candidates of a srcset are images.
          const check = attribute === "src" && name !== "img" ? mediaFileProblem : imageFileProblem;
          const problem = check(url.replace(/&amp;/g, "&"), publicDir);
          if (problem !== undefined) say(`image ${problem}`);
        }
      }
    }
  }
  for (const text of proseBlocks(html)) {
    for (const problem of [...quotationProblems(text), ...markdownProblems(text)]) say(problem);
  }
  // Astro turns an image written beside the article (« images/x.png ») into an import, and fails later in English.
  for (const path of localImagePaths) {
    const problem = imageFileProblem(path, publicDir);
    if (problem !== undefined) say(`image ${problem}`);
  }
  return problems;
}

/**
 * Why an <img> of the text lacks the text a screen reader reads in its place, as `imageAlt` for
 * `image`: Markdown's ![](…) writes alt="", an HTML <img> may have no alt at all.
 */
function altProblem(attributes: readonly HtmlAttribute[]): string | undefined {
  // An image Astro took for a file beside the article: refused through localImagePaths, its alt is elsewhere.
  if (attributes.some((a) => a.name === "__astro_image_")) return undefined;
  const alt = attributes.find((a) => a.name === "alt");
  if (alt !== undefined && (alt.value ?? "").trim() !== "") return undefined;
  const src = attributes.find((a) => a.name === "src")?.value?.replace(/&amp;/g, "&") ?? "";
  const html = `<img src="${src}" alt="Ce que montre l’image">`;
  const how =
    alt === undefined
      ? `ajoutez à sa balise ce qu’elle montre, ${html}`
      : `écrivez ce qu’elle montre entre les crochets, ![Ce que montre l’image](${src}), ou dans une balise, ${html}`;
  return `l’image${src === "" ? "" : ` ${quote(src)}`} n’a pas de texte alternatif (les lecteurs d’écran le lisent à sa place)${NBSP}: ${how}`;
}

/**
 * Why a link of the text would lead nowhere on the site, if it would; `published` is the linking
 * article's date: an article still scheduled at the build's time, and after it, has no page yet
 * when it appears (an older article may link to any article already out, of any date).
 */
function linkProblem(href: string, site: SiteFacts, published: Date | undefined): string | undefined {
  if (href === "" || href.startsWith("#")) return undefined;
  if (!ANCHORED_LINK.test(href)) {
    const reached = new URL(href, ARTICLE_PAGE);
    if (!reached.pathname.startsWith(ARTICLE_PAGE.pathname)) {
      // « ../cible/ » climbs out of the article's page: say where it lands from there.
      const path = reached.pathname + reached.search + reached.hash;
      return `le lien ${quote(href)} ne commence ni par / ni par https://${NBSP}: depuis la page de l’article, il mène à ${path}${NNBSP}; écrivez ${path}`;
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
    archiveLinkProblem(href, path, site, published)
  );
}

/** The path of a link to a page of this site, from its root or with its address (www. or not); else undefined. */
function sitePath(href: string): string | undefined {
  if (href.startsWith("/") && !href.startsWith("//")) return href;
  if (!/^(?:https?:)?\/\//i.test(href)) return undefined;
  try {
    const url = new URL(href, SITE.url);
    return url.host.replace(/^www\./, "") === OWN_HOST ? url.pathname + url.search + url.hash : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an article dated `date` is out when one dated `published` appears (or already, at the build's `now`). */
const outBy = (date: Date, now: Date, published: Date | undefined): boolean =>
  date <= now || published === undefined || date <= published;

/** A path part as an editor wrote it (%C3%A9 as é), or as it is when it is not valid percent-encoding. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function articleLinkProblem(
  href: string,
  path: string,
  { articles, now }: SiteFacts,
  published: Date | undefined,
): string | undefined {
  const slug = ARTICLE_LINK.exec(path)?.[1];
  if (slug === undefined) return undefined;
  const target = articles.get(decoded(slug));
  if (target === undefined) return `le lien « ${href} » mène à un article qui n’existe pas (aucun fichier ${slug}.md)`;
  if (target === "draft") return `le lien « ${href} » mène à un brouillon (draft: true), qui n’est pas publié`;
  if (published === undefined || outBy(target, now, published)) return undefined;
  return `le lien « ${href} » mène à un article programmé pour le ${formatDateTime(target)}, après celui-ci (${formatDateTime(published)}) : ses lecteurs tomberaient sur une page introuvable jusque-là ; retirez le lien, ou datez cet article au plus tôt du ${formatDateTime(target)}`;
}

/** A link to /categorie/<slug>/ (its later pages, its feed) names a category of src/config.ts. */
function categoryLinkProblem(href: string, path: string): string | undefined {
  const name = CATEGORY_LINK.exec(path)?.[1];
  if (name === undefined || CATEGORIES.some((c) => c.slug === name)) return undefined;
  const meant = categorySlug(decoded(name));
  const fix =
    meant === undefined
      ? `les rubriques sont ${CATEGORIES.map((c) => c.slug).join(", ")}`
      : `écrivez ${path.replace(`/categorie/${name}`, `/categorie/${meant}`)}`;
  return `le lien ${quote(href)} mène à une rubrique qui n’existe pas${NBSP}: ${fix}`;
}

/**
 * A link to a date's archive (/2020/, /2020/10/, /2020/10/12/, Paris time) needs an article of that
 * date out when the linking one appears: only dates that have articles have a page.
 */
function archiveLinkProblem(
  href: string,
  path: string,
  { articles, now }: SiteFacts,
  published: Date | undefined,
): string | undefined {
  const match = ARCHIVE_LINK.exec(path);
  if (match === null) return undefined;
  const [, year = "", month, day] = match;
  const dated = [...articles.values()].filter((date): date is Date => {
    if (date === "draft") return false;
    const parts = archiveParts(date);
    return parts.year === year && (month ?? parts.month) === parts.month && (day ?? parts.day) === parts.day;
  });
  if (dated.some((date) => outBy(date, now, published))) return undefined;
  const m = Number(month);
  const period =
    month === undefined
      ? `en ${year}`
      : m < 1 || m > 12
        ? `à cette date`
        : day === undefined
          ? `en ${frenchMonth(m)} ${year}`
          : `le ${formatDayHeading(Number(year), m, Number(day))}`;
  const page = `le lien ${quote(href)} mène à une page d’archives`;
  return dated.length === 0 || published === undefined
    ? `${page} qui n’existe pas${NBSP}: aucun article n’est publié ${period} (seules les dates qui ont des articles ont une page)`
    : `${page} qui n’existera pas encore quand celui-ci paraîtra (${formatDateTime(published)})${NBSP}: les articles publiés ${period} sont programmés après celui-ci`;
}

/**
 * Problems of a published article's dates that depend on the build's time: an update dated after
 * it (a typo such as 2099) would show « Mis à jour le 1er janvier 2099 » and a future lastmod.
 * An article itself dated after the build is scheduled, not wrong (publishing.ts).
 */
export function dateProblems(date: Date, updated: Date | undefined, now: Date): FieldProblem[] {
  if (updated === undefined || date > now || updated <= now) return [];
  return [
    {
      field: "updated",
      message: `la date de mise à jour (updated) est dans le futur : « ${formatDate(updated)} » ; un article se met à jour après coup`,
    },
  ];
}
