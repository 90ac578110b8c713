import { commaList } from "../../src/lib/comma-list.ts";
import { editDistance } from "../../src/lib/edit-distance.ts";
import { describe, expect, it } from "vitest";
import { slugify, SLUG_PATTERN, withoutAccents } from "../../src/lib/slug.ts";
import { countWords, readingMinutes, readingTimeLabel } from "../../src/lib/reading-time.ts";
import {
  articleSlugIn,
  articleUrl,
  categoryFeedUrl,
  categorySlugIn,
  categoryUrl,
  dayUrlOf,
  firstPageAddress,
  homeUrl,
  absoluteUrl,
  searchUrl,
  tagUrl,
  withCategorySlug,
} from "../../src/lib/urls.ts";
import { searchRequestOf } from "../../src/lib/search-urls.ts";

describe("slugify", () => {
  it("takes the accents off letters, and leaves case, ligatures and punctuation as they are", () => {
    expect(withoutAccents("Réseaux sociaux, À la Une, ça, naïf, Œuvre !")).toBe(
      "Reseaux sociaux, A la Une, ca, naif, Œuvre !",
    );
  });

  it.each([
    ["Réseaux sociaux", "reseaux-sociaux"],
    ["États-Unis", "etats-unis"],
    ["L’œuvre d’art : 2 fois !", "l-oeuvre-d-art-2-fois"],
    ["Œnologie et ÆSOP", "oenologie-et-aesop"],
    ["  IA  ", "ia"],
    ["C", "c"],
    ["C++", "c-plus-plus"],
    ["C#", "c-sharp"],
    ["Canal+", "canal-plus"],
    ["Le langage #1", "le-langage-1"],
    ["+5 %", "5"],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
    expect(SLUG_PATTERN.test(expected)).toBe(true);
  });
});

describe("reading time", () => {
  it("counts words, not markup or link targets", () => {
    expect(countWords("## Titre\n\nUn [lien](https://ex.fr/a-b-c) et *deux* mots.")).toBe(6);
  });
  it("counts what readers read: no editor's note, no code block, a hyphenated word once", () => {
    const note = `<!-- Note interne : source -> à vérifier ${"mot ".repeat(1500)}-->`;
    const code = "```js\nconst a = 1;\n```\n\n~~~\nplus de code ici\n~~~";
    expect(countWords(`Les États-Unis - et la Chine.\n\n${note}\n\n${code}\n\nFin.`)).toBe(6);
    expect(readingMinutes(`Dix mots. ${note}`)).toBe(1);
  });
  it("rounds up and never says zero", () => {
    expect(readingMinutes("mot ".repeat(231))).toBe(2);
    expect(readingMinutes("")).toBe(1);
    expect(readingTimeLabel(3)).toBe("3\u00a0min de lecture");
  });
});

describe("urls", () => {
  it("builds French paths with a trailing slash", () => {
    expect(homeUrl(1)).toBe("/");
    expect(homeUrl(2)).toBe("/page/2/");
    expect(articleUrl("abc")).toBe("/articles/abc/");
    expect(categoryUrl("tech", 3)).toBe("/categorie/tech/3/");
    expect(dayUrlOf(new Date("2020-09-30T23:30:00Z"))).toBe("/2020/10/01/");
    expect(absoluteUrl("/a/", "https://x.fr")).toBe("https://x.fr/a/");
  });

  it("leads page 1 of a listing, asked for by its number, to the listing's own address", () => {
    // The address of page 1 is the one of page 2 with 1 for 2.
    for (const listing of [
      homeUrl,
      (page: number) => categoryUrl("tech", page),
      (page: number) => tagUrl("chine", page),
    ]) {
      const first = listing(2).replace(/2\/$/, "1/");
      expect(firstPageAddress(first)).toBe(listing(1));
      expect(firstPageAddress(first.slice(0, -1))).toBe(listing(1));
    }
    expect(firstPageAddress("/categorie/tech/page/1/")).toBeUndefined();
    expect(firstPageAddress("/2020/1/")).toBeUndefined();
    expect(firstPageAddress("/categorie/tech/2/")).toBeUndefined();
  });

  it("keeps a search in the search page's address, empty parts left out, and reads it back", () => {
    expect(searchUrl()).toBe("/recherche/");
    expect(searchUrl({ q: "", rubrique: "", annee: "" })).toBe("/recherche/");
    expect(searchUrl({ q: "tencent" })).toBe("/recherche/?q=tencent");
    expect(searchUrl({ q: "l’Arcep & co", rubrique: "Réseaux sociaux", annee: "2025" })).toBe(
      "/recherche/?q=l%E2%80%99Arcep+%26+co&rubrique=R%C3%A9seaux+sociaux&annee=2025",
    );
    expect(searchUrl({ rubrique: "Tech" })).toBe("/recherche/?rubrique=Tech");
    const request = { q: "l’Arcep & co", rubrique: "Réseaux sociaux", annee: "2025", tri: "date" };
    expect(searchRequestOf(new URL(searchUrl(request), "https://x.fr").search)).toEqual(request);
    expect(searchRequestOf("?annee=2020")).toEqual({ q: "", rubrique: "", annee: "2020", tri: "" });
    // An order the page does not offer is its default, the most relevant first.
    expect(searchRequestOf("?q=x&tri=titre").tri).toBe("");
  });

  it("reads the article or category an address of the site names, and rewrites it for another category", () => {
    expect(articleSlugIn(articleUrl("tencent-chine"))).toBe("tencent-chine");
    expect(articleSlugIn("/articles/tencent-chine#notes")).toBe("tencent-chine");
    expect(articleSlugIn("/articles/tencent-chine/suite/")).toBeUndefined();
    expect(articleSlugIn(categoryUrl("tech"))).toBeUndefined();
    expect(categorySlugIn(categoryUrl("tech", 2))).toBe("tech");
    expect(categorySlugIn(categoryFeedUrl("tech"))).toBe("tech");
    expect(categorySlugIn("/categorie/tech?page=2")).toBe("tech");
    expect(categorySlugIn("/categorie/")).toBeUndefined();
    expect(categorySlugIn(articleUrl("tech"))).toBeUndefined();
    expect(withCategorySlug("/categorie/Tek/2/", "tech")).toBe("/categorie/tech/2/");
    // Only the category's part changes, even when the wrong slug is also a part of "/categorie".
    expect(withCategorySlug("/categorie/cat/rss.xml", "tech")).toBe("/categorie/tech/rss.xml");
  });
});

describe("editDistance", () => {
  it("counts letters inserted, deleted and replaced, and two neighbours swapped only when asked", () => {
    expect(editDistance("titel", "title")).toBe(2);
    expect(editDistance("titel", "title", { swap: true })).toBe(1);
    expect(editDistance("gmal", "gmail")).toBe(1);
    expect(editDistance("ymail", "gmail", { swap: true })).toBe(1);
    expect(editDistance("ymail", "gmail", { swap: true, replace: 2 })).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("commaList", () => {
  it("reads a list written with commas: items trimmed, empty ones dropped", () => {
    expect(commaList(" https://a.fr, https://b.fr ,, ")).toEqual(["https://a.fr", "https://b.fr"]);
    expect(commaList("203.0.113.9")).toEqual(["203.0.113.9"]);
    for (const nothing of [undefined, null, "", " , "]) expect(commaList(nothing)).toEqual([]);
  });
});
