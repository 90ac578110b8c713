/**
 * Rehype plugin putting each table of a body in a box that scrolls sideways, as code blocks do: a table of
 * five or six columns is wider than a phone, and without its box the whole page scrolled. The box is a
 * named region reached with Tab (axe's scrollable-region-focusable: a keyboard must scroll it too); pages
 * of reading have no script, so it is focusable whether or not it scrolls on this screen.
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/** Class of the box around a table, styled in ArticleLayout.astro (feeds take the table out of it: feed.ts). */
export const TABLE_BOX_CLASS = "table-scroll";

/**
 * The name of a table's region: « Tableau », numbered when the body has several (axe wants each region named
 * apart). GFM tables have no caption, and a table typed in HTML stays raw HTML, never seen here.
 */
function tableName(position: number, count: number): string {
  return count > 1 ? `Tableau ${String(position)}` : "Tableau";
}

/** GFM writes align="right", obsolete HTML (html-validate refuses it, the W3C validator warns): the same, in CSS. */
function alignInCss(cell: Element): void {
  const align = cell.properties["align"];
  if (typeof align !== "string") return;
  delete cell.properties["align"];
  cell.properties["style"] = `text-align: ${align}`;
}

/** Rehype plugin: each table of the body in a scrolling, focusable, named region; cell alignment in CSS. */
export default function rehypeTables() {
  return (tree: Root): void => {
    const tables: { table: Element; parent: Root | Element }[] = [];
    visit(tree, "element", (node, _index, parent) => {
      if (node.tagName === "table" && parent !== undefined) tables.push({ table: node, parent });
    });
    tables.forEach(({ table, parent }, i) => {
      visit(table, "element", (cell) => {
        if (cell.tagName === "th" || cell.tagName === "td") alignInCss(cell);
      });
      const box: Element = {
        type: "element",
        // A named <section> is a region (html-validate prefers it to role="region").
        tagName: "section",
        properties: {
          className: [TABLE_BOX_CLASS],
          ariaLabel: tableName(i + 1, tables.length),
          tabIndex: 0,
        },
        children: [table],
      };
      parent.children[parent.children.indexOf(table)] = box;
    });
  };
}
