/**
 * Rehype plugin giving each image of a body that is a file of public/ its size in pixels (read from the
 * file, photo-size.ts), so the text does not jump down as it loads, and loading it only as the reader
 * nears it: the body's images come below the title and the standfirst, and a phone need not fetch them all.
 * A photo wider than the smallest copy also gets the build's smaller copies (srcset) and the width it
 * takes in the article's column (sizes), so a phone downloads the copy that fits its screen
 * (photo-srcset.ts). It runs before rehype-raw: an editor's <img> written in HTML is left as written.
 */
import { resolve } from "node:path";
import type { Root } from "hast";
import { visit } from "unist-util-visit";
import { SITE } from "../config.ts";
import { photoSize } from "./photo-size.ts";
import { photoSrcset } from "./photo-srcset.ts";

/** Rehype plugin: width, height, srcset, sizes, loading="lazy" and decoding="async" on the body's own images. */
export default function rehypeImageSizes(publicDir: string = resolve(SITE.publicDir)) {
  return (tree: Root): void => {
    visit(tree, "element", (node) => {
      const src = node.properties["src"];
      // Outside addresses and paths beside the article are refused by the build (article-checks.ts).
      if (node.tagName !== "img" || typeof src !== "string" || !/^\/(?!\/)/.test(src)) return;
      const { properties } = node;
      const size =
        properties["width"] === undefined && properties["height"] === undefined ? photoSize(src, publicDir) : undefined;
      if (size !== undefined) {
        properties["width"] = size.width;
        properties["height"] = size.height;
        const responsive = properties["srcSet"] === undefined ? photoSrcset(src, publicDir) : undefined;
        if (responsive !== undefined) {
          properties["srcSet"] = responsive.srcset;
          properties["sizes"] = responsive.sizes;
        }
      }
      properties["loading"] ??= "lazy";
      properties["decoding"] ??= "async";
    });
  };
}
