import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDayHeading,
  formatMonthHeading,
  frontMatterDate,
  ofMonth,
  isoDateTime,
  archiveParts,
  formatPublished,
  parseParisDate,
  skippedParisTime,
  rfc822,
} from "../../src/lib/dates.ts";

describe("formatDate", () => {
  it.each([
    ["2020-10-12T00:00:00+02:00", "12\u00a0octobre 2020"],
    ["2020-10-01T09:00:00+02:00", "1er\u00a0octobre 2020"],
    ["2021-01-01T00:30:00+01:00", "1er\u00a0janvier 2021"],
    ["2024-08-15T12:00:00Z", "15\u00a0août 2024"],
  ])("shows %s as %s", (iso, expected) => {
    expect(formatDate(new Date(iso))).toBe(expected);
  });

  it("prints the Paris day, not the UTC one (23:30 UTC on 30 September is 1er octobre in Paris)", () => {
    expect(formatDate(new Date("2020-09-30T23:30:00Z"))).toBe("1er\u00a0octobre 2020");
  });
});

describe("archive headings", () => {
  it("capitalises the month of a month archive", () => {
    expect(formatMonthHeading(2020, 10)).toBe("Octobre 2020");
    expect(formatMonthHeading(2021, 2)).toBe("Février 2021");
  });
  it("elides « de » before a month that starts with a vowel", () => {
    expect(ofMonth(2020, 10)).toBe("d’octobre 2020");
    expect(ofMonth(2021, 4)).toBe("d’avril 2021");
    expect(ofMonth(2021, 8)).toBe("d’août 2021");
    expect(ofMonth(2021, 3)).toBe("de mars 2021");
  });
  it("writes 1er in a day archive heading", () => {
    expect(formatDayHeading(2020, 10, 1)).toBe("1er\u00a0octobre 2020");
    expect(formatDayHeading(2020, 10, 12)).toBe("12\u00a0octobre 2020");
  });
});

describe("parseParisDate", () => {
  it.each([
    ["2020-10-12", "2020-10-11T22:00:00.000Z"],
    ["2020-01-15", "2020-01-14T23:00:00.000Z"],
    ["2020-10-12T08:30", "2020-10-12T06:30:00.000Z"],
    ["2020-10-12 08:30:15", "2020-10-12T06:30:15.000Z"],
    ["2020-10-12T08:30:00Z", "2020-10-12T08:30:00.000Z"],
    ["2020-10-12T08:30:00+05:00", "2020-10-12T03:30:00.000Z"],
    ["2020-10-12T08:30:00-0300", "2020-10-12T11:30:00.000Z"],
    ["2024-02-29", "2024-02-28T23:00:00.000Z"],
    // The night summer time ends: 02:30 happens twice; any consistent choice keeps the day right.
    ["2020-10-25T12:00", "2020-10-25T11:00:00.000Z"],
    ["2020-03-29T12:00", "2020-03-29T10:00:00.000Z"],
  ])("reads %s as Paris time %s", (input, expected) => {
    expect(parseParisDate(input)?.toISOString()).toBe(expected);
  });

  it.each(["2021-02-29", "2020-13-01", "2020-04-31", "2020-10-12T25:00", "12/10/2020", "hier", "", "2020-10-1"])(
    "refuses the impossible or malformed date %j",
    (input) => {
      expect(parseParisDate(input)).toBeUndefined();
    },
  );

  it("reads the hour clocks repeat when summer time ends as its first, summer-time occurrence", () => {
    expect(parseParisDate("2026-10-25T02:30")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(parseParisDate("2026-10-25T03:30")?.toISOString()).toBe("2026-10-25T02:30:00.000Z");
    expect(parseParisDate("2026-10-25T01:59")?.toISOString()).toBe("2026-10-24T23:59:00.000Z");
  });

  it("refuses a time in the hour clocks skip when summer time begins, and names the hour they show", () => {
    expect(parseParisDate("2026-03-29T02:30")).toBeUndefined();
    expect(parseParisDate("2026-03-29T02:00")).toBeUndefined();
    expect(skippedParisTime("2026-03-29T02:30")).toBe("2026-03-29T03:30");
    expect(skippedParisTime("2026-03-29 02:59:30")).toBe("2026-03-29T03:59");
    expect(parseParisDate("2026-03-29T01:59")?.toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(parseParisDate("2026-03-29T03:00")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // With an offset the instant is explicit, whatever Paris clocks showed.
    expect(parseParisDate("2026-03-29T02:30+01:00")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    for (const shown of ["2026-03-29T03:30", "2026-03-29T02:30+01:00", "2026-03-29", "hier"]) {
      expect(skippedParisTime(shown)).toBeUndefined();
    }
  });
});

describe("machine formats", () => {
  it("gives datetime attributes the Paris offset, summer and winter", () => {
    expect(isoDateTime(new Date("2020-10-11T22:00:00Z"))).toBe("2020-10-12T00:00:00+02:00");
    expect(isoDateTime(new Date("2020-12-11T23:00:00Z"))).toBe("2020-12-12T00:00:00+01:00");
  });
  it("writes RFC 822 dates in Paris time", () => {
    expect(rfc822(new Date("2020-10-11T22:00:00Z"))).toBe("Mon, 12 Oct 2020 00:00:00 +0200");
    expect(rfc822(new Date("2021-01-01T11:05:09Z"))).toBe("Fri, 01 Jan 2021 12:05:09 +0100");
  });
  it("files an article in the Paris day's archive", () => {
    expect(archiveParts(new Date("2020-09-30T23:30:00Z"))).toEqual({ year: "2020", month: "10", day: "01" });
    expect(archiveParts(new Date("2020-12-31T23:30:00Z"))).toEqual({ year: "2021", month: "01", day: "01" });
  });
});

describe("frontMatterDate", () => {
  it("writes the Paris wall-clock minute that npm run new puts in a new article, summer and winter", () => {
    expect(frontMatterDate(new Date("2020-10-12T06:30:59Z"))).toBe("2020-10-12T08:30");
    expect(frontMatterDate(new Date("2020-12-31T23:05:00Z"))).toBe("2021-01-01T00:05");
    expect(frontMatterDate(new Date("2021-03-01T08:09:00Z"))).toBe("2021-03-01T09:09");
  });
  it("is read back as the same minute", () => {
    const date = new Date("2020-03-29T01:30:00Z");
    expect(parseParisDate(frontMatterDate(date))).toEqual(date);
  });
});

describe("formatPublished", () => {
  it("gives an article's time when its front matter has one, the day alone for a date written without", () => {
    expect(formatPublished(parseParisDate("2026-12-01T04:20") ?? new Date(0))).toBe(
      "1er\u00a0décembre 2026 à 4\u00a0h\u00a020",
    );
    expect(formatPublished(parseParisDate("2026-12-01T14:00") ?? new Date(0))).toBe(
      "1er\u00a0décembre 2026 à 14\u00a0h",
    );
    expect(formatPublished(parseParisDate("2020-10-12") ?? new Date(0))).toBe("12\u00a0octobre 2020");
  });
});

describe("formatDateTime", () => {
  it("writes the Paris time French-style, minutes only when there are some", () => {
    expect(formatDateTime(new Date("2026-12-01T07:00:00Z"))).toBe("1er\u00a0décembre 2026 à 8\u00a0h");
    expect(formatDateTime(new Date("2020-10-12T12:05:00Z"))).toBe("12\u00a0octobre 2020 à 14\u00a0h\u00a005");
    expect(formatDateTime(new Date("2020-10-11T22:30:00Z"))).toBe("12\u00a0octobre 2020 à 0\u00a0h\u00a030");
  });
});
