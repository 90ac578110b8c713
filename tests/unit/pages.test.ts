import { describe, expect, it } from "vitest";
import { homePages, listingPages, pageParam } from "../../src/lib/pages.ts";
import { categoryUrl, telUrl } from "../../src/lib/urls.ts";

const numbers = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe("listing pages", () => {
  it("shows the lead article and 12 cards on the home's first page: 13 articles, then 12 a page", () => {
    expect(homePages(numbers(13)).map((p) => p.items.length)).toEqual([13]);
    const pages = homePages(numbers(14));
    expect(pages.map((p) => p.items)).toEqual([numbers(13), [14]]);
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(pages[1]?.hrefs).toEqual(["/", "/page/2/"]);
  });

  it("still has a first page, empty, when there is no article", () => {
    expect(homePages([])).toEqual([{ page: 1, items: [], hrefs: ["/"] }]);
  });

  it("gives every page of a category the addresses of all its pages, for the pagination", () => {
    const pages = listingPages(numbers(5), 2, (page) => categoryUrl("tech", page));
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    for (const page of pages)
      expect(page.hrefs).toEqual(["/categorie/tech/", "/categorie/tech/2/", "/categorie/tech/3/"]);
  });

  it("names the first page by the listing's own address (no number), the others by their number", () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe("2");
    expect(pageParam(12)).toBe("12");
  });
});

describe("telUrl", () => {
  it("writes a French number in its international form, and keeps one written so", () => {
    expect(telUrl("01\u00a023\u00a045\u00a067\u00a089")).toBe("tel:+33123456789");
    expect(telUrl("+33 9 72 10 10 07")).toBe("tel:+33972101007");
    expect(telUrl("+32 2 123 45 67")).toBe("tel:+3221234567");
  });
});
