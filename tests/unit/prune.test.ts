import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { staleAssetFiles } from "../../src/integrations/prune.ts";

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
