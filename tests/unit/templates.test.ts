/**
 * Astro 7 compresses templates with JSX's rules: the whitespace of a line break between text and
 * an inline element or an expression is dropped, so text wrapped by the formatter renders glued
 * words (« effacée après30 jours », « écrivez àredaction@… »). Every such break in a template
 * needs {" "}; this finds those without it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const INLINE = new Set("a abbr b cite code em i kbd mark q s small span strong sub sup time u".split(" "));
const TEXT = /[\p{L}\p{N},;:.!?»)’%]/u;

/** The line breaks of `template` (an .astro file) where compression glues a word to its neighbour. */
export function gluedBreaks(source: string): string[] {
  // Front matter, styles and scripts are not markup: blanked, lines kept.
  const blank = (m: string): string => m.replace(/[^\n]/g, " ");
  const template = source.replace(/^---[\s\S]*?\n---\n/, blank).replace(/<(style|script)[\s\S]*?<\/\1>/g, blank);
  const found: string[] = [];
  let inTag = false;
  let depth = 0;
  let tag = "";
  let before: "text" | "inline-end" | "other" = "other";
  for (let i = 0; i < template.length; i++) {
    const ch = template.charAt(i);
    if (inTag) {
      if (ch === "{") depth++;
      else if (ch === "}") depth--;
      else if (ch === ">" && depth === 0) {
        inTag = false;
        before = tag.startsWith("/") && INLINE.has(tag.slice(1)) ? "inline-end" : "other";
      }
    } else if (depth > 0) {
      if (ch === "{") depth++;
      else if (ch === "}" && --depth === 0) before = "inline-end";
    } else if (ch === "<" && /[a-zA-Z/!]/.test(template.charAt(i + 1))) {
      tag = /^<(\/?[a-zA-Z][\w.-]*)/.exec(template.slice(i))?.[1] ?? "";
      inTag = true;
    } else if (ch === "{") {
      depth = 1;
    } else if (ch === "\n") {
      let next = i;
      while (/\s/.test(template.charAt(next))) next++;
      const rest = template.slice(next);
      const element = /^<([a-zA-Z]+)/.exec(rest)?.[1];
      const startsInline =
        (element !== undefined && INLINE.has(element)) || (rest.startsWith("{") && !rest.startsWith('{" "}'));
      const startsText = TEXT.test(rest.charAt(0)) || rest.startsWith("&");
      if ((before === "text" && startsInline) || (before === "inline-end" && startsText)) {
        const line = template.slice(0, i).split("\n").length;
        found.push(
          `ligne ${String(line)} : « ${template.slice(Math.max(0, i - 30), i).trim()} ⏎ ${rest.slice(0, 30)} »`,
        );
      }
      i = next - 1;
    } else if (!/\s/.test(ch)) {
      before = TEXT.test(ch) ? "text" : "other";
    }
  }
  return found;
}

describe("templates", () => {
  it("finds the breaks that glue words, and only those (the rule itself)", () => {
    expect(
      gluedBreaks("<p>\n  effacée après\n  {days}&#160;jours, écrivez à\n  <a href={x}>nous</a>\n  vite.\n</p>"),
    ).toHaveLength(3);
    expect(
      gluedBreaks(
        '<p>\n  effacée après{" "}\n  {days}&#160;jours.\n</p>\n<Layout\n  title={t}\n  description={d}\n>\n  <p>Un</p>\n</Layout>',
      ),
    ).toEqual([]);
  });

  it("glue no word to the next in any page, layout or component", () => {
    const problems = readdirSync("src", { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".astro"))
      .flatMap((file) => gluedBreaks(readFileSync(join("src", file), "utf8")).map((p) => `src/${file}, ${p}`));
    expect(problems).toEqual([]);
  });
});
