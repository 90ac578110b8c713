/** The body's tables, each in a box that scrolls, named and reached with Tab (src/lib/rehype-tables.ts). */
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { articleMarkdown } from "../../src/lib/markdown.ts";

const renderer = await articleMarkdown.createRenderer({ syntaxHighlight: false });
const render = async (body: string) => parse((await renderer.render(body)).code);

const table = (first: string) => `| ${first} | Prix |\n| --- | ---: |\n| Orange | 19,99 € |`;

describe("the body's tables (rehype-tables.ts)", () => {
  it("sit in a focusable region named « Tableau », the table whole inside it", async () => {
    const html = await render(`Le comparatif.\n\n${table("Opérateur")}\n\nFin.`);
    const boxes = html.querySelectorAll("section.table-scroll");
    expect(boxes.map((box) => box.attributes)).toEqual([
      { class: "table-scroll", "aria-label": "Tableau", tabindex: "0" },
    ]);
    expect(boxes[0]?.querySelectorAll("tr")).toHaveLength(2);
    expect(html.querySelectorAll("table")).toHaveLength(1);
    expect(html.querySelector("table")?.parentNode).toBe(boxes[0]);
  });

  it("are numbered when the body has several, so that each region has its own name", async () => {
    const html = await render(`${table("Opérateur")}\n\nEntre les deux.\n\n${table("Fabricant")}`);
    expect(html.querySelectorAll("section.table-scroll").map((box) => box.getAttribute("aria-label"))).toEqual([
      "Tableau 1",
      "Tableau 2",
    ]);
  });

  it("align their cells with CSS, not with the obsolete align attribute", async () => {
    const html = await render(table("Opérateur"));
    const cells = html.querySelectorAll("th, td").map((cell) => cell.attributes);
    expect(cells).toEqual([{}, { style: "text-align: right" }, {}, { style: "text-align: right" }]);
  });

  it("leave a body without a table alone", async () => {
    const html = await render("Un texte | avec une barre.");
    expect(html.querySelectorAll("section")).toHaveLength(0);
  });
});
