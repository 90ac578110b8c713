import { describe, expect, it } from "vitest";
import {
  forSearchIndex,
  fromSearchIndex,
  pageForSearchIndex,
  trimExcerptEnd,
  trimExcerptStart,
} from "../../src/lib/search-text.ts";

describe("text crossing the search index", () => {
  it("gives Pagefind straight apostrophes between letters, which it splits words on", () => {
    expect(forSearchIndex("Selon l’Arcep, d’autres s’y opposent aujourd’hui.")).toBe(
      "Selon l'Arcep, d'autres s'y opposent aujourd'hui.",
    );
  });
  it("gives readers back the typographic ones, and leaves quotes and code alone", () => {
    const text = "L’Arcep n’a « rien dit » aujourd’hui";
    expect(fromSearchIndex(forSearchIndex(text))).toBe(text);
    expect(fromSearchIndex("print('x') et ‘cité’")).toBe("print('x') et ‘cité’");
  });
  it("hands Pagefind an article page without its inline styles, its text and metadata kept", () => {
    const page =
      '<html lang="fr"><head><style>a{color:red}</style><script type="application/ld+json">{"a":1}</script></head>' +
      '<body><article data-pagefind-body><h1>L’Arcep</h1><p data-pagefind-meta="date">12 octobre</p></article>' +
      "<style>.x{margin:0}</style></body></html>";
    expect(pageForSearchIndex(page)).toBe(
      '<html lang="fr"><head><script type="application/ld+json">{"a":1}</script></head>' +
        '<body><article data-pagefind-body><h1>L\'Arcep</h1><p data-pagefind-meta="date">12 octobre</p></article>' +
        "</body></html>",
    );
  });

  it("trims what a cut leaves dangling at an excerpt's edges, and nothing else", () => {
    expect(trimExcerptStart("… ? Plusieurs associations")).toBe("… Plusieurs associations");
    expect(trimExcerptStart("… Plusieurs associations")).toBe("… Plusieurs associations");
    expect(trimExcerptEnd("le groupe a parlé de «  …")).toBe("le groupe a parlé de …");
    expect(trimExcerptEnd("la « croissance » …")).toBe("la « croissance » …");
    expect(trimExcerptEnd("la « croissance …")).toBe("la « croissance …");
  });
});
