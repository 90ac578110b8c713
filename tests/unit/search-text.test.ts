import { describe, expect, it } from "vitest";
import { forSearchIndex, fromSearchIndex } from "../../src/lib/search-text.ts";

describe("text crossing the search index", () => {
  it("gives Pagefind straight apostrophes, which it splits words on", () => {
    expect(forSearchIndex("<p>Selon l’Arcep, d’autres s’y opposent.</p>")).toBe(
      "<p>Selon l'Arcep, d'autres s'y opposent.</p>",
    );
  });
  it("gives readers back the typographic ones", () => {
    const text = "L’Arcep n’a « rien dit » aujourd’hui";
    expect(fromSearchIndex(forSearchIndex(text))).toBe(text);
  });
});
