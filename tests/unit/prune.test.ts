import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { staleAssetFiles, staleFiles } from "../../src/integrations/prune.ts";

describe("staleAssetFiles", () => {
  it("names the assets an earlier build wrote, not those of the build under way", () => {
    const dir = mkdtempSync(join(tmpdir(), "assets-"));
    const buildStart = Date.now() - 10_000;
    writeFileSync(join(dir, "recherche.NEW.js"), "");
    writeFileSync(join(dir, "recherche.OLD.js"), "");
    const before = new Date(buildStart - 60_000);
    utimesSync(join(dir, "recherche.OLD.js"), before, before);
    expect(staleAssetFiles(dir, buildStart)).toEqual([join(dir, "recherche.OLD.js")]);
  });

  it("has nothing to say of a site without assets", () => {
    expect(staleAssetFiles(join(tmpdir(), "pas-de-dossier-assets"), Date.now())).toEqual([]);
  });
});

describe("staleFiles", () => {
  it("names what an earlier build left: pages and files no route wrote, files gone from public/, not others' folders", () => {
    const client = mkdtempSync(join(tmpdir(), "client-"));
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
    write("og/carte.png", true);
    write("pagefind/fragment/fr_1.pf_fragment", true);
    const stale = staleFiles(client, {
      routeFiles: new Set([keptPage, feed]),
      publicFiles: new Set(["favicon.svg", "google1234.html"]),
      ownedElsewhere: new Set(["og", "pagefind", "_astro"]),
      started,
    });
    expect(stale.sort()).toEqual([oldFeed, deletedPage, removedFromPublic].sort());
  });
});
