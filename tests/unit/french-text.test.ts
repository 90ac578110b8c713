import { describe, expect, it } from "vitest";
import { agree, categoriesInText, frenchList, sentenceStart } from "../../src/lib/french-text.ts";
import { frenchCount } from "../../src/lib/french-numbers.ts";

describe("the site's settings in a French sentence", () => {
  it.each([
    [[], ""],
    [["tech"], "tech"],
    [["tech", "startups"], "tech et startups"],
    [["international", "économie", "tech"], "international, économie et tech"],
  ])("lists %j as « %s », the last one after « et » without a comma", (items, expected) => {
    expect(frenchList(items)).toBe(expected);
  });

  it.each([
    ["chaque semaine", "Chaque semaine"],
    ["économie", "Économie"],
    ["Tech", "Tech"],
    ["", ""],
  ])("starts a sentence with « %s » as « %s »", (text, expected) => {
    expect(sentenceStart(text)).toBe(expected);
  });

  it("names every section of the site, in its order, lower-cased", () => {
    expect(categoriesInText()).toBe("international, économie, tech, startups, cybersécurité et réseaux sociaux");
  });

  it.each([
    ["Économie", "économie"],
    ["Cybersécurité", "cybersécurité"],
    ["Réseaux sociaux", "réseaux sociaux"],
  ])("writes the section %s in lower case, its accents kept, as « %s »", (label, expected) => {
    expect(categoriesInText()).toContain(expected);
    expect(categoriesInText()).not.toContain(label);
  });

  it.each([
    [0, "effacée"],
    [1, "effacée"],
    [2, "effacées"],
    [1000, "effacées"],
  ])("agrees a word with a count of %d as « %s » (0 and 1 are singular in French)", (count, expected) => {
    expect(agree(count, "effacée")).toBe(expected);
  });

  it("takes an irregular plural, and counts with it", () => {
    expect(agree(1, "journal", "journaux")).toBe("journal");
    expect(agree(3, "journal", "journaux")).toBe("journaux");
    expect(frenchCount(0, "inscription effacée", "inscriptions effacées")).toBe("0\u00a0inscription effacée");
    expect(frenchCount(2500, "journal", "journaux")).toBe("2\u202f500\u00a0journaux");
  });
});
