/**
 * Rehype plugin applying frenchSpacing to the text of rendered Markdown, never to code or raw
 * HTML blocks (an image's alt and a title get full French typography, quotes included), and carrying context across inline markup so that
 * "un <em>mot</em> !" is spaced like "un mot !".
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { frenchSpacing, frenchTypography } from "./typography.ts";

/** Attributes that readers read or hear (an image's alt, a tooltip): remark-smartypants never sees them. */
const READ_ATTRIBUTES = ["alt", "title"] as const;

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
      for (const name of READ_ATTRIBUTES) {
        const value = child.properties[name];
        if (typeof value === "string" && value !== "") child.properties[name] = frenchTypography(value);
      }
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
