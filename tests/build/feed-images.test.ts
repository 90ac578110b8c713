/**
 * Feeds of articles the seed and the corpus do not have: one with an editor's photo (a file of
 * public/), no tags and an update, one with none of these. Built from a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWith, projectRoot } from "./astro.ts";
import { page } from "./dist.ts";
import { checkFeed, type ExpectedItem } from "./feeds.ts";

const outDir = "dist-feed-images";
const root = join(projectRoot, outDir, "client");
const site = "https://www.digimedia.fr";
let contentDir = "";

const withPhoto = `---
title: Un article avec une photo
description: "Le chapô de l'article : une photo, puis le texte !"
date: 2021-05-03
updated: 2021-05-04T09:30
category: tech
image: /favicon.svg
imageAlt: Le logo de "Digimedia" & son cercle
---

Le texte de l'article, sous sa photo.
`;

const withoutPhoto = `---
title: Un article sans photo
description: Un chapô.
date: 2021-05-02
category: tech
tags: [IA]
---

Du texte.
`;

const expected: ExpectedItem[] = [
  { slug: "avec-photo", title: "Un article avec une photo", date: "2021-05-02T22:00:00.000Z", category: "Tech" },
  { slug: "sans-photo", title: "Un article sans photo", date: "2021-05-01T22:00:00.000Z", category: "Tech" },
];

beforeAll(() => {
  contentDir = mkdtempSync(join(tmpdir(), "digimedia-feed-images-"));
  writeFileSync(join(contentDir, "avec-photo.md"), withPhoto);
  writeFileSync(join(contentDir, "sans-photo.md"), withoutPhoto);
  const { status, output } = buildWith(contentDir, `./${outDir}`);
  if (status !== 0) throw new Error(`La construction a échoué :\n${output.slice(-3000)}`);
});

afterAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(join(projectRoot, outDir), { recursive: true, force: true });
});

describe("feeds of an article with a photo and an update", () => {
  it("give the photo atop the item's full text, the image its page shares, and the date of the update", () => {
    // The page shows the photo and the update: checkFeed compares each item with its page.
    const article = page(root, "/articles/avec-photo/");
    // With its size (public/favicon.svg is 64 × 64), so the text does not jump as it loads, and fetched first.
    expect(article.querySelector("img.hero")?.attributes).toMatchObject({
      src: "/favicon.svg",
      width: "64",
      height: "64",
      fetchpriority: "high",
    });
    for (const path of ["/rss.xml", "/categorie/tech/rss.xml"]) {
      const items = checkFeed(root, path, site, expected).items ?? [];
      // An SVG photo tops the full text, but the item's image is the drawn card, as the page's og:image:
      // social networks and feed readers show no SVG.
      expect(items[0]?.content?.encoded).toContain(
        `<img src="${site}/favicon.svg" alt="Le logo de «\u202fDigimedia\u202f» &amp; son cercle" width="64" height="64">`,
      );
      const [card] = items[0]?.media?.contents ?? [];
      expect(card).toMatchObject({ medium: "image", type: "image/png", width: 1200, height: 630 });
      expect(items[0]?.media?.contents).toHaveLength(1);
      expect(card?.url).toMatch(new RegExp(`^${site}/og/avec-photo-[0-9a-f]{8}\\.png$`));
      expect(items[0]?.atom?.updated).toBe("2021-05-04T09:30:00+02:00");
      expect(items[1]?.media?.contents?.[0]?.url).toMatch(new RegExp(`^${site}/og/sans-photo-[0-9a-f]{8}\\.png$`));
      expect(items[1]?.atom?.updated).toBeUndefined();
    }
  });

  it("show on the page the time of an update written with one, and the day alone for a date written without", () => {
    const byline = page(root, "/articles/avec-photo/").querySelector(".byline");
    expect(byline?.querySelectorAll("time").map((t) => t.text)).toEqual([
      "3\u00a0mai 2021",
      "4\u00a0mai 2021 à 9\u00a0h\u00a030",
    ]);
    // Copied or read in a reader mode, the byline's parts stay apart.
    expect(byline?.textContent.replace(/\s+/g, " ")).toMatch(/Publié le 3.mai 2021 Mis à jour/);
  });

  it("leave out the JSON-LD keywords of an article without tags", () => {
    const jsonLd = (path: string): Record<string, unknown> | undefined =>
      page(root, path)
        .querySelectorAll('script[type="application/ld+json"]')
        .map((s) => JSON.parse(s.text) as Record<string, unknown>)
        .find((data) => data["@type"] === "NewsArticle");
    expect(jsonLd("/articles/avec-photo/")).not.toHaveProperty("keywords");
    expect(jsonLd("/articles/sans-photo/")?.["keywords"]).toBe("IA");
  });
});
