import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { staleFiles } from "../../src/integrations/prune.ts";
import { claimOutDir, OUT_DIR_OWNER } from "../../src/lib/build-caches.ts";
import { temporaryFolder } from "../temporary-folder.ts";

describe("staleFiles", () => {
  it("names what an earlier build left: pages and files no route wrote, files gone from public/, scripts of _astro/ it did not write, not others' folders", () => {
    const client = temporaryFolder("client-");
    const started = Date.now() - 10_000;
    const before = new Date(started - 60_000);
    const write = (file: string, old: boolean): string => {
      const full = join(client, file);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, "");
      if (old) utimesSync(full, before, before);
      return full;
    };
    const keptPage = write("articles/gardee/index.html", true);
    const deletedPage = write("articles/supprimee/index.html", true);
    const feed = write("rss.xml", true);
    const oldFeed = write("categorie/ancienne/rss.xml", true);
    write("favicon.svg", true);
    write("google1234.html", true);
    const removedFromPublic = write("images/retiree.png", true);
    write("sitemap-index.xml", false);
    write("_astro/recherche.NEW.js", false);
    const oldScript = write("_astro/recherche.OLD.js", true);
    write("og/carte.png", true);
    write("pagefind/fragment/fr_1.pf_fragment", true);
    const stale = staleFiles(client, {
      routeFiles: new Set([keptPage, feed]),
      publicFiles: new Set(["favicon.svg", "google1234.html"]),
      ownedElsewhere: new Set(["og", "pagefind"]),
      started,
    });
    expect(stale.sort()).toEqual([oldScript, oldFeed, deletedPage, removedFromPublic].sort());
  });
});

describe("claimOutDir", () => {
  it("empties an output folder that holds another content folder's build, and only then", () => {
    const out = join(temporaryFolder("claim-"), "dist");
    const page = join(out, "client/2020/index.html");
    const build = (): void => {
      mkdirSync(dirname(page), { recursive: true });
      writeFileSync(page, "<h1>2020</h1>");
    };
    // Written before the owner file existed: whose build it is cannot be told.
    build();
    expect(claimOutDir(out, undefined)).toBe(true);
    expect(existsSync(page)).toBe(false);
    build();
    expect(claimOutDir(out, undefined)).toBe(false);
    expect(existsSync(page)).toBe(true);
    // CONTENT_DIR=/tmp/corpus into the same dist/, then the site again.
    expect(claimOutDir(out, "/tmp/corpus")).toBe(true);
    expect(existsSync(page)).toBe(false);
    expect(readFileSync(join(out, OUT_DIR_OWNER), "utf8")).toBe("_tmp_corpus");
    build();
    expect(claimOutDir(out, undefined)).toBe(true);
    expect(existsSync(page)).toBe(false);
  });

  it("never empties a folder that holds a project (OUT_DIR=.)", () => {
    const project = temporaryFolder("claim-project-");
    writeFileSync(join(project, "package.json"), "{}");
    expect(() => claimOutDir(project, undefined)).toThrow(/contient un projet/);
    expect(existsSync(join(project, "package.json"))).toBe(true);
  });
});
