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
    [1234, 0],
    [3879, 0],
    [0.1234, 1],
    [1234567.891, 2],
  ])("formats %d with %d decimals in the browser's French numbers as in SITE.locale", (n, digits) => {
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    expect(frenchNumber(n, digits)).toBe(n.toLocaleString(SITE.locale, options));
  });
});
