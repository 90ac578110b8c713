/**
 * The text of a rendered article body as its readers see it (comments and tags aside, entities
 * decoded, code left out), and what is wrong in it that Markdown and smartypants leave as typed: a
 * quotation left open, a footnote call without a note, a link that did not become one. Messages are
 * for editors, in French (article-checks.ts gathers them).
 */
import { NBSP, NNBSP, inGuillemets } from "./french-spacing.ts";
import { replaceTags } from "./html-tags.ts";

/** Comments, and elements whose content a reader does not see as text. */
const UNSEEN = /<!--[\s\S]*?-->|<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', nbsp: NBSP };

/** The text of rendered HTML as a reader sees it: no comments nor tags, entities decoded. */
function readerText(html: string): string {
  // A tag's quoted attribute may hold « > » (alt="5 > 3"): html-tags.ts reads tags whole.
  return replaceTags(html.replace(UNSEEN, ""), () => "").replace(
    ENTITY,
    (entity, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
      const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
  );
}

/** An element that shows a reader something without text (the forbidden ones are refused on their own). */
const PICTURE = /<(?:img|picture|svg|video|audio|iframe|object|embed)\b/i;

/** Rendered HTML with no text nor picture for a reader: only comments, link definitions, empty elements. */
export function showsNothing(html: string): boolean {
  return readerText(html).trim() === "" && !PICTURE.test(html.replace(UNSEEN, ""));
}

/** Headings, with what they hold. */
const HEADINGS = /<(h[1-6])\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** Elements that show a reader something outside a heading: a body that has one has more than headings. */
const BEYOND_HEADINGS = /<(?:p|li|dl|pre|table|blockquote|figure|img|picture|svg|video|audio)\b/i;

/**
 * Rendered HTML that has headings and nothing else to show (« ## Un intertitre » and nothing under it); a body
 * with a paragraph (almost all of them) is not read again.
 */
export function showsOnlyHeadings(html: string): boolean {
  return /<h[1-6]\b/i.test(html) && !BEYOND_HEADINGS.test(html) && showsNothing(html.replace(HEADINGS, ""));
}

/** Elements shown as typed (code): neither the quotation marks nor the Markdown of the text apply there. */
const VERBATIM = /<(pre|code|kbd|samp)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Tags that end a paragraph of text: a paragraph, an item, a heading, a cell, a quotation… */
const BLOCKS = new Set(
  "address article aside blockquote caption dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th thead tr ul".split(
    " ",
  ),
);
const BLOCK_END = "\u2029";

/** The paragraphs (items, headings, cells) of rendered HTML as a reader sees them, code left out. */
export function proseBlocks(html: string): string[] {
  const marked = replaceTags(html.replace(UNSEEN, "").replace(VERBATIM, " "), (name, tag) =>
    name !== undefined && BLOCKS.has(name) ? BLOCK_END : tag,
  );
  return readerText(marked)
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
 * A passage quoted in a message on a line of its own, under the problem's line (an « Article invalide »
 * item): between guillemets, its own lone « or » would be lost among them.
 */
const passage = (text: string): string => `\n      ${text}`;

/**
 * Quotation marks of a paragraph that do not pair: a « no » closes (a " left open) or a » no «
 * opens. A quotation does not run over paragraphs: smartypants pairs the quotes of one only.
 */
export function quotationProblems(text: string): string[] {
  const open: number[] = [];
  const problems: string[] = [];
  for (const { 0: mark, index } of text.matchAll(/[«»]/g)) {
    if (mark === "«") open.push(index);
    else if (open.pop() === undefined) {
      problems.push(
        `guillemet fermant (») sans citation ouverte${NBSP}: aucun guillemet ouvrant («) ne lui répond dans son paragraphe${NNBSP}; écrivez le guillemet droit " qui ouvre la citation avant ses premiers mots, ou retirez le guillemet fermant. Le passage${NBSP}:${passage(around(text, index))}`,
      );
    }
  }
  for (const index of open) {
    problems.push(
      `citation non fermée${NBSP}: aucun guillemet fermant (») ne répond au guillemet ouvrant («) dans son paragraphe${NNBSP}; écrivez le guillemet droit " qui la ferme après ses derniers mots (une citation sur plusieurs paragraphes se ferme à la fin de chacun). Le passage${NBSP}:${passage(around(text, index))}`,
    );
  }
  return problems;
}

/** Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE, U+FFFF): one makes a whole feed unreadable. */
// eslint-disable-next-line no-control-regex -- finding these characters is the point.
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const CHARACTER_NAMES: Readonly<Record<string, string>> = {
  "\u000B": "tabulation verticale",
  "\u000C": "saut de page",
  "\u001B": "échappement",
};

/**
 * Invisible control characters of a text as written (pasted from Word or a PDF, a terminal): the
 * page hides them, but a feed that carries one is not XML, and readers refuse the whole feed.
 */
export function controlCharacterProblems(body: string): string[] {
  const problems: string[] = [];
  // The passage around each one is shown with every such character as a space.
  const visible = body.replace(FORBIDDEN_CHARACTER, " ");
  for (const { 0: character, index } of body.matchAll(FORBIDDEN_CHARACTER)) {
    const code = `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0") ?? ""}`;
    const name = CHARACTER_NAMES[character];
    const line = body.slice(0, index).split("\n").length;
    const shown = around(visible, index).replace(/\s+/g, " ").trim();
    problems.push(
      `caractère de contrôle invisible ${code}${name === undefined ? "" : ` (${name})`}, ligne ${line} du texte, dans ${inGuillemets(shown)}${NBSP}: les flux RSS qui le porteraient seraient illisibles${NNBSP}; effacez-le (il vient souvent d’un copier-coller depuis Word ou un PDF)`,
    );
  }
  return problems;
}

const FOOTNOTE_CALL = /\[\^[^\]\s]*\]/g;
const REFERENCE_LINK = /\[([^\][]*)\]\[([^\][]*)\]/g;
/** An inline link that did not become one: "[texte](" with the words after it. */
const OPEN_LINK = /\[[^\][]*\]\(/g;

/** Markdown the processor did not resolve, left as typed in the text: a note, a link. */
export function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [call] of text.matchAll(FOOTNOTE_CALL)) {
    problems.push(
      `l’appel de note ${inGuillemets(call)} n’a pas de note${NBSP}: écrivez-la sur une ligne à part, après le paragraphe, ${call}: Le texte de la note.`,
    );
  }
  const rest = text.replace(FOOTNOTE_CALL, (call) => " ".repeat(call.length));
  for (const [link, words = "", name = ""] of rest.matchAll(REFERENCE_LINK)) {
    const label = name === "" ? words : name;
    problems.push(
      `le lien ${inGuillemets(link)} renvoie à [${label}], que rien ne définit${NBSP}: ajoutez sur une ligne à part [${label}]: https://…, ou écrivez le lien en entier, [${words}](https://…)`,
    );
  }
  for (const { 0: start, index } of rest.matchAll(OPEN_LINK)) {
    problems.push(
      `le lien ${inGuillemets(around(text, index, index + start.length, 0).replace(/^…/, ""))} n’a pas été lu comme un lien${NBSP}: fermez la parenthèse juste après l’adresse, et écrivez %20 pour une espace dans l’adresse, comme [texte](https://exemple.fr/une%20page)`,
    );
  }
  return problems;
}
