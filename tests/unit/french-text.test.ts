import { describe, expect, it } from "vitest";
import { sentenceStart } from "../../src/lib/french-text.ts";

describe("the site's settings in a French sentence", () => {
  it.each([
    ["chaque semaine", "Chaque semaine"],
    ["économie", "Économie"],
    ["Tech", "Tech"],
    ["", ""],
  ])("starts a sentence with « %s » as « %s »", (text, expected) => {
    expect(sentenceStart(text)).toBe(expected);
  });
});
