/**
 * A site with a camera-sized photo (a real 2400 × 1600 JPEG with EXIF, made here with sharp, in a
 * public folder of its own: PUBLIC_DIR): its page offers smaller copies that exist in dist at their
 * width, lighter and without metadata; feeds give its 1,600 pixel copy, og:image and JSON-LD its 1,200
 * one; a replaced photo gets new copies; and the copies' cache never changes the site.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseRssFeed } from "feedsmith";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCaches, clearBuildCaches } from "../../src/lib/build-caches.ts";
import { srcsetCandidates } from "../../src/lib/html-tags.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { buildEnv, projectRoot } from "./astro.ts";
import { htmlErrors, listFiles, page, vnuErrors } from "./dist.ts";

const outDir = "dist-photo-copies";
const root = join(projectRoot, outDir, "client");
const site = "https://www.digimedia.fr";
const contentDir = temporaryFolder("digimedia-photos-content-");
const publicDir = temporaryFolder("digimedia-photos-public-");

/** A photo as a camera writes it: noisy pixels (so sizes are a photo's), EXIF with a GPS position. */
async function cameraPhoto(width: number, height: number, seed: number, orientation = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.imul(i + seed, 2654435761) >>> 24) & 0xff;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: "Appareil", Model: "Photo 1", Copyright: "Digimedia" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 8/1" },
    })
    .toBuffer();
}

const article = `---
title: Un article avec une grande photo
description: Une photo d’appareil, et d’autres dans le texte.
date: 2021-05-03
category: tech
image: /images/grande.jpg
imageAlt: Une grande photo
---

Le texte, puis une photo prise téléphone debout.

![Une photo tournée](/images/tournee.jpg)

<img src="/images/grande.jpg" alt="La même, écrite en HTML">
`;

/** Builds the site (caches and dist kept unless `cold`) and returns every file of dist/client with its bytes' length and hash. */
function build(cold = false): Map<string, string> {
  if (cold) {
    clearBuildCaches(projectRoot, contentDir);
    rmSync(join(projectRoot, outDir), { recursive: true, force: true });
  }
  const result = spawnSync(process.execPath, [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "build"], {
    cwd: projectRoot,
    env: buildEnv(contentDir, `./${outDir}`, { PUBLIC_DIR: publicDir, BUILD_NOW: "2026-06-01T00:00:00+02:00" }),
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`La construction a échoué :\n${result.stdout.slice(-3000)}\n${result.stderr}`);
  return new Map(listFiles(root).map((file) => [file, readFileSync(join(root, file)).toString("base64")]));
}

/** The candidates of an <img>'s srcset on an article's page, by its alt text. */
function srcsetOf(alt: string, path = "/articles/avec-photo/"): { url: string; descriptor: string }[] {
  const img = page(root, path).querySelector(`img[alt="${alt}"]`);
  return srcsetCandidates(img?.getAttribute("srcset") ?? "");
}

beforeAll(async () => {
  cpSync(join(projectRoot, "public"), publicDir, { recursive: true });
  mkdirSync(join(publicDir, "images"));
  writeFileSync(join(publicDir, "images/grande.jpg"), await cameraPhoto(2400, 1600, 1));
  // Stored 1000 × 1500 and turned a quarter by its EXIF orientation: shown 1500 × 1000.
  writeFileSync(join(publicDir, "images/tournee.jpg"), await cameraPhoto(1000, 1500, 2, 6));
  writeFileSync(join(contentDir, "avec-photo.md"), article);
  // A file name with a space, written so in the front matter (the body's Markdown asks for %20).
  writeFileSync(join(publicDir, "images/Petite Photo.jpg"), await cameraPhoto(900, 600, 5));
  writeFileSync(
    join(contentDir, "photo-espace.md"),
    article
      .replace("/images/grande.jpg\n", "/images/Petite Photo.jpg\n")
      .replace("imageAlt: Une grande photo", "imageAlt: Une petite photo")
      .replace("title: Un article avec une grande photo", "title: Un article avec une petite photo")
      .replace("date: 2021-05-03", "date: 2021-05-02")
      .replace(/\n\nLe texte[^]*$/, "\n\nLe texte.\n"),
  );
});

afterAll(() => {
  clearBuildCaches(projectRoot, contentDir);
  rmSync(join(projectRoot, outDir), { recursive: true, force: true });
});

describe("a photo wider than a phone", () => {
  let cold = new Map<string, string>();
  beforeAll(() => {
    cold = build(true);
  });

  it("is offered in smaller copies that exist in dist, at their width, lighter, without EXIF", async () => {
    const hero = page(root, "/articles/avec-photo/").querySelector("img.hero");
    expect(hero?.attributes).toMatchObject({
      src: "/images/grande.jpg",
      width: "2400",
      height: "1600",
      fetchpriority: "high",
      sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
    });
    const candidates = srcsetOf("Une grande photo");
    // The 2,400 pixel original is left out: the 1,600 pixel copy serves the widest screens.
    expect(candidates.map((c) => c.descriptor)).toEqual(["480w", "800w", "1200w", "1600w"]);
    const original = statSync(join(publicDir, "images/grande.jpg")).size;
    for (const { url, descriptor } of candidates) {
      expect(url).toMatch(/^\/_photos\/images\/grande-[0-9a-f]{8}-\d+\.jpg$/);
      const file = join(root, url);
      const { width, height, exif, format } = await sharp(file).metadata();
      expect({ width: `${String(width)}w`, height, exif, format }).toEqual({
        width: descriptor,
        height: Math.round((width * 1600) / 2400),
        exif: undefined,
        format: "jpeg",
      });
      expect(statSync(file).size).toBeLessThan(original / 2);
    }
  });

  it("is turned as its EXIF says, in the body too; an editor's HTML <img> keeps its own attributes", async () => {
    const candidates = srcsetOf("Une photo tournée");
    expect(candidates.map((c) => c.descriptor)).toEqual(["480w", "800w", "1200w", "1500w"]);
    const copy = await sharp(join(root, candidates[1]?.url ?? "")).metadata();
    expect([copy.width, copy.height, copy.orientation]).toEqual([800, 533, undefined]);
    const img = page(root, "/articles/avec-photo/").querySelector('img[alt="Une photo tournée"]');
    expect(img?.attributes).toMatchObject({ width: "1500", height: "1000", loading: "lazy" });
    const written = page(root, "/articles/avec-photo/").querySelector('img[alt="La même, écrite en HTML"]');
    expect(written?.attributes).toEqual({ src: "/images/grande.jpg", alt: "La même, écrite en HTML" });
  });

  it("leaves pages that html-validate and the W3C checker accept (srcset with sizes)", async () => {
    expect(await htmlErrors(root)).toEqual([]);
    expect(vnuErrors(root, ["articles/avec-photo/index.html", "articles/photo-espace/index.html"])).toEqual([]);
  });

  it("writes a photo whose file name has a space with %20, in src and in each srcset candidate, all in dist", () => {
    const hero = page(root, "/articles/photo-espace/").querySelector("img.hero");
    expect(hero?.getAttribute("src")).toBe("/images/Petite%20Photo.jpg");
    const candidates = srcsetOf("Une petite photo", "/articles/photo-espace/");
    expect(candidates.map((c) => c.descriptor)).toEqual(["480w", "800w", "900w"]);
    for (const { url } of candidates) {
      expect(url).toMatch(/^\/(?:_photos\/)?images\/Petite%20Photo(?:-[0-9a-f]{8}-\d+)?\.jpg$/);
      expect(statSync(join(root, decodeURIComponent(url))).isFile()).toBe(true);
    }
  });

  it("is given by a copy where one image is given: 1,600 pixels in feeds, 1,200 where it is shared; a photo of 2,000 pixels or less by itself in feeds", async () => {
    const [shared, copy] = srcsetOf("Une grande photo")
      .slice(-2)
      .map((c) => c.url);
    expect([shared, copy]).toEqual([expect.stringMatching(/-1200\.jpg$/), expect.stringMatching(/-1600\.jpg$/)]);
    // The sizes written are the copies' own, as their files say.
    const sizeOf = async (url = ""): Promise<number[]> => {
      const { width, height } = await sharp(join(root, url)).metadata();
      return [width, height];
    };
    expect([await sizeOf(shared), await sizeOf(copy)]).toEqual([
      [1200, 800],
      [1600, 1067],
    ]);
    for (const feed of ["rss.xml", "categorie/tech/rss.xml"]) {
      const xml = readFileSync(join(root, feed), "utf8");
      const [item] = parseRssFeed(xml).items ?? [];
      const text = item?.content?.encoded ?? "";
      expect(text).toContain(`<img src="${site}${copy ?? ""}" alt="Une grande photo" width="1600" height="1067">`);
      // 1,500 pixels wide: the page offers the photo itself, and so does the feed, without its copies.
      expect(text).toMatch(
        new RegExp(`<img src="${site}/images/tournee\\.jpg" alt="Une photo tournée" width="1500" height="1000"`),
      );
      // An editor's HTML <img> is left as written.
      expect(text).toContain(`<img src="${site}/images/grande.jpg" alt="La même, écrite en HTML">`);
      // The image the page shares, as in its head.
      expect(item?.media?.contents?.[0]).toMatchObject({ url: `${site}${shared ?? ""}`, width: 1200, height: 800 });
      expect(xml).not.toMatch(/srcset|sizes=/);
    }
    const head = page(root, "/articles/avec-photo/");
    const meta = (key: string): string | undefined =>
      head.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
    expect(["og:image", "og:image:width", "og:image:height", "twitter:image"].map(meta)).toEqual([
      `${site}${shared ?? ""}`,
      "1200",
      "800",
      `${site}${shared ?? ""}`,
    ]);
    // The copy is the photo: described by its imageAlt, as the photo itself would be.
    expect([meta("og:image:alt"), meta("twitter:image:alt")]).toEqual(["Une grande photo", "Une grande photo"]);
    const jsonLd = head.querySelectorAll('script[type="application/ld+json"]').map((s) => s.text);
    expect(jsonLd.join("")).toContain(`"${site}${shared ?? ""}"`);
    expect(jsonLd.join("")).not.toContain(`"${site}/images/grande.jpg"`);
  });

  it("gives the same site from its cache of copies, or without it", () => {
    expect(build()).toEqual(cold);
    rmSync(buildCaches(projectRoot, contentDir).photoCopies, { recursive: true, force: true });
    expect(build()).toEqual(cold);
  });

  it("gets new copies once replaced, even by a photo of the same size; the old ones leave dist and the cache", async () => {
    const spaced = srcsetOf("Une petite photo", "/articles/photo-espace/").map((c) => c.url);
    const before = [...srcsetOf("Une grande photo"), ...srcsetOf("Une photo tournée")].map((c) => c.url);
    writeFileSync(join(publicDir, "images/grande.jpg"), await cameraPhoto(2400, 1600, 3));
    writeFileSync(join(publicDir, "images/tournee.jpg"), await cameraPhoto(1000, 1500, 4, 6));
    const warm = build();
    const after = [...srcsetOf("Une grande photo"), ...srcsetOf("Une photo tournée")].map((c) => c.url);
    expect(after).toHaveLength(before.length);
    // Every copy has a new address (the photos themselves keep theirs; the 2,400 px one is in no srcset).
    expect(after.filter((url) => before.includes(url))).toEqual(["/images/tournee.jpg"]);
    // As files: their addresses decoded (« Petite%20Photo » is « Petite Photo »).
    const copies = [...after, ...spaced]
      .filter((url) => url.startsWith("/_photos/"))
      .map((url) => decodeURIComponent(url))
      .sort();
    expect(
      listFiles(join(root, "_photos"))
        .map((f) => `/_photos/${f}`)
        .sort(),
    ).toEqual(copies);
    // The replaced photos' copies left the cache too: it holds what the site shows, and does not grow.
    expect(
      listFiles(buildCaches(projectRoot, contentDir).photoCopies)
        .map((f) => `/_photos/${f}`)
        .sort(),
    ).toEqual(copies);
    expect(warm).toEqual(build(true));
  });
});
