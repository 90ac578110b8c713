import { describe, expect, it } from "vitest";
import { searchWordsOfAddress } from "../../src/lib/lost-address.ts";
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

describe("the words the 404 page searches for an address that leads nowhere", () => {
  it.each([
    // A link cut short in a mail: the folder, « et », « dans », « la », « de » go, and the cut word, of two letters.
    ["/articles/tencent-et-ant-group-dans-la-ligne-de-mi", "tencent ant group ligne"],
    // An old site's address: its date and extension go.
    ["/2020/10/12/tencent-ant-group.html", "tencent ant group"],
    // Typed with accents and capitals, encoded by the browser.
    ["/categorie/%C3%89conomie/", "economie"],
    ["/Articles/La-5G-et-l'IA-en-Europe/", "5g ia europe"],
    // Each word once, eight at most.
    ["/tag/apple/apple-iphone/", "apple iphone"],
    ["/un-deux-trois-quatre-cinq-six-sept-huit-neuf-dix/", "deux trois quatre cinq six sept huit neuf"],
    // Not valid percent-encoding: read as typed.
    ["/articles/50%-de-remise/", "remise"],
  ])("« %s » → « %s »", (path, words) => {
    expect(searchWordsOfAddress(path)).toBe(words);
  });

  it.each(["/", "/articles/", "/page/2/", "/2020/10/", "/a/b/c/"])("finds no word in « %s »", (path) => {
    expect(searchWordsOfAddress(path)).toBe("");
  });
});
