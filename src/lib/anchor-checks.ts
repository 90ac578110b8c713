/**
 * The anchor a link of the text names (« #réglementation », « /articles/x/#réglementation »): an
 * element of the page it leads to must have that id, as a browser looks for it (the fragment as
 * written, then percent-decoded), or the reader lands at the top of the page. Heading ids keep their
 * accents (« ## Réglementation » has « réglementation »): an editor typing « #reglementation » is told so.
 */
import { NBSP, NNBSP, inGuillemets } from "./french-spacing.ts";
import { frenchList } from "./french-text.ts";
import { asTyped, type Anchors } from "./link-targets.ts";
import { decoded } from "./urls.ts";
import { withoutAccents } from "./slug.ts";

/** Headings a message lists at most. */
const LISTED = 8;

/**
 * The fragment of a link, undefined when it names no element: « # » and « #top » lead to the top of the
 * page, and a text fragment (« #:~:text=… ») to words, whatever the page's ids.
 */
function fragmentOf(href: string): string | undefined {
  let hash: string;
  try {
    hash = new URL(href, "https://site.invalid/articles/x/").hash;
  } catch {
    return undefined;
  }
  const fragment = hash.slice(1).split(":~:")[0] ?? "";
  return fragment === "" || fragment.toLowerCase() === "top" ? undefined : fragment;
}

/** An id as an editor may mistype it: without its accents, capitals, hyphens and punctuation. */
const loose = (id: string): string =>
  withoutAccents(id)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/**
 * Why the anchor `href` names is not on its page, if it is not: `page` is that page's anchors,
 * `target` its address for a link to another article (undefined for the linking article itself).
 */
export function anchorProblem(href: string, page: Anchors, target: string | undefined): string | undefined {
  const fragment = fragmentOf(href);
  if (fragment === undefined || page.ids.has(fragment)) return undefined;
  const id = decoded(fragment);
  if (page.ids.has(id)) return undefined;
  const where = target === undefined ? "dans cet article" : `dans l’article ${target}`;
  const problem = `le lien ${inGuillemets(asTyped(href))} mène à une ancre qui n’existe pas ${where}${NBSP}: aucun élément n’y a l’id ${inGuillemets(id)}`;
  const key = loose(id);
  const meant = key === "" ? undefined : [...page.headings, ...page.ids].find((other) => loose(other) === key);
  if (meant !== undefined) {
    const fixed = `${asTyped(href.slice(0, href.indexOf("#") + 1))}${meant}`;
    return `${problem}${NNBSP}; vouliez-vous dire ${fixed}${NBSP}? Une ancre s’écrit exactement comme l’id de son intertitre, accents compris`;
  }
  const { headings } = page;
  if (headings.length === 0) {
    const fix = target === undefined ? "retirez le lien" : `écrivez ${target} sans ancre`;
    return `${problem}${NNBSP}; ${target === undefined ? "cet article" : "il"} n’a pas d’intertitre (##)${NBSP}: ${fix}`;
  }
  const listed = headings.slice(0, LISTED).map((heading) => `#${heading}`);
  if (headings.length > LISTED) listed.push(`${String(headings.length - LISTED)} autres`);
  return `${problem}${NNBSP}; les ancres de ses intertitres sont ${frenchList(listed)} (l’ancre d’un intertitre est son texte en minuscules, accents gardés, sans ponctuation, mots séparés par des tirets)`;
}
