/**
 * French typography in everything a reader of the built site sees or hears: the text of every
 * page, the attributes read aloud or shown (title, aria-label, alt, placeholder), the head's
 * titles and descriptions, and the words a browser shows over a feed (rss.css). The house rule
 * (README): a no-break space before a colon, a narrow no-break space before ; ! ? and inside « »,
 * the apostrophe ’.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HTMLElement, parse, TextNode, type Node } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { quotationProblems } from "../../src/lib/body-text.ts";
import { listFiles } from "./dist.ts";

const root = join(import.meta.dirname, "../../dist/client");

beforeAll(() => {
  if (!existsSync(join(root, "index.html"))) throw new Error("Lancez d’abord npm run build : dist/client est vide.");
});

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** What breaks the house rule in a piece of French text, each fault with its context. */
export function typographyFaults(text: string): string[] {
  const faults: string[] = [];
  const check = (re: RegExp, what: string): void => {
    for (const m of text.matchAll(re)) {
      const at = m.index;
      faults.push(`${what} : « ${text.slice(Math.max(0, at - 25), at + m[0].length + 10).replace(/\s+/g, " ")} »`);
    }
  };
  check(/\p{L}'\p{L}/gu, "apostrophe droite");
  check(/[\p{L}\p{N})»][;!?](?=\s|$)/gu, "pas d’espace avant ; ! ?");
  check(/\p{L}:(?=\s|$)/gu, "pas d’espace avant :");
  check(/[ \u00a0][;!?]/g, "espace fine insécable attendue avant ; ! ?");
  check(/[ \u202f]:/g, "espace insécable attendue avant :");
  check(new RegExp(`«(?!${NNBSP})`, "g"), "espace fine insécable attendue après «");
  check(new RegExp(`(?<!${NNBSP})»`, "g"), "espace fine insécable attendue avant »");
  // A line break in a template lost before a link glues it to the punctuation ("rédaction :redaction@").
  check(/[\u00a0\u202f][:;!?]\p{L}/gu, "espace attendue après : ; ! ?");
  // '90 read as an opening quote.
  check(/‘\d{2}(?!\d)/gu, "apostrophe ’ attendue devant une année élidée");
  // Guillemets pair within their paragraph (the rule the build applies to article texts, body-text.ts): an inch
  // mark read as a quotation gives « un écran de 6,3 » ».
  for (const line of text.split("\n")) faults.push(...quotationProblems(line));
  return faults;
}

const SKIPPED = new Set(["script", "style", "code", "pre", "template"]);
const READ_ATTRIBUTES = ["title", "aria-label", "alt", "placeholder"];

const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "cite",
  "em",
  "i",
  "kbd",
  "mark",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
]);

/** Text runs of an element a reader sees, each block joined as it reads (inline tags add no space, blocks a line). */
function texts(node: Node, out: string[] = []): string[] {
  // A line break in the source of a paragraph reads as a space; "\n" ends a block.
  if (node instanceof TextNode) out.push(node.text.replace(/[ \t]*\n[ \t]*/g, " "));
  else if (node instanceof HTMLElement && !SKIPPED.has(node.tagName.toLowerCase())) {
    for (const name of READ_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== undefined) out.push(`\n${value}\n`);
    }
    for (const child of node.childNodes) texts(child, out);
    if (!INLINE.has(node.tagName.toLowerCase())) out.push("\n");
  }
  return out;
}

function pageText(html: string): string {
  const doc = parse(html);
  const head = doc
    .querySelectorAll('meta[name="description"], meta[property="og:title"], meta[property="og:description"]')
    .map((m) => m.getAttribute("content") ?? "");
  return [...head, doc.childNodes.flatMap((node) => texts(node)).join("")].join("\n");
}

describe("French typography", () => {
  it("flags what it should and lets French through (the rule itself)", () => {
    expect(typographyFaults(`Digimedia : l'actualité ; «oui» !`)).toHaveLength(6);
    expect(typographyFaults(`Écrivez à la rédaction${NBSP}:redaction@digimedia.fr`)).toHaveLength(1);
    expect(typographyFaults(`Un écran de 6,3${NNBSP}» dans les années ‘90`)).toHaveLength(2);
    expect(typographyFaults(`«${NNBSP}Le 6,1″ est le meilleur${NNBSP}», dans les années ’90`)).toEqual([]);
    expect(typographyFaults(`Digimedia${NBSP}: l’actualité${NNBSP}; «${NNBSP}oui${NNBSP}»${NNBSP}! À 10:30.`)).toEqual(
      [],
    );
  });

  it("holds in the text and attributes of every page", () => {
    const faults = listFiles(root)
      .filter((f) => f.endsWith(".html"))
      .flatMap((f) =>
        typographyFaults(pageText(readFileSync(join(root, f), "utf8"))).map((fault) => `${f} : ${fault}`),
      );
    expect(faults).toEqual([]);
  });

  it("holds in the words a browser shows over a feed (its stylesheet's)", () => {
    const css = readFileSync(join(root, "rss.css"), "utf8");
    // CSS strings, their escapes read (« \00A0 », « \202F » and the one space that may end one).
    const words = [...css.matchAll(/content:\s*"((?:[^"\\]|\\.)*)"/g)].map(([, text = ""]) =>
      text.replace(/\\([0-9a-fA-F]{1,6}) ?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))),
    );
    expect(words.length).toBeGreaterThan(3);
    expect(typographyFaults(words.join("\n"))).toEqual([]);
  });
});
