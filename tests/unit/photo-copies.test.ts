/**
 * The smaller copies of photos: their widths, their names, the srcset and sizes of a page's <img>
 * (photo-copies.ts, photo-srcset.ts, rehype-image-sizes.ts), and what feeds, keys and caches make of them.
 */
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";
import { cacheControl, headersFile } from "../../server/headers.ts";
import { bodyProblems } from "../../src/lib/article-checks.ts";
import { linkTargets } from "../../src/lib/link-targets.ts";
import { feedOptions, type FeedArticle } from "../../src/lib/feed.ts";
import { articleImage } from "../../src/lib/seo.ts";
import { articlePageKey } from "../../src/lib/page-keys.ts";
import {
  copyOf,
  copyWidths,
  parseCopyUrl,
  PHOTO_SIZES,
  photoAddress,
  photoCopies,
  responsivePhoto,
} from "../../src/lib/photo-copies.ts";
import { copyFiles } from "../../src/lib/photo-resize.ts";
import { hasStaleCopies, photoHash, photoSrcset } from "../../src/lib/photo-srcset.ts";
import rehypeImageSizes from "../../src/lib/rehype-image-sizes.ts";
import { jpegHeader, pngFile } from "../image-files.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const publicDir = temporaryFolder("public-");
mkdirSync(join(publicDir, "images"));
const write = (address: string, data: string | Buffer, later = 0): void => {
  writeFileSync(join(publicDir, address), data);
  // Another modification time, as a later save has (the file system may round a quick one to the same).
  if (later > 0) utimesSync(join(publicDir, address), new Date(), new Date(Date.now() + later));
};

describe("copyWidths", () => {
  it.each([
    [4000, [480, 800, 1200, 1600]],
    [2400, [480, 800, 1200, 1600]],
    [1600, [480, 800, 1200]],
    [1000, [480, 800]],
    [481, [480]],
    [480, []],
    [64, []],
  ])("makes copies of a photo %i pixels wide at %j", (width, widths) => {
    expect(copyWidths(width)).toEqual(widths);
  });
});

describe("copy names", () => {
  it("put the photo's path, the hash of its bytes and the width in the build's own folder", () => {
    expect(copyOf("/images/photo.jpg", "1a2b3c4d", 800).url).toBe("/_photos/images/photo-1a2b3c4d-800.jpg");
    expect(copyOf("/images/carte.PNG?v=2", "00ff00ff", 480).url).toBe("/_photos/images/carte-00ff00ff-480.PNG");
  });

  it("escape what a srcset cannot hold as such (spaces, commas, accents), and read back the same", () => {
    const copy = copyOf("/images/été%202024,%20Paris.webp", "1a2b3c4d", 1200);
    expect(copy.url).toBe("/_photos/images/%C3%A9t%C3%A9%202024%2C%20Paris-1a2b3c4d-1200.webp");
    expect(copy.source).toBe("/images/été 2024, Paris.webp");
    expect(parseCopyUrl(copy.url)).toEqual(copy);
  });

  it.each([
    "/images/photo-1a2b3c4d-800.jpg",
    "/_photos/images/photo.jpg",
    "/_photos/images/photo-1a2b3c4d-640.jpg",
    "/_photos/images/logo-1a2b3c4d-800.svg",
    "/_photos/images/photo-1A2B3C4D-800.jpg",
  ])("are not read in %s, no copy the build makes", (url) => {
    expect(parseCopyUrl(url)).toBeUndefined();
  });
});

describe("responsivePhoto", () => {
  it("lists the copies, then the photo at its own width, with the width of the article's column", () => {
    expect(responsivePhoto("/images/photo.jpg", "1a2b3c4d", 1800)).toMatchObject({
      srcset:
        "/_photos/images/photo-1a2b3c4d-480.jpg 480w, /_photos/images/photo-1a2b3c4d-800.jpg 800w, " +
        "/_photos/images/photo-1a2b3c4d-1200.jpg 1200w, /_photos/images/photo-1a2b3c4d-1600.jpg 1600w, " +
        "/images/photo.jpg 1800w",
      sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
    });
    expect(PHOTO_SIZES).toBe("(min-width: 42rem) 40rem, calc(100vw - 2rem)");
  });

  it("leaves out a camera's original, wider than 2,000 pixels: a 3× screen would take its megabytes", () => {
    expect(responsivePhoto("/images/photo.jpg", "1a2b3c4d", 4000)?.srcset).toBe(
      "/_photos/images/photo-1a2b3c4d-480.jpg 480w, /_photos/images/photo-1a2b3c4d-800.jpg 800w, " +
        "/_photos/images/photo-1a2b3c4d-1200.jpg 1200w, /_photos/images/photo-1a2b3c4d-1600.jpg 1600w",
    );
    expect(responsivePhoto("/images/photo.jpg", "1a2b3c4d", 2000)?.srcset).toMatch(/ \/images\/photo\.jpg 2000w$/);
  });

  it("escapes a photo's address written with a space, as in the front matter, everywhere in the srcset", () => {
    expect(responsivePhoto("/images/Petite Photo.png", "1a2b3c4d", 600)?.srcset).toBe(
      "/_photos/images/Petite%20Photo-1a2b3c4d-480.png 480w, /images/Petite%20Photo.png 600w",
    );
    // Written escaped (as the body's Markdown asks), the same.
    expect(responsivePhoto("/images/Petite%20Photo.png", "1a2b3c4d", 600)?.srcset).toBe(
      "/_photos/images/Petite%20Photo-1a2b3c4d-480.png 480w, /images/Petite%20Photo.png 600w",
    );
  });

  it("gives nothing to a photo without copies: too narrow, or a format the build does not resize", () => {
    expect(responsivePhoto("/images/vignette.jpg", "1a2b3c4d", 480)).toBeUndefined();
    for (const format of ["svg", "gif", "avif"])
      expect(responsivePhoto(`/images/x.${format}`, "1a2b3c4d", 3000)).toBeUndefined();
    expect(photoCopies("/images/x.png", "1a2b3c4d", 900).map((c) => c.url)).toEqual([
      "/_photos/images/x-1a2b3c4d-480.png",
      "/_photos/images/x-1a2b3c4d-800.png",
    ]);
  });
});

describe("photoAddress", () => {
  it("writes a photo's address as a page's src and srcset can hold it, an escaped one kept as it is", () => {
    expect(photoAddress("/images/Petite Photo.png")).toBe("/images/Petite%20Photo.png");
    expect(photoAddress("/images/Petite%20Photo.png")).toBe("/images/Petite%20Photo.png");
    expect(photoAddress("/images/été, 2020.jpg?v=2")).toBe("/images/%C3%A9t%C3%A9%2C%202020.jpg?v=2");
    expect(photoAddress("/images/photo.jpg")).toBe("/images/photo.jpg");
    // A file named with « # » stays a path, not an address and its fragment.
    expect(photoAddress("/images/a%23b.jpg")).toBe("/images/a%23b.jpg");
    // Not an escaped address (a lone %): the file's own character, escaped.
    expect(photoAddress("/images/100%.png")).toBe("/images/100%25.png");
  });
});

describe("photoSrcset", () => {
  it("names new copies once a photo is replaced, even by one of the same size", () => {
    write("images/remplacee.jpg", jpegHeader(2400, 1600));
    const before = photoSrcset("/images/remplacee.jpg", publicDir);
    expect(before?.srcset).toMatch(/^\/_photos\/images\/remplacee-[0-9a-f]{8}-480\.jpg 480w, /);
    expect(photoSrcset("/images/remplacee.jpg", publicDir)).toEqual(before);
    write("images/remplacee.jpg", Buffer.concat([jpegHeader(2400, 1600), Buffer.from("autre")]), 5000);
    const after = photoSrcset("/images/remplacee.jpg", publicDir);
    expect(after?.srcset).toMatch(/ \/_photos\/images\/remplacee-[0-9a-f]{8}-1600\.jpg 1600w$/);
    expect(after?.srcset).not.toBe(before?.srcset);
  });

  it("counts a photo turned by its EXIF orientation at the width a browser shows", () => {
    write("images/portrait.jpg", jpegHeader(4000, 1000, 6));
    expect(photoSrcset("/images/portrait.jpg", publicDir)?.srcset).toMatch(
      /-800\.jpg 800w, \/images\/portrait\.jpg 1000w$/,
    );
  });

  it("gives nothing for a missing file or one that is no image", () => {
    write("images/page.jpg", "<!doctype html><title>404</title>");
    expect(photoSrcset("/images/absente.jpg", publicDir)).toBeUndefined();
    expect(photoSrcset("/images/page.jpg", publicDir)).toBeUndefined();
  });
});

describe("the body's images (rehype-image-sizes.ts)", () => {
  const image = (properties: Element["properties"]): Element["properties"] => {
    const tree: Root = {
      type: "root",
      children: [{ type: "element", tagName: "img", properties: { alt: "", ...properties }, children: [] }],
    };
    rehypeImageSizes(publicDir)(tree);
    return (tree.children[0] as Element).properties;
  };

  it("get the copies of a photo, with the width it takes in the column", () => {
    write("images/large.png", pngFile(1000, 10));
    expect(image({ src: "/images/large.png" })).toEqual({
      src: "/images/large.png",
      alt: "",
      width: 1000,
      height: 10,
      srcSet: photoSrcset("/images/large.png", publicDir)?.srcset,
      sizes: PHOTO_SIZES,
      loading: "lazy",
      decoding: "async",
    });
  });

  it("get none when the photo is small, or sized by the editor", () => {
    write("images/petite.png", pngFile(300, 10));
    expect(image({ src: "/images/petite.png" })).not.toHaveProperty("srcSet");
    expect(image({ src: "/images/large.png", width: 200 })).not.toHaveProperty("srcSet");
  });
});

describe("copies outside the page", () => {
  const copies = responsivePhoto("/images/photo.jpg", "1a2b3c4d", 2400);
  const offered = responsivePhoto("/images/moyenne.jpg", "5e6f7a8b", 1800);
  const img = (src: string, size: string, r: typeof copies) =>
    `<img src="${src}" alt="" ${size} srcset="${r?.srcset ?? ""}" sizes="${r?.sizes ?? ""}" loading="lazy">`;
  const html =
    `<p>${img("/images/photo.jpg", 'width="2400" height="1600"', copies)}</p>` +
    `<p>${img("/images/moyenne.jpg", 'width="1800" height="1200"', offered)}</p>` +
    `<p><img src="/images/a.png" alt="" srcset="/images/a-2x.png 2x"></p>`;
  const feedItem = (article: Partial<FeedArticle>): string => {
    const spec = {
      title: "Digimedia",
      description: "d",
      feedPath: "/rss.xml",
      pagePath: "/",
      articles: [
        {
          id: "x",
          title: "T",
          description: "D",
          date: new Date("2021-05-03T08:00:00Z"),
          updated: undefined,
          author: "La rédaction",
          categoryLabel: "Tech",
          tags: [],
          photo: undefined,
          card: "/og/x-0a1b2c3d.png",
          html: "",
          ...article,
        },
      ],
    };
    const [item] = feedOptions(spec, "https://x.fr").items as { content: string; customData: string }[];
    return `${item?.content ?? ""}${item?.customData ?? ""}`;
  };

  it("give a feed one address a photo: the largest its page offers, a camera's original by its 1,600 pixel copy", () => {
    const item = feedItem({ html });
    expect(item).toContain(
      '<img src="https://x.fr/_photos/images/photo-1a2b3c4d-1600.jpg" alt="" width="1600" height="1067" loading="lazy">',
    );
    // 1,800 pixels: the page offers the photo itself at its widest, and so does the feed.
    expect(item).toContain(
      '<img src="https://x.fr/images/moyenne.jpg" alt="" width="1800" height="1200" loading="lazy">',
    );
    expect(item).not.toMatch(/sizes=|-480\.jpg|-800\.jpg|-1200\.jpg/);
    // An editor's own srcset stays, its addresses absolute.
    expect(item).toContain('srcset="https://x.fr/images/a-2x.png 2x"');
  });

  it("stand for the editor's photo atop a feed item (1,600 pixels) and where it is shared (1,200: media:content, og:image)", () => {
    const photo = { path: "/images/photo.jpg", alt: "", size: { width: 2400, height: 1600 }, responsive: copies };
    const item = feedItem({ photo });
    const copy = "https://x.fr/_photos/images/photo-1a2b3c4d-1600.jpg";
    expect(item).toContain(`<img src="${copy}" alt="" width="1600" height="1067">`);
    const shared = "/_photos/images/photo-1a2b3c4d-1200.jpg";
    expect(item).toContain(
      `<media:content url="https://x.fr${shared}" medium="image" type="image/jpeg" width="1200" height="800"/>`,
    );
    expect(articleImage("/og/x.png", photo)).toEqual({
      path: shared,
      type: "image/jpeg",
      size: { width: 1200, height: 800 },
    });
    // Wider than the card: its 1,200 pixel copy; exactly as wide, the photo itself.
    const medium = { path: "/images/moyenne.jpg", size: { width: 1800, height: 1200 }, responsive: offered };
    expect(articleImage("/og/x.png", medium).path).toBe("/_photos/images/moyenne-5e6f7a8b-1200.jpg");
    const card = {
      path: "/images/carte.jpg",
      size: { width: 1200, height: 630 },
      responsive: responsivePhoto("/images/carte.jpg", "0a0b0c0d", 1200),
    };
    expect(articleImage("/og/x.png", card).path).toBe("/images/carte.jpg");
  });

  it("count in an article page's cache key: a photo replaced by another of the same size renders it again", () => {
    const article = { id: "x", data: {}, body: "b" };
    const size = { width: 2400, height: 1600 };
    const other = responsivePhoto("/images/photo.jpg", "99999999", 2400);
    expect(articlePageKey("s", article, { size, responsive: copies })).not.toBe(
      articlePageKey("s", article, { size, responsive: other }),
    );
  });

  it("are cached for ever by browsers, like the scripts of /_astro/", () => {
    expect(cacheControl("/_photos/images/photo-1a2b3c4d-800.jpg")).toBe("public, max-age=31536000, immutable");
    expect(cacheControl("/images/photo.jpg")).toBe("public, max-age=86400");
    expect(headersFile()).toContain("/_photos/*\n  Cache-Control: public, max-age=31536000, immutable");
  });
});

describe("copyFiles", () => {
  it("makes a copy again when its file has left the cache (a build cleans it while the dev server runs)", async () => {
    write("images/refaite.png", pngFile(1000, 10));
    const [copy] = photoCopies("/images/refaite.png", photoHash("/images/refaite.png", publicDir) ?? "", 1000);
    const cache = temporaryFolder("copies-");
    const make = (): Promise<string> | undefined =>
      copyFiles(copy === undefined ? [] : [copy], publicDir, cache)
        .values()
        .next().value;
    const file = (await make()) ?? "";
    expect(existsSync(file)).toBe(true);
    rmSync(file);
    expect(await make()).toBe(file);
    expect(existsSync(file)).toBe(true);
  });
});

describe("a body kept from an earlier build", () => {
  it("is stale once a photo it names copies of is replaced, not before; an editor's own srcset is the editor's", () => {
    write("images/gardee.png", pngFile(2000, 10));
    const copies = photoSrcset("/images/gardee.png", publicDir);
    const html = `<img src="/images/gardee.png" alt="" srcset="${copies?.srcset ?? ""}" sizes="${PHOTO_SIZES}">`;
    expect(hasStaleCopies(html, publicDir)).toBe(false);
    expect(hasStaleCopies('<img src="/images/gardee.png" alt="" srcset="/images/a.png 2x">', publicDir)).toBe(false);
    write("images/gardee.png", pngFile(2000, 12), 5000);
    expect(hasStaleCopies(html, publicDir)).toBe(true);
  });

  it("passes the build's checks: its copies are checked as the photo they copy", () => {
    write("images/verifiee.png", pngFile(2000, 10));
    const site = { publicDir, ...linkTargets([]), now: new Date("2026-01-01T00:00:00Z") };
    const problems = (src: string, srcset: string): string[] =>
      bodyProblems(
        "Texte.",
        { html: `<p>Texte. <img src="${src}" alt="Une photo" srcset="${srcset}"></p>`, headings: [] },
        site,
        undefined,
      ).map((p) => p.message);
    expect(problems("/images/verifiee.png", photoSrcset("/images/verifiee.png", publicDir)?.srcset ?? "")).toEqual([]);
    const missing = responsivePhoto("/images/disparue.png", "1a2b3c4d", 2000)?.srcset ?? "";
    expect(problems("/images/verifiee.png", missing)).toEqual([expect.stringContaining("public/images/disparue.png")]);
  });
});
