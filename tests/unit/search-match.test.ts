import { describe, expect, it } from "vitest";
import { searchForm, wordsNotFound } from "../../src/lib/search-match.ts";

describe("whether Pagefind really found a search's words", () => {
  it("compares words as Pagefind does: lower case, without accents or punctuation", () => {
    expect(searchForm("États-Unis")).toBe("etatsunis");
    expect(searchForm("l’Arcep")).toBe("larcep");
    expect(searchForm("C++")).toBe("c++");
  });

  // What the first result's matches were, as the reviewers saw them in the 200-article corpus.
  it.each([
    ["allibaba", ["à", "a"], ["allibaba"]],
    ["États-Unis", ["Et"], ["États-Unis"]],
    ["Ant Group", ["an."], ["Ant", "Group"]],
    ["unis", ["un"], ["unis"]],
    ["allibaba orange", ["Orange", "orange."], ["allibaba"]],
  ])("says « %s » matched only short words (%j): not found", (query, matched, missing) => {
    expect(wordsNotFound(query, matched)).toEqual(missing);
  });

  it.each([
    ["Alibaba", ["Alibaba"]],
    ["tenc", ["Tencent"]],
    ["données", ["données."]],
    ["chinoises", ["chinois"]],
    ["Arcep", ["l'Arcep"]],
    ["l’Arcep", ["l'Arcep"]],
    ["États-Unis", ["États-Unis"]],
    ["etats unis", ["États-Unis"]],
    ["la CNIL", ["la", "CNIL"]],
    ["IA", ["Alibaba", "rachète", "IA,", "Chine"]],
    ["Ant Group", ["Ant", "Group,", "Chine"]],
  ])("finds « %s » in %j", (query, matched) => {
    expect(wordsNotFound(query, matched)).toEqual([]);
  });

  it("ignores what is only punctuation in the query", () => {
    expect(wordsNotFound("Tencent –", ["Tencent"])).toEqual([]);
  });
});
