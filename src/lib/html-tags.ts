/**
 * The start tags of HTML as the site's Markdown processor writes it (hast-util-to-html): text
 * escapes "<" (as &#x3C;), so outside comments a "<" followed by a letter starts a tag, and an
 * attribute's value is quoted and may hold ">" or "<" ("alt" text). Enough to read and rewrite
 * attributes without parsing the page again; not a parser for any HTML.
 */
const TAG_OR_COMMENT =
  /<!--[\s\S]*?-->|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** An attribute as written (entities not decoded); undefined value for a bare one ("hidden"). */
export interface HtmlAttribute {
  name: string;
  value: string | undefined;
}

/** A start tag: its element's name, lower-cased, and its attributes (names lower-cased). */
export interface HtmlTag {
  name: string;
  attributes: HtmlAttribute[];
}

function attributesOf(source: string): HtmlAttribute[] {
  return [...source.matchAll(ATTRIBUTE)].map((m) => ({
    name: (m[1] ?? "").toLowerCase(),
    value: m[3] ?? m[4] ?? m[5],
  }));
}

/**
 * An attribute's address as a browser reads it, for a check and its message: the & of a query is
 * written &#x26; by the Markdown processor and often &amp; in an author's HTML ("?a=1&amp;b=2" is
 * "?a=1&b=2"). Other entities are left as written.
 */
export function attributeUrl(value: string): string {
  return value.replace(/&(?:amp|#x26|#38);/gi, "&");
}

/** Every start tag of `html`, in order (comments skipped). */
export function startTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const m of html.matchAll(TAG_OR_COMMENT)) {
    if (m[1] !== undefined) tags.push({ name: m[1].toLowerCase(), attributes: attributesOf(m[2] ?? "") });
  }
  return tags;
}

/**
 * `html` with attribute values replaced where `rewrite(tag, attribute, value)` answers a string
 * (written back in double quotes, as given: escape it yourself); text and comments untouched.
 */
export function rewriteAttributes(
  html: string,
  rewrite: (tag: string, attribute: string, value: string) => string | undefined,
): string {
  return html.replace(TAG_OR_COMMENT, (whole, name: string | undefined, attributes: string, end: string) => {
    if (name === undefined) return whole;
    const rewritten = attributes.replace(
      ATTRIBUTE,
      (part, attribute: string, equals: string | undefined, dq?: string, sq?: string, bare?: string) => {
        const value = dq ?? sq ?? bare;
        if (equals === undefined || value === undefined) return part;
        const next = rewrite(name.toLowerCase(), attribute.toLowerCase(), value);
        return next === undefined ? part : `${attribute}="${next}"`;
      },
    );
    return `<${name}${rewritten}${end}>`;
  });
}

/** A start tag or a comment (TAG_OR_COMMENT), or an end tag, whose name is then the fourth group. */
const ANY_TAG = new RegExp(`${TAG_OR_COMMENT.source}|<\\/([a-zA-Z][\\w:-]*)\\s*>`, "g");

/**
 * `html` with each tag, start or end, and each comment replaced by what `by` answers for it: given the
 * element's name, lower-cased (undefined for a comment), and the tag as written. Text is untouched.
 */
export function replaceTags(html: string, by: (name: string | undefined, tag: string) => string): string {
  return html.replace(ANY_TAG, (tag, start: string | undefined, _a: unknown, _e: unknown, end: string | undefined) =>
    by((start ?? end)?.toLowerCase(), tag),
  );
}

/** The candidates of a srcset ("a.jpg 1x, b.jpg 2x"): each address with its descriptor ("" if none). */
export function srcsetCandidates(value: string): { url: string; descriptor: string }[] {
  return value
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return { url, descriptor: descriptor.join(" ") };
    })
    .filter((candidate) => candidate.url !== "");
}
