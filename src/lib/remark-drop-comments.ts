/**
 * Remark plugin removing HTML comments from article bodies: an editor's note
 * (<!-- à vérifier avec le juridique -->) must not reach the page's source, the feeds or the
 * search index. A block of raw HTML that held only comments goes with them.
 */
import type { Html, Root } from "mdast";
import { visit, SKIP } from "unist-util-visit";

const COMMENT = /<!--[\s\S]*?-->/g;

export default function remarkDropComments() {
  return (tree: Root): void => {
    visit(tree, "html", (node: Html, index, parent) => {
      if (!node.value.includes("<!--")) return;
      node.value = node.value.replace(COMMENT, "");
      if (node.value.trim() !== "" || parent === undefined || index === undefined) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
