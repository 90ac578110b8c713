/**
 * Rehype plugin giving a photo its caption the Markdown way: an image alone in its paragraph with a title,
 * `![Ce que montre la photo](/images/photo.jpg "Tim Cook sur scène. Photo : Apple")`, becomes a <figure>
 * whose <figcaption> is that title, with the site's French typography (Markdown leaves a title as typed).
 * The image keeps its alt text, which says what it shows; the caption says what the reader should know.
 */
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";
import { frenchTypography } from "./typography.ts";

const isBlank = (node: ElementContent): boolean => node.type === "text" && node.value.trim() === "";

/** The image with a title that is the only content of a paragraph, if it is one. */
function captionedImage(paragraph: Element): Element | undefined {
  const content = paragraph.children.filter((child) => !isBlank(child));
  const [only] = content;
  if (content.length !== 1 || only?.type !== "element" || only.tagName !== "img") return undefined;
  const title = only.properties["title"];
  return typeof title === "string" && title.trim() !== "" ? only : undefined;
}

export default function rehypeFigures() {
  return (tree: Root): void => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "p" || parent === undefined || index === undefined) return;
      const image = captionedImage(node);
      if (image === undefined) return;
      const caption = frenchTypography(String(image.properties["title"]).trim());
      delete image.properties["title"];
      parent.children[index] = {
        type: "element",
        tagName: "figure",
        properties: {},
        children: [
          image,
          { type: "element", tagName: "figcaption", properties: {}, children: [{ type: "text", value: caption }] },
        ],
      };
    });
  };
}
