/**
 * Remark plugin run just before remark-smartypants: inch marks and elided years (markPrimes,
 * typography.ts) in the text of article bodies. It reads each paragraph, heading and table cell
 * as one text across its inline markup, as remark-smartypants does, so that a quotation that
 * closes in bold or in a link is still seen as one.
 */
import type { Literal, Node, Root } from "mdast";
import { visit } from "unist-util-visit";
import { BLOCK_BREAK, markPrimes } from "./typography.ts";

const BLOCKS = new Set(["paragraph", "heading", "tableCell"]);

export default function remarkPrimes() {
  return (tree: Root): void => {
    let all = "";
    visit(tree, (node: Node) => {
      if (BLOCKS.has(node.type)) {
        all += BLOCK_BREAK;
      } else if (node.type === "text" || node.type === "inlineCode") {
        const literal = node as Literal;
        // Code is not prose, but a quote next to it is still read in its sentence.
        all += node.type === "text" ? literal.value : "A".repeat(literal.value.length);
      }
    });
    const marked = markPrimes(all);
    if (marked === all) return;
    // Each text takes back its own slice (markPrimes keeps the length), found again by its place.
    let at = 0;
    visit(tree, (node: Node) => {
      if (BLOCKS.has(node.type)) {
        at += 1;
      } else if (node.type === "text" || node.type === "inlineCode") {
        const literal = node as Literal;
        if (node.type === "text") literal.value = marked.slice(at, at + literal.value.length);
        at += literal.value.length;
      }
    });
  };
}
