/**
 * Checks of an article beyond its front matter's schema: its image files, and its text as
 * rendered (its prose in body-text.ts, its links to the site in link-checks.ts). Each answers the
 * problems an editor must fix, in French, as { field, message }.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  controlCharacterProblems,
  markdownProblems,
  proseBlocks,
  quotationProblems,
  showsNothing,
  showsOnlyHeadings,
} from "./body-text.ts";
import { formatDateTime, formatPublished } from "./dates.ts";
import { agree } from "./french-grammar.ts";
import { countAtStart, frenchCount, frenchNumber } from "./french-numbers.ts";
import { NBSP, NNBSP, inGuillemets } from "./french-spacing.ts";
import { linkProblem, sitePath, type SiteFacts } from "./link-checks.ts";
import { anchorsIn, type Anchors } from "./link-targets.ts";
import { fileExtension, IMAGE_TYPES, imageType } from "./image-types.ts";
import { photoSize, publicFile } from "./photo-size.ts";
import { attributeUrl, srcsetCandidates, startTags, type HtmlAttribute, type HtmlTag } from "./html-tags.ts";
import { parseCopyUrl } from "./photo-copies.ts";
import { addressPath } from "./urls.ts";
import { slugify } from "./slug.ts";
import { rankSpellings } from "./listings.ts";
import { templateSentenceIn } from "./article-template.ts";
import { hiddenText } from "./hidden-text.ts";
import { htmlTagNames } from "html-tag-names";

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
  return (
    addressProblem(image) ??
    imageTypeProblem(image) ??
    missingFileProblem(image, publicDir) ??
    unreadableImageProblem(image, publicDir)
  );
}

/** The same for a video's or a sound's file (<video src>, <audio src>, <source src>): any type, the server sends it. */
function mediaFileProblem(address: string, publicDir: string): string | undefined {
  return addressProblem(address, "media") ?? missingFileProblem(address, publicDir, "les vidéos et les sons");
}

function addressProblem(address: string, kind: "image" | "media" = "image"): string | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(address)) {
    return kind === "image"
      ? `« ${address} » est une adresse externe : le site ne charge que ses propres images ; enregistrez l’image dans public/images/ et écrivez /images/nom-du-fichier.jpg`
      : `« ${address} » est une adresse externe : le site ne charge que ses propres vidéos et sons ; enregistrez le fichier dans public/ (ex. public/videos/clip.mp4, public/sons/extrait.mp3) et écrivez son adresse (/videos/clip.mp4), ou mettez un lien vers la page qui le montre`;
  }
  if (!address.startsWith("/")) {
    // « public/images/x.jpg » or « images/x.jpg »: the address to write is the file's path under public/, from /.
    const meant = `/${address.replace(/^(?:\.\/)?(?:public\/)?/, "")}`;
    return `« ${address} » doit commencer par / : un fichier de public/ s’écrit depuis /, ici ${meant}`;
  }
  return undefined;
}

function imageTypeProblem(image: string): string | undefined {
  if (imageType(image) !== undefined) return undefined;
  const extension = fileExtension(image) ?? "sans extension";
  return `${inGuillemets(image)} (${extension}) n’est pas un format d’image que le site sert (formats servis${NBSP}: ${Object.keys(IMAGE_TYPES).join(", ")})${NNBSP}; convertissez l’image, en .jpg ou .webp par exemple`;
}

function missingFileProblem(address: string, publicDir: string, what = "les images"): string | undefined {
  if (existsSync(publicFile(address, publicDir))) return undefined;
  const missing = `fichier introuvable : public${address}`;
  // « /public/images/x.jpg »: the address of a file of public/ starts after it.
  const inPublic = /^\/public(\/.+)$/.exec(address)?.[1];
  if (inPublic !== undefined && existsSync(publicFile(inPublic, publicDir))) {
    return `${missing} ; retirez /public du début : écrivez ${inPublic} (l’adresse d’un fichier de public/ commence après public)`;
  }
  const other = otherCase(address, publicDir);
  if (other !== undefined) {
    return `${missing} ; vouliez-vous dire ${other} ? Les majuscules comptent dans une adresse : écrivez le nom exactement comme celui du fichier`;
  }
  return `${missing} (${what} vont dans public/)`;
}

/** The address of a file of public/ whose path differs from `address` only by letter case, if there is one. */
function otherCase(address: string, publicDir: string): string | undefined {
  const path = addressPath(address);
  let dir = publicDir;
  let found = "";
  for (const part of path.split("/").filter((p) => p !== "")) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return undefined;
    }
    const name = names.find((n) => n === part) ?? names.find((n) => n.toLowerCase() === part.toLowerCase());
    if (name === undefined) return undefined;
    dir = join(dir, name);
    found += `/${name}`;
  }
  return found === path || found === "" ? undefined : found;
}

/**
 * A photo whose header gives no size is not the image its extension says (a page saved as .jpg, a
 * truncated download): readers would see a broken image. An SVG may have no size of its own.
 */
function unreadableImageProblem(image: string, publicDir: string): string | undefined {
  if (imageType(image) === "image/svg+xml" || photoSize(image, publicDir) !== undefined) return undefined;
  return `public${image} n’est pas une image ${fileExtension(image)?.slice(1).toUpperCase() ?? ""} lisible (son en-tête ne donne pas de dimensions)${NNBSP}; exportez-la à nouveau depuis un logiciel d’images`;
}

/** What Astro rendered of a body. */
export interface RenderedBody {
  html: string;
  headings: readonly { depth: number; text: string }[];
  /** Images written with a path relative to the article file (Astro would look for them beside it). */
  localImagePaths?: readonly string[] | undefined;
}

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
/** Elements that hide what they hold from a page's readers: typed in a sentence (« la balise <title> »), they hide the rest of it. */
const HIDING_ELEMENTS = new Set([
  "title",
  "head",
  "html",
  "body",
  "noscript",
  "template",
  "xmp",
  "plaintext",
  "noembed",
  "noframes",
]);
const HTML_ELEMENTS = new Set(htmlTagNames);
/** Inside these, the names are SVG's or MathML's, not HTML's. */
const FOREIGN_ROOTS = new Set(["svg", "math"]);

/** Why a tag of the text hides words from readers: a name no browser knows (« <votre-email> ») or an element that hides its content. */
function hidingTagProblem(name: string): string | undefined {
  const hides = HIDING_ELEMENTS.has(name);
  if (!hides && HTML_ELEMENTS.has(name)) return undefined;
  const tag = `<${name}>`;
  return `${inGuillemets(tag)} est lu comme une balise HTML${hides ? "" : " inconnue"}${NBSP}: les lecteurs ne la voient pas${hides ? ", ni le texte qui la suit" : ""}${NNBSP}; pour écrire ${tag} tel quel, mettez-le entre accents graves (\`${tag}\`) ou écrivez \\< au lieu de <`;
}

/** Attributes that load an image (or a video's poster) into the page; a video's or a sound's own src is a file. */
const IMAGE_ATTRIBUTES = new Set(["src", "srcset", "poster"]);
const IMAGE_ELEMENTS = new Set(["img", "source", "video", "audio", "picture", "input"]);

/** The start tags of the last body read: siteLinksIn reads those bodyProblems has just read. */
let lastTags: { html: string; tags: HtmlTag[] } | undefined;
function tagsOf(html: string): HtmlTag[] {
  if (lastTags?.html !== html) lastTags = { html, tags: startTags(html) };
  return lastTags.tags;
}

/**
 * The links of a rendered body to this site (from its root or with its address), each once, with their path
 * (query and fragment kept): what only the built site can tell of them (« /a-propo/ », « /page/9/ ») is checked
 * once it is built (site-links.ts).
 */
export function siteLinksIn(html: string): { href: string; path: string }[] {
  const links = new Map<string, string>();
  for (const { name, attributes } of tagsOf(html)) {
    if (name !== "a") continue;
    for (const { name: attribute, value = "" } of attributes) {
      const href = attributeUrl(value);
      const path = attribute === "href" ? sitePath(href) : undefined;
      if (path !== undefined && !links.has(href)) links.set(href, path);
    }
  }
  return [...links].map(([href, path]) => ({ href, path }));
}

/**
 * Headings that skip a level: the title is the page's h1, so the first heading is a ## and each one at most a level
 * below the one before it (« #### » after the title leaves a gap in a screen reader's list of headings).
 */
function headingLevelProblems(headings: readonly { depth: number; text: string }[]): string[] {
  const problems: string[] = [];
  let above = 1;
  for (const { depth, text } of headings) {
    if (depth > above + 1) {
      const after = above === 1 ? "le titre de l’article (#)" : `un intertitre ${"#".repeat(above)}`;
      problems.push(
        `l’intertitre « ${"#".repeat(depth)} ${text} » saute ${depth - above === 2 ? "un niveau" : `${String(depth - above - 1)} niveaux`} : après ${after}, il s’écrit ${"#".repeat(above + 1)} (« ${"#".repeat(above + 1)} ${text} ») ; les lecteurs d’écran listent les intertitres par niveau`,
      );
    }
    above = depth;
  }
  return problems;
}

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
  if (body.trim() === "") say("le texte de l’article est vide : écrivez-le sous l’en-tête (après sa ligne --- de fin)");
  else if (showsNothing(html)) {
    say(
      `le texte de l’article ne montre rien aux lecteurs (des commentaires <!-- … -->, des définitions de liens ou des balises vides)${NBSP}: écrivez-le sous l’en-tête (après sa ligne --- de fin)`,
    );
  } else if (showsOnlyHeadings(html)) {
    say(
      `le texte de l’article n’a que des intertitres, sans paragraphe sous eux${NBSP}: écrivez-le sous l’en-tête (après sa ligne --- de fin)`,
    );
  } else {
    const sentence = templateSentenceIn(body);
    if (sentence !== undefined)
      say(
        `le texte garde une phrase du modèle de npm run new, ${inGuillemets(sentence)}${NBSP}: remplacez-la par votre texte`,
      );
  }
  for (const problem of controlCharacterProblems(body)) say(problem);
  for (const heading of headings.filter((h) => h.depth === 1)) {
    say(
      `l’intertitre « # ${heading.text} » ferait un second titre principal : le titre vient de title ; commencez les intertitres par ## (« ## ${heading.text} »)`,
    );
  }
  for (const problem of headingLevelProblems(headings)) say(problem);
  const tags = tagsOf(html);
  // The anchors of the article's own page, read once if a link names one (« #intertitre »).
  let anchors: Anchors | undefined;
  const own = (): Anchors => (anchors ??= anchorsIn(tags));
  // Each element once: one the site forbids, or one that hides words from readers.
  const foreign = tags.some((t) => FOREIGN_ROOTS.has(t.name));
  for (const name of new Set(tags.map((t) => t.name))) {
    if (FORBIDDEN_ELEMENTS.has(name)) {
      say(
        `l’élément HTML <${name}> n’est pas permis dans le texte : la politique de sécurité du site le bloquerait ; pour une vidéo ou un document, mettez un lien`,
      );
    } else {
      const problem = foreign ? undefined : hidingTagProblem(name);
      if (problem !== undefined) say(problem);
    }
  }
  for (const { name, attributes } of tags) {
    if (name === "img") {
      const problem = altProblem(attributes) ?? titleProblem(attributes);
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
        const problem = linkProblem(attributeUrl(value), site, published, own);
        if (problem !== undefined) say(problem);
      } else if (IMAGE_ELEMENTS.has(name) && IMAGE_ATTRIBUTES.has(attribute)) {
        // The build's copies of a photo (rehype-image-sizes.ts) are checked as the photo they copy.
        const urls =
          attribute === "srcset"
            ? srcsetCandidates(value).map((c) => parseCopyUrl(attributeUrl(c.url))?.source ?? c.url)
            : [value];
        for (const url of new Set(urls.filter((u) => u !== ""))) {
          // A video's or a sound's own file may be of any type; its poster and the candidates of a srcset are images.
          const media = attribute === "src" && name !== "img";
          const problem = (media ? mediaFileProblem : imageFileProblem)(attributeUrl(url), publicDir);
          // A <source> may be a video's or a picture's.
          const what = !media ? "image" : name === "source" ? "fichier" : "vidéo ou son";
          if (problem !== undefined) say(`${what}${NBSP}: ${problem}`);
        }
      }
    }
  }
  const hidden = hiddenText(body);
  for (const problem of hidden.problems) say(problem);
  for (const text of proseBlocks(html)) {
    for (const problem of [...quotationProblems(text), ...markdownProblems(text)]) {
      // A link typed in a block of HTML is already told of (Markdown is not read there), not as one left open.
      if (!hidden.linksInHtml.some((link) => problem.includes(link))) say(problem);
    }
  }
  // Astro turns an image written beside the article (« images/x.png ») into an import, and fails later in English.
  for (const path of localImagePaths) {
    const problem = imageFileProblem(path, publicDir);
    if (problem !== undefined) say(`image${NBSP}: ${problem}`);
  }
  return problems;
}

/** The address an <img> of the text shows, as the browser reads it ("" for none). */
const imageSource = (attributes: readonly HtmlAttribute[]): string =>
  attributeUrl(attributes.find((a) => a.name === "src")?.value ?? "");

/** « l’image « /images/x.jpg » », as a message names an <img> (« l’image » when it has no address). */
const theImage = (src: string): string => `l’image${src === "" ? "" : ` ${inGuillemets(src)}`}`;

/**
 * Why an <img> of the text lacks the text a screen reader reads in its place, as `imageAlt` for
 * `image`: Markdown's ![](…) writes alt="", an HTML <img> may have no alt at all.
 */
function altProblem(attributes: readonly HtmlAttribute[]): string | undefined {
  // An image Astro took for a file beside the article: refused through localImagePaths, its alt is elsewhere.
  if (attributes.some((a) => a.name === "__astro_image_")) return undefined;
  const alt = attributes.find((a) => a.name === "alt");
  if (alt !== undefined && (alt.value ?? "").trim() !== "") return undefined;
  const src = imageSource(attributes);
  const html = `<img src="${src}" alt="Ce que montre l’image">`;
  const how =
    alt === undefined
      ? `ajoutez à sa balise ce qu’elle montre, ${html}`
      : `écrivez ce qu’elle montre entre les crochets, ![Ce que montre l’image](${src}), ou dans une balise, ${html}`;
  return `${theImage(src)} n’a pas de texte alternatif (les lecteurs d’écran le lisent à sa place)${NBSP}: ${how}`;
}

/**
 * Why the title of an <img> is lost: only an image alone in its paragraph gets its title as a caption
 * (rehype-figures.ts); in a sentence it is a tooltip, which phones and most screen readers never show.
 */
function titleProblem(attributes: readonly HtmlAttribute[]): string | undefined {
  const title = (attributes.find((a) => a.name === "title")?.value ?? "").trim();
  if (title === "") return undefined;
  return `${theImage(imageSource(attributes))} a un titre, ${inGuillemets(title)}, que les lecteurs ne verraient pas${NBSP}: une image ne montre son titre en légende que seule dans son paragraphe (une ligne vide avant et après)${NNBSP}; placez-la ainsi, ou écrivez ce titre dans le texte`;
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
      message: `la date de mise à jour (updated), le ${formatPublished(updated)}, est dans le futur : ce build a lieu le ${formatDateTime(now)} ; datez la mise à jour du moment où vous l’avez faite, au plus tard maintenant`,
    },
  ];
}

/** How many titles a duplicate-title warning lists before counting the others. */
const DUPLICATES_LISTED = 10;

/**
 * The warning (undefined if none) for articles that carry the same title, whatever the case, spaces and
 * apostrophes: most often a file copied to start another one, its title left as it was. Both are
 * published, but readers, search engines and the site's search cannot tell them apart. Not an error: a
 * recurring column may keep its title on purpose.
 */
export function duplicateTitles(articles: readonly { file: string; title: string }[]): string | undefined {
  const byTitle = new Map<string, { title: string; files: string[] }>();
  for (const { file, title } of articles) {
    const key = title.normalize("NFC").replace(/’/g, "'").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
    const known = byTitle.get(key);
    if (known === undefined) byTitle.set(key, { title: title.trim(), files: [file] });
    else known.files.push(file);
  }
  const twins = [...byTitle.values()].filter(({ files }) => files.length > 1);
  if (twins.length === 0) return undefined;
  const lines = twins
    .slice(0, DUPLICATES_LISTED)
    .map(({ title, files }) => `  - ${inGuillemets(title)} : ${files.sort().join(", ")}`);
  const more = twins.length - DUPLICATES_LISTED;
  if (more > 0) lines.push(`  … et ${frenchNumber(more)} ${agree(more, "autre")}`);
  return (
    `${countAtStart(twins.length, "titre porté", "titres portés")} par plusieurs articles ` +
    `(les lecteurs, les moteurs de recherche et la recherche du site ne les distinguent pas ; ` +
    `changez-en un si ce n’est pas voulu) :\n${lines.join("\n")}`
  );
}

/**
 * The warning (undefined if none) for a tag spelt several ways (« Mistral AI », « mistral AI »): one page, named
 * after its commonest spelling (listings.ts), gathers them, but each article shows its own. Not an error: the
 * editor may not mind; the files of the rarer spellings are named, to harmonise them.
 */
export function tagSpellings(articles: readonly { file: string; tags: readonly string[] }[]): string | undefined {
  const bySlug = new Map<string, Map<string, string[]>>();
  for (const { file, tags } of articles) {
    for (const tag of new Set(tags)) {
      const spellings = bySlug.get(slugify(tag)) ?? new Map<string, string[]>();
      bySlug.set(slugify(tag), spellings.set(tag, [...(spellings.get(tag) ?? []), file]));
    }
  }
  const mixed = [...bySlug].filter(([, spellings]) => spellings.size > 1);
  if (mixed.length === 0) return undefined;
  const lines = mixed.slice(0, DUPLICATES_LISTED).map(([slug, spellings]) => {
    // The spelling the tag's page is named after first (listings.ts), as the message says.
    const filesOf = (tag: string): string[] => spellings.get(tag) ?? [];
    const counts = new Map([...spellings].map(([tag, files]) => [tag, files.length]));
    const [common = "", ...rare] = rankSpellings(slug, counts);
    const others = rare.map((tag) => `${inGuillemets(tag)} dans ${filesOf(tag).sort().join(", ")}`);
    return `  - ${inGuillemets(common)} (${frenchCount(filesOf(common).length, "article")}) et ${others.join(" ; ")}`;
  });
  const more = mixed.length - DUPLICATES_LISTED;
  if (more > 0) lines.push(`  … et ${frenchNumber(more)} ${agree(more, "autre")}`);
  return (
    `${countAtStart(mixed.length, "étiquette écrite", "étiquettes écrites", "f")} de plusieurs façons ` +
    `(une seule page les réunit, mais chaque article montre la sienne ; harmonisez-les si ce n’est pas voulu) :\n${lines.join("\n")}`
  );
}
