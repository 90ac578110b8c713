import { describe, expect, it } from "vitest";
import {
  forSearchIndex,
  fromSearchIndex,
  pageForSearchIndex,
  searchSummary,
  trimExcerptEnd,
  trimExcerptStart,
  unclosedQuotes,
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

  it("counts the quotations an excerpt leaves open, to close after its ellipsis", () => {
    expect(unclosedQuotes("… Selon l’Arcep, « la hausse …")).toBe(1);
    expect(unclosedQuotes("… « il a dit « non » puis …")).toBe(1);
    expect(unclosedQuotes("… la « croissance » …")).toBe(0);
    // A closing » whose opening the cut took: nothing to close.
    expect(unclosedQuotes("… croissance », a-t-il dit …")).toBe(0);
  });
});

// What the reader sees about a search: the page's title (before « — Rechercher — Digimedia ») and the count.
describe("the sentences of a search", () => {
  const none = { q: "", rubrique: "", annee: "", tri: "" };
  const summary = (request: Partial<typeof none>) => {
    const said = searchSummary({ ...none, ...request });
    if (said === undefined) throw new Error("no summary");
    return said;
  };

  it("says the results come newest first when the reader sorts them by date", () => {
    const said = summary({ q: "Tencent", tri: "date" });
    expect(said.found(3)).toBe("3\u00a0résultats pour «\u202fTencent\u202f», du plus récent au plus ancien");
    expect(said.shown(20, 63)).toBe(
      "20\u00a0résultats affichés sur 63 pour «\u202fTencent\u202f», du plus récent au plus ancien",
    );
    expect(summary({ q: "Tencent" }).found(3)).toBe("3\u00a0résultats pour «\u202fTencent\u202f»");
  });

  it("says nothing for an empty form", () => {
    expect(searchSummary(none)).toBeUndefined();
  });

  it("names the words in guillemets, with narrow no-break spaces, and counts the results", () => {
    const said = summary({ q: "Tencent" });
    expect(said.title).toBe("«\u202fTencent\u202f»");
    expect(said.found(0)).toBe(
      "Aucun résultat pour «\u202fTencent\u202f». Vérifiez l’orthographe, ou essayez un autre mot.",
    );
    expect(said.found(1)).toBe("1\u00a0résultat pour «\u202fTencent\u202f»");
    expect(said.found(2)).toBe("2\u00a0résultats pour «\u202fTencent\u202f»");
    expect(said.found(1234)).toBe("1\u202f234\u00a0résultats pour «\u202fTencent\u202f»");
    expect(said.shown(1, 1)).toBe("1\u00a0résultat affiché sur 1 pour «\u202fTencent\u202f»");
    expect(said.shown(20, 63)).toBe("20\u00a0résultats affichés sur 63 pour «\u202fTencent\u202f»");
  });

  it("adds the filters after the words, and suggests leaving them when nothing is found", () => {
    const said = summary({ q: "Tencent", rubrique: "Économie", annee: "2025" });
    expect(said.title).toBe("«\u202fTencent\u202f» (rubrique Économie, année 2025)");
    expect(said.found(0)).toBe(
      "Aucun résultat pour «\u202fTencent\u202f» (rubrique Économie, année 2025). Essayez dans toutes les rubriques et toutes les années, ou avec un autre mot.",
    );
    expect(said.found(3)).toBe("3\u00a0résultats pour «\u202fTencent\u202f» (rubrique Économie, année 2025)");
    expect(summary({ q: "Tencent", annee: "2020" }).found(1)).toBe(
      "1\u00a0résultat pour «\u202fTencent\u202f» (année 2020)",
    );
  });

  it("without words, lists a section's or a year's articles, newest first, its title capitalised", () => {
    const section = summary({ rubrique: "Économie" });
    expect(section.title).toBe("Rubrique Économie");
    expect(section.found(0)).toBe("Aucun article (rubrique Économie).");
    expect(section.found(1)).toBe("1\u00a0article (rubrique Économie), du plus récent au plus ancien");
    expect(section.found(63)).toBe("63\u00a0articles (rubrique Économie), du plus récent au plus ancien");
    expect(section.shown(20, 63)).toBe(
      "20\u00a0articles affichés sur 63 (rubrique Économie), du plus récent au plus ancien",
    );
    expect(section.more).toBe("Afficher plus d’articles");
    const both = summary({ rubrique: "Tech", annee: "2025" });
    expect(both.title).toBe("Rubrique Tech, année 2025");
    expect(both.found(2)).toBe("2\u00a0articles (rubrique Tech, année 2025), du plus récent au plus ancien");
    expect(summary({ annee: "2025" }).title).toBe("Année 2025");
  });

  it("shows words typed with a straight apostrophe with the typographic one, as results do", () => {
    const said = summary({ q: "l'Arcep" });
    expect(said.title).toBe("«\u202fl’Arcep\u202f»");
    expect(said.found(2)).toBe("2\u00a0résultats pour «\u202fl’Arcep\u202f»");
    expect(said.more).toBe("Afficher plus de résultats");
  });

  it("says which word no article holds, and that the spelling is the matter even with filters", () => {
    expect(summary({ q: "allibaba" }).found(0, ["allibaba"])).toBe(
      "Aucun résultat pour «\u202fallibaba\u202f». Vérifiez l’orthographe, ou essayez un autre mot.",
    );
    expect(summary({ q: "allibaba orange", rubrique: "Tech" }).found(0, ["allibaba"])).toBe(
      "Aucun résultat pour «\u202fallibaba orange\u202f» (rubrique Tech)\u00a0: aucun article ne contient «\u202fallibaba\u202f». Vérifiez l’orthographe, ou essayez un autre mot.",
    );
    expect(summary({ q: "qu'il tencnet orange" }).found(0, ["qu'il", "tencnet"])).toBe(
      "Aucun résultat pour «\u202fqu’il tencnet orange\u202f»\u00a0: aucun article ne contient «\u202fqu’il\u202f» ni «\u202ftencnet\u202f». Vérifiez l’orthographe, ou essayez un autre mot.",
    );
  });
});
