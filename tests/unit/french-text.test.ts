import { describe, expect, it } from "vitest";
import { CATEGORIES, SITE } from "../../src/config.ts";
import { categoriesInText, frenchList, sentenceStart } from "../../src/lib/french-text.ts";

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

  it.each(CATEGORIES.map((c) => [c.label]))("names the section %s", (label) => {
    expect(categoriesInText()).toContain(label.toLocaleLowerCase(SITE.locale));
  });
});
