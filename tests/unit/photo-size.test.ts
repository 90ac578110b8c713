/** Sizes of image files of public/, as a browser shows them (src/lib/photo-size.ts), and the body's images given theirs. */
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { articleMarkdown } from "../../src/lib/markdown.ts";
import { photoSize } from "../../src/lib/photo-size.ts";
import { jpegHeader, pngFile } from "../image-files.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const publicDir = temporaryFolder("public-");
mkdirSync(join(publicDir, "images"));
const write = (address: string, data: string | Buffer): void => {
  writeFileSync(join(publicDir, address), data);
};

describe("photoSize", () => {
  it("reads a PNG's and a JPEG's size from their headers", () => {
    write("images/carte.png", pngFile(40, 21));
    write("images/paysage.jpg", jpegHeader(1600, 900));
    expect(photoSize("/images/carte.png", publicDir)).toEqual({ width: 40, height: 21 });
    expect(photoSize("/images/paysage.jpg?v=2", publicDir)).toEqual({ width: 1600, height: 900 });
  });

  it("gives a photo turned by its EXIF orientation the size a browser shows", () => {
    write("images/portrait.jpg", jpegHeader(4000, 3000, 6));
    expect(photoSize("/images/portrait.jpg", publicDir)).toEqual({ width: 3000, height: 4000 });
  });

  it("reads an SVG's size from its attributes or its viewBox, and none when it has neither", () => {
    write("images/schema.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"></svg>');
    write("images/libre.svg", '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    expect(photoSize("/images/schema.svg", publicDir)).toEqual({ width: 800, height: 450 });
    expect(photoSize("/images/libre.svg", publicDir)).toBeUndefined();
  });

  it("has no size for a missing file, nor for one that only has an image's extension", () => {
    write("images/page.jpg", "<!doctype html><title>404</title>");
    expect(photoSize("/images/absente.jpg", publicDir)).toBeUndefined();
    expect(photoSize("/images/page.jpg", publicDir)).toBeUndefined();
  });

  it("reads a file again once an editor replaces it", () => {
    write("images/remplacee.png", pngFile(30, 20));
    expect(photoSize("/images/remplacee.png", publicDir)).toEqual({ width: 30, height: 20 });
    write("images/remplacee.png", pngFile(60, 20));
    // Another modification time, as a later save has (the file system may round a quick one to the same).
    utimesSync(join(publicDir, "images/remplacee.png"), new Date(), new Date(Date.now() + 5000));
    expect(photoSize("/images/remplacee.png", publicDir)).toEqual({ width: 60, height: 20 });
  });
});

const renderer = await articleMarkdown.createRenderer({ syntaxHighlight: false });

describe("the body's images (rehype-image-sizes.ts)", () => {
  const images = async (body: string) => {
    const { code } = await renderer.render(body, { fileURL: new URL("file:///content/articles/x.md") });
    return parse(code)
      .querySelectorAll("img")
      .map((img) => img.attributes);
  };

  it("get the size of their file of public/, and load as the reader nears them", async () => {
    // public/favicon.svg is 64 × 64.
    expect(await images("Un texte.\n\n![Le logo du site](/favicon.svg)")).toEqual([
      { src: "/favicon.svg", alt: "Le logo du site", width: "64", height: "64", loading: "lazy", decoding: "async" },
    ]);
  });

  it("load lazily without a size when their file gives none", async () => {
    expect(await images("![Une photo](/images/absente.jpg)")).toEqual([
      { src: "/images/absente.jpg", alt: "Une photo", loading: "lazy", decoding: "async" },
    ]);
  });
});
