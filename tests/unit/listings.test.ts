import { describe, expect, it, vi } from "vitest";
import {
  buildArchive,
  buildSiteIndex,
  pageWindow,
  paginateList,
  tagsByName,
  type Listable,
} from "../../src/lib/listings.ts";
import { homePages } from "../../src/lib/pages.ts";
import {
  fixBuildTime,
  isPublished,
  isScheduled,
  previewNewestFirst,
  publishedNewestFirst,
  buildTime,
  unpublishedReason,
} from "../../src/lib/publishing.ts";
import { articlePageKey, siteKey } from "../../src/lib/page-keys.ts";
import { SITE } from "../../src/config.ts";

interface Item extends Listable {
  data: { date: Date; category: string; tags: string[]; draft: boolean };
}

const item = (id: string, iso: string, category = "tech", tags: string[] = [], draft = false): Item => ({
  id,
  data: { date: new Date(iso), category, tags, draft },
});

describe("publishing rules", () => {
  const now = new Date("2024-06-01T12:00:00Z");
  it.each([
    ["a published article", item("a", "2024-05-01T00:00:00Z"), true],
    ["a draft", item("b", "2024-05-01T00:00:00Z", "tech", [], true), false],
    ["an article dated after the build", item("c", "2024-06-01T12:00:01Z"), false],
    ["an article dated exactly at the build", item("d", "2024-06-01T12:00:00Z"), true],
  ])("publishes %s: %s", (_, article, expected) => {
    expect(isPublished(article, now)).toBe(expected);
  });

  it("sorts newest first, ties by id, without drafts or scheduled articles", () => {
    const list = [
      item("old", "2020-01-01T00:00:00Z"),
      item("b-tie", "2023-01-01T00:00:00Z"),
      item("a-tie", "2023-01-01T00:00:00Z"),
      item("draft", "2023-06-01T00:00:00Z", "tech", [], true),
      item("future", "2030-01-01T00:00:00Z"),
    ];
    expect(publishedNewestFirst(list, now).map((a) => a.id)).toEqual(["a-tie", "b-tie", "old"]);
  });

  it("previews every article in astro dev, drafts and scheduled ones in their place, each saying why", () => {
    const list = [
      item("old", "2020-01-01T00:00:00Z"),
      item("draft", "2023-06-01T00:00:00Z", "tech", [], true),
      item("future", "2030-01-01T00:00:00Z"),
    ];
    expect(previewNewestFirst(list).map((a) => a.id)).toEqual(["future", "draft", "old"]);
    expect(list.map((a) => unpublishedReason(a, now))).toEqual([
      undefined,
      expect.stringContaining("brouillon (draft: true)"),
      expect.stringContaining("programmé"),
    ]);
  });

  it.each([
    ["a published article", item("a", "2024-05-01T00:00:00Z"), false],
    ["a draft dated after the build", item("b", "2024-07-01T00:00:00Z", "tech", [], true), false],
    ["an article dated after the build", item("c", "2024-06-01T12:00:01Z"), true],
    ["an article dated exactly at the build", item("d", "2024-06-01T12:00:00Z"), false],
  ])("schedules %s: %s", (_, article, expected) => {
    expect(isScheduled(article, now)).toBe(expected);
  });

  it("reads BUILD_NOW, and refuses a malformed one", () => {
    expect(buildTime({ BUILD_NOW: "2026-01-01T00:00:00Z" }).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(() => buildTime({ BUILD_NOW: "demain" })).toThrow(/BUILD_NOW/);
  });

  it("fixes one instant for the whole build: later readings return it, however long the build runs", () => {
    vi.useFakeTimers({ now: new Date("2024-06-01T11:59:59Z") });
    try {
      const env: Record<string, string | undefined> = {};
      const fixed = fixBuildTime(env);
      expect(fixed.toISOString()).toBe("2024-06-01T11:59:59.000Z");
      // An article due at noon, read by the pages, the loader and the sitemap after it.
      vi.setSystemTime(new Date("2024-06-01T12:00:30Z"));
      const due = item("due", "2024-06-01T12:00:00Z");
      expect(buildTime(env)).toEqual(fixed);
      expect(isPublished(due, buildTime(env))).toBe(false);
      expect(isScheduled(due, buildTime(env))).toBe(true);
      // astro dev and astro sync, which fix nothing, read the present.
      expect(buildTime({}).toISOString()).toBe("2024-06-01T12:00:30.000Z");
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps the BUILD_NOW it is given", () => {
    const env = { BUILD_NOW: "2026-01-01T00:00:00+01:00" };
    expect(fixBuildTime(env).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(env.BUILD_NOW).toBe("2026-01-01T00:00:00+01:00");
  });
});

describe("buildSiteIndex", () => {
  const articles = [
    item("n1", "2024-03-05T10:00:00Z", "tech", ["IA", "Cloud"]),
    item("n2", "2024-03-01T10:00:00Z", "economie", ["IA"]),
    item("n3", "2024-02-20T10:00:00Z", "tech", ["Cloud"]),
    item("n4", "2024-02-10T10:00:00Z", "tech", []),
    item("n5", "2023-12-31T23:30:00Z", "tech", ["ia", "Cloud"]),
  ];
  const site = buildSiteIndex(articles);

  it("groups by category, keeping newest first", () => {
    expect(site.byCategory.get("tech")?.map((a) => a.id)).toEqual(["n1", "n3", "n4", "n5"]);
  });

  it("merges tags that share a slug under the spelling most articles use", () => {
    const ia = site.tags.get("ia");
    expect(ia?.label).toBe("IA");
    expect(ia?.articles.map((a) => a.id)).toEqual(["n1", "n2", "n5"]);
    // The newest article's « etats-unis » does not rename the tag the others write « États-Unis ».
    const spelt = buildSiteIndex([
      item("e1", "2024-03-05T10:00:00Z", "tech", ["etats-unis"]),
      item("e2", "2024-03-01T10:00:00Z", "tech", ["États-Unis"]),
      item("e3", "2024-02-01T10:00:00Z", "tech", ["États-Unis"]),
    ]);
    expect(spelt.tags.get("etats-unis")?.label).toBe("États-Unis");
    // On a tie, the spelling with capitals or accents.
    const tied = buildSiteIndex([
      item("t1", "2024-03-05T10:00:00Z", "tech", ["chine"]),
      item("t2", "2024-03-01T10:00:00Z", "tech", ["Chine"]),
    ]);
    expect(tied.tags.get("chine")?.label).toBe("Chine");
  });

  it("gives previous (older) and next (newer) within the category", () => {
    expect(site.neighbours.get("n3")).toEqual({ older: articles[3], newer: articles[0] });
    expect(site.neighbours.get("n1")?.newer).toBeUndefined();
    expect(site.neighbours.get("n2")).toEqual({ older: undefined, newer: undefined });
  });

  it("relates same-category articles sharing tags first, never the article itself nor its previous and next", () => {
    // n3 is n1's previous article, already linked on n1's page: n4, then n2 (tag IA, elsewhere), take its place.
    expect(site.related.get("n1")?.map((a) => a.id)).toEqual(["n5", "n4", "n2"]);
    expect(site.related.get("n2")?.map((a) => a.id)).toEqual(["n1", "n5"]);
    for (const [id, related] of site.related) {
      const { older, newer } = site.neighbours.get(id) ?? {};
      expect(
        related.map((a) => a.id),
        id,
      ).not.toContain(id);
      if (older !== undefined) expect(related, id).not.toContain(older);
      if (newer !== undefined) expect(related, id).not.toContain(newer);
    }
  });

  it("archives by the Paris day (23:30 UTC on 31 December is 1 January in Paris)", () => {
    const archive = buildArchive(articles);
    expect([...archive.keys()]).toEqual(["2024"]);
    expect([...(archive.get("2024")?.keys() ?? [])]).toEqual(["03", "02", "01"]);
    expect(
      archive
        .get("2024")
        ?.get("01")
        ?.get("01")
        ?.map((a) => a.id),
    ).toEqual(["n5"]);
  });
});

describe("the tags' page", () => {
  it("lists tags as a French index: accents and capitals aside, figures first and in their order", () => {
    const labels = ["Zoom", "Économie", "iPhone", "IA", "10G", "5G", "Apple", "écrans", "Edge"];
    expect(
      tagsByName(
        labels.map((label) => ({ label })),
        SITE.lang,
      ).map((t) => t.label),
    ).toEqual(["5G", "10G", "Apple", "Économie", "écrans", "Edge", "IA", "iPhone", "Zoom"]);
  });
});

describe("pagination", () => {
  it("splits into pages and keeps one empty page for an empty list", () => {
    expect(paginateList([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginateList([], 2)).toEqual([[]]);
  });
  it("gives the first page its own size (the home page's lead above a full grid)", () => {
    expect(paginateList([1, 2, 3, 4, 5, 6], 2, 3)).toEqual([[1, 2, 3], [4, 5], [6]]);
    expect(paginateList([1, 2], 2, 3)).toEqual([[1, 2]]);
    expect(paginateList([], 2, 3)).toEqual([[]]);
    const home = homePages(Array.from({ length: 40 }, (_, i) => i));
    expect(home.map((p) => p.items.length)).toEqual([13, 12, 12, 3]);
    expect(home[0]?.hrefs).toEqual(["/", "/page/2/", "/page/3/", "/page/4/"]);
    expect(home.flatMap((p) => p.items)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
  it.each([
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, null, 10]],
    [6, 40, [1, null, 5, 6, 7, null, 40]],
    [40, 40, [1, null, 39, 40]],
    // A lone skipped page shows as its number, not as "…".
    [3, 17, [1, 2, 3, 4, null, 17]],
    [4, 17, [1, 2, 3, 4, 5, null, 17]],
    [14, 17, [1, null, 13, 14, 15, 16, 17]],
  ])("shows page %i of %i as %j", (current, total, expected) => {
    expect(pageWindow(current, total)).toEqual(expected);
  });
  it("never shows more than seven items (one row of a phone)", () => {
    for (let total = 1; total <= 60; total++) {
      for (let current = 1; current <= total; current++) {
        expect(pageWindow(current, total).length).toBeLessThanOrEqual(7);
      }
    }
  });
});

describe("incremental build keys", () => {
  const a = {
    id: "a",
    data: { title: "Titre", date: new Date("2020-10-12T10:00:00Z") },
    body: "Corps",
    rendered: { html: "<p>Corps</p>" },
  };
  const b = {
    id: "b",
    data: { title: "Autre", date: new Date("2020-10-13T10:00:00Z") },
    body: "Texte",
    rendered: { html: "<p>Texte</p>" },
  };

  it("keeps the listings' key when only a body changes, and changes the article's", () => {
    const edited = { ...a, body: "Corps modifié", rendered: { html: "<p>Corps modifié</p>" } };
    expect(siteKey(SITE, [a, b])).toBe(siteKey(SITE, [edited, b]));
    expect(articlePageKey(siteKey(SITE, [a, b]), a)).not.toBe(articlePageKey(siteKey(SITE, [edited, b]), edited));
    expect(articlePageKey(siteKey(SITE, [a, b]), b)).toBe(articlePageKey(siteKey(SITE, [edited, b]), b));
  });

  it("changes every key when front matter, order or the set of articles changes", () => {
    const key = siteKey(SITE, [a, b]);
    expect(siteKey(SITE, [{ ...a, data: { ...a.data, title: "Titre corrigé" } }, b])).not.toBe(key);
    expect(siteKey(SITE, [b, a])).not.toBe(key);
    expect(siteKey(SITE, [a])).not.toBe(key);
    expect(articlePageKey(siteKey(SITE, [a]), b)).not.toBe(articlePageKey(key, b));
  });

  it("changes every key when a setting read from the environment changes (site address, form address)", () => {
    const key = siteKey(SITE, [a, b]);
    const elsewhere = { ...SITE, newsletter: { ...SITE.newsletter, action: "https://inscription.example.org/api" } };
    expect(siteKey(elsewhere, [a, b])).not.toBe(key);
    expect(siteKey({ ...SITE, url: "https://digimedia.example.org" }, [a, b])).not.toBe(key);
    expect(articlePageKey(siteKey(elsewhere, [a, b]), a)).not.toBe(articlePageKey(key, a));
  });
});
