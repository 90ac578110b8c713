import { describe, expect, it } from "vitest";
import { dayLinks, monthLinks, yearLinks, yearPreview } from "../../src/lib/archive-links.ts";
import type { Archive } from "../../src/lib/listings.ts";

// Newest first, as buildArchive files them: 2021 has January; 2020 has October (12th: 2 articles, 1st: 1) and March.
const archive: Archive<string> = new Map([
  ["2021", new Map([["01", new Map([["05", ["janvier"]]])]])],
  [
    "2020",
    new Map([
      [
        "10",
        new Map([
          ["12", ["tencent", "ant-group"]],
          ["01", ["rentree"]],
        ]),
      ],
      ["03", new Map([["17", ["confinement"]]])],
    ]),
  ],
]);

describe("archive links", () => {
  it("lists every year with its page and how many articles it has, the current one marked", () => {
    expect(yearLinks(archive, "2020")).toEqual([
      { label: "2021", href: "/2021/", current: false, count: 1 },
      { label: "2020", href: "/2020/", current: true, count: 4 },
    ]);
  });

  it("names a year's months in French, lower case, with their pages and counts", () => {
    expect(monthLinks(archive, "2020", "03")).toEqual([
      { label: "octobre", href: "/2020/10/", current: false, count: 3 },
      { label: "mars", href: "/2020/03/", current: true, count: 1 },
    ]);
    expect(monthLinks(archive, "2019")).toEqual([]);
  });

  it("names a month's days as French writes them, « 1er » for the first, day and month kept together", () => {
    expect(dayLinks(archive, "2020", "10", "12")).toEqual([
      { label: "12\u00a0octobre", href: "/2020/10/12/", current: true, count: 2 },
      { label: "1er\u00a0octobre", href: "/2020/10/01/", current: false, count: 1 },
    ]);
    expect(dayLinks(archive, "2020", "11")).toEqual([]);
  });

  it("previews a year month by month with each month's newest articles only, and how many it has", () => {
    expect(yearPreview(archive, "2020", 2)).toEqual([
      { month: "10", href: "/2020/10/", newest: ["tencent", "ant-group"], count: 3 },
      { month: "03", href: "/2020/03/", newest: ["confinement"], count: 1 },
    ]);
  });
});
