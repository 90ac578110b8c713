import { describe, expect, it } from "vitest";
import { countAtStart, frenchCount, frenchNumber } from "../../src/lib/french-numbers.ts";

const NNBSP = "\u202f";

describe("French numbers", () => {
  it("groups thousands with a narrow no-break space and writes a decimal comma", () => {
    expect(frenchNumber(999)).toBe("999");
    expect(frenchNumber(1234)).toBe(`1${NNBSP}234`);
    expect(frenchNumber(10000)).toBe(`10${NNBSP}000`);
    expect(frenchNumber(0.1234, 1)).toBe("0,1");
    expect(frenchNumber(12.05, 2)).toBe("12,05");
  });

  it("keeps the noun singular below two, as French does", () => {
    expect(frenchCount(0, "article")).toBe("0\u00a0article");
    expect(frenchCount(1, "article")).toBe("1\u00a0article");
    expect(frenchCount(2, "article")).toBe("2\u00a0articles");
    expect(frenchCount(3879, "image sociale", "images sociales")).toBe(`3${NNBSP}879\u00a0images sociales`);
    expect(frenchCount(1, "page lue", "pages lues")).toBe("1\u00a0page lue");
  });

  it("opens a sentence with « Un » or « Une » for one, and a figure for more", () => {
    expect(countAtStart(1, "titre porté", "titres portés")).toBe("Un titre porté");
    expect(countAtStart(1, "étiquette écrite", "étiquettes écrites", "f")).toBe("Une étiquette écrite");
    expect(countAtStart(2, "étiquette écrite", "étiquettes écrites", "f")).toBe("2\u00a0étiquettes écrites");
    expect(countAtStart(1200, "brouillon", "brouillons")).toBe(`1${NNBSP}200\u00a0brouillons`);
  });
});
