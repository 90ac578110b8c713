import { readFileSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keepUnchangedDates } from "../../src/lib/file-dates.ts";
import { temporaryFolder } from "../temporary-folder.ts";

describe("keepUnchangedDates", () => {
  it("gives a file rewritten as it was its earlier date, and a changed or new file the date it was written", () => {
    const dir = temporaryFolder("dist-");
    const record = join(temporaryFolder("dates-"), "dates.json");
    const write = (path: string, text: string): void => {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    const dateOf = (path: string): number => statSync(join(dir, path)).mtime.getTime();
    const first = new Date("2020-10-12T08:00:00Z");
    write("rss.xml", "<rss/>");
    write("articles/x/index.html", "<p>x</p>");
    for (const path of ["rss.xml", "articles/x/index.html"]) utimesSync(join(dir, path), first, first);
    expect(keepUnchangedDates(dir, record)).toEqual({ kept: 0, changed: 2 });

    // The next build writes every file again: one as it was, one changed, one new.
    write("rss.xml", "<rss/>");
    write("articles/x/index.html", "<p>x, corrigé</p>");
    write("articles/y/index.html", "<p>y</p>");
    const rewritten = dateOf("articles/x/index.html");
    expect(rewritten).toBeGreaterThan(first.getTime());
    expect(keepUnchangedDates(dir, record)).toEqual({ kept: 1, changed: 2 });
    expect(dateOf("rss.xml")).toBe(first.getTime());
    expect(dateOf("articles/x/index.html")).toBe(rewritten);

    // A file gone leaves the record; a record cut short dates every file as it is.
    rmSync(join(dir, "articles/y/index.html"));
    keepUnchangedDates(dir, record);
    expect(Object.keys(JSON.parse(readFileSync(record, "utf8")) as object).sort()).toEqual([
      "articles/x/index.html",
      "rss.xml",
    ]);
    writeFileSync(record, '{"rss.xml": [');
    write("rss.xml", "<rss/>");
    expect(keepUnchangedDates(dir, record)).toEqual({ kept: 0, changed: 2 });
    expect(dateOf("rss.xml")).toBeGreaterThan(first.getTime());
  });
});
