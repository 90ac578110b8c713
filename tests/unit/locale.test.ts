import { describe, expect, it } from "vitest";
import { SITE } from "../../src/config.ts";
import { frenchNumber } from "../../src/lib/french-numbers.ts";
import { ogLocale } from "../../src/lib/seo.ts";

describe("the site's locale", () => {
  it.each([
    ["fr-FR", "fr_FR"],
    ["fr-CA", "fr_CA"],
    ["fr", "fr"],
  ])("writes %s as Open Graph's %s", (locale, expected) => {
    expect(ogLocale(locale)).toBe(expected);
  });

  it.each([
    [1234, 0, "1\u202f234"],
    [10_000, 0, "10\u202f000"],
    [0.1234, 1, "0,1"],
    [1234567.891, 2, "1\u202f234\u202f567,89"],
  ])(
    "writes %d with %d decimals as French does: « %s », narrow no-break spaces and a decimal comma",
    (n, digits, expected) => {
      expect(frenchNumber(n, digits)).toBe(expected);
    },
  );

  // Tripwire: french-numbers.ts writes "fr-FR" itself (the search page's script cannot import config.ts);
  // changing SITE.locale must change it too.
  it("config tripwire: SITE.locale writes numbers as french-numbers.ts does", () => {
    const options = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    expect(frenchNumber(1234567.891, 2)).toBe((1234567.891).toLocaleString(SITE.locale, options));
  });
});
