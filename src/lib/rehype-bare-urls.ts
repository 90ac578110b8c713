/**
 * Rehype plugin marking with the class "bare-url" each link whose text is its own address (an
 * address typed in the text, which GFM turns into a link, or <https://…>): the print stylesheet
 * writes a link's address after it on paper, except where the reader already reads it.
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

const BARE_URL_CLASS = "bare-url";

function decoded(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}

/** An address as a reader would write it: no scheme, no "www.", no final slash, accents unescaped, case ignored. */
function written(address: string): string {
  return decoded(address.trim())
    .replace(/^[a-z][a-z\d+.-]*:(?:\/\/)?/i, "")
    .replace(/^www\./i, "")
    .replace(/\/$/, "")
    .toLowerCase();
}

/**
 * Whether a link reading `text` shows its own address `href`. Only the same address: a link whose text is
 * another one ("example.org" to a page deep in it) keeps its real address on paper.
 */
function isBareUrl(href: string, text: string): boolean {
  return text.trim() !== "" && written(text) === written(href);
}

function textOf(node: Element): string {
  return node.children
    .map((child) => (child.type === "text" ? child.value : child.type === "element" ? textOf(child) : ""))
    .join("");
}

/** Rehype plugin: class "bare-url" on the links that read as their own address. */
export default function rehypeBareUrls() {
  return (tree: Root): void => {
    visit(tree, "element", (node) => {
      const href = node.properties["href"];
      if (node.tagName !== "a" || typeof href !== "string" || !isBareUrl(href, textOf(node))) return;
      const classes = node.properties["className"];
      const kept = Array.isArray(classes) ? classes : typeof classes === "string" ? [classes] : [];
      node.properties["className"] = [...kept, BARE_URL_CLASS];
    });
  };
}
