/**
 * Rehype plugin applying frenchSpacing to the text of rendered Markdown, never to code,
 * attributes or raw HTML blocks, and carrying context across inline markup so that
 * "un <em>mot</em> !" is spaced like "un mot !".
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { frenchSpacing } from "./typography.ts";

const verbatim = new Set(["code", "pre", "kbd", "samp", "script", "style", "var", "math", "svg", "textarea"]);
const blocks = new Set([
  "p",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "td",
  "th",
  "dt",
  "dd",
  "figcaption",
  "div",
  "section",
  "ul",
  "ol",
  "table",
  "tr",
]);

interface State {
  before: string;
}

function walk(node: Root | Element, state: State): void {
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type === "text") {
      child.value = frenchSpacing(child.value, state.before);
      state.before = (state.before + child.value).slice(-2);
    } else if (child.type === "element") {
      if (verbatim.has(child.tagName)) {
        state.before = "x";
        continue;
      }
      const isBlock = blocks.has(child.tagName);
      if (isBlock) state.before = "";
      walk(child, state);
      if (isBlock) state.before = "";
    }
  }
}

/** Rehype plugin: French spacing on every prose text node. */
export default function rehypeFrenchSpacing() {
  return (tree: Root): void => {
    walk(tree, { before: "" });
  };
}
