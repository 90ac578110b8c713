/**
 * Caches never change the output: the site built cold, built warm, and built with each cache
 * removed alone (Astro's cache: content store and incremental pages; the social images) is the
 * same, byte for byte; and after an edit, the incremental build equals a cold build of the edit.
 * The search index made from kept copies of the pages equals one made from fresh copies, and a test
 * build's copies stay in its own cache.
 */
import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus.ts";
import { buildCaches, clearBuildCaches } from "../../src/lib/build-caches.ts";
import { buildSearchIndex } from "../../src/lib/search-index.ts";
import { buildEnv, buildWith, projectRoot } from "./astro.ts";
import { listFiles } from "./dist.ts";
import { spawnSync } from "node:child_process";

const contentDir = mkdtempSync(join(tmpdir(), "digimedia-cache-"));
const outDir = "dist-cache";
const { astro: storeCache, socialImages: imageCache } = buildCaches(projectRoot, contentDir);

afterAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
  clearBuildCaches(projectRoot, contentDir);
  rmSync(join(projectRoot, outDir), { recursive: true, force: true });
});

/** Pages the last build copied from its incremental cache instead of rendering. */
let reused = 0;

/**
 * Builds `content` (into an emptied dist/ unless `keepDist`), with `env`'s settings, and returns a
 * fingerprint of every file in it.
 */
function buildAndHash(keepDist = false, content = contentDir, env: Record<string, string> = {}): Map<string, string> {
  if (!keepDist) rmSync(join(projectRoot, outDir), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "build"], {
    cwd: projectRoot,
    env: buildEnv(content, `./${outDir}`, { BUILD_NOW: "2026-06-01T00:00:00+02:00", ...env }),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr.slice(-2000));
  reused = (result.stdout.match(/\((?:cached|restored)\)/g) ?? []).length;
  return fingerprints(join(projectRoot, outDir, "client"));
}

/** Every file under `dir`, with the hash of its bytes. */
function fingerprints(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    ]),
  );
}

describe("build caches", () => {
  beforeAll(() => {
    generateCorpus(contentDir, 40, 3);
  });

  it("give the same site cold, warm, and with each cache removed", () => {
    clearBuildCaches(projectRoot, contentDir);
    const cold = buildAndHash();
    expect(cold.size).toBeGreaterThan(100);
    expect(buildAndHash()).toEqual(cold);
    rmSync(storeCache, { recursive: true, force: true });
    expect(buildAndHash()).toEqual(cold);
    rmSync(imageCache, { recursive: true, force: true });
    expect(buildAndHash()).toEqual(cold);
  });

  it("after an edit, keep only what did not change: the same site as a cold build", () => {
    // From nothing: no Astro cache, an emptied dist/.
    const coldBuild = (): Map<string, string> => {
      rmSync(storeCache, { recursive: true, force: true });
      const site = buildAndHash();
      expect(reused).toBe(0);
      return site;
    };
    const before = buildAndHash(true);
    const files = readdirSync(contentDir)
      .filter((f) => f.endsWith(".md"))
      .sort();

    // A body edit: only that article's page is rendered again.
    appendFileSync(join(contentDir, files[0] ?? ""), "\nUne phrase ajoutée après coup.\n");
    const afterBody = buildAndHash(true);
    expect(reused).toBeGreaterThan(before.size / 2);
    expect(afterBody).not.toEqual(before);
    expect(afterBody).toEqual(coldBuild());

    // A title edit shows in listings, neighbours, related articles and the social image.
    const file = join(contentDir, files[5] ?? "");
    const cachedCards = readdirSync(imageCache).length;
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Un titre entièrement réécrit"));
    const afterTitle = buildAndHash(true);
    expect([...afterTitle.keys()].length).toBe(afterBody.size);
    expect(afterTitle).not.toEqual(afterBody);
    // The card of the old title left the cache with it: the cache does not grow with each edit.
    expect(readdirSync(imageCache)).toHaveLength(cachedCards);
    // And its address changed with it: networks that keep the image of an address they know fetch the new one.
    const cards = (site: Map<string, string>): string[] => [...site.keys()].filter((f) => f.startsWith("og/"));
    const edited = (files[5] ?? "").replace(/\.md$/, "");
    const cardsOfEdited = (site: Map<string, string>): string[] =>
      cards(site).filter((f) => f.startsWith(`og/${edited}-`));
    const [oldCard, newCard] = [cardsOfEdited(afterBody), cardsOfEdited(afterTitle)];
    expect(oldCard).toHaveLength(1);
    expect(newCard).toHaveLength(1);
    expect(newCard).not.toEqual(oldCard);
    // The other cards keep theirs.
    expect(cards(afterTitle).filter((f) => !newCard.includes(f))).toEqual(
      cards(afterBody).filter((f) => !oldCard.includes(f)),
    );
    expect(afterTitle).toEqual(coldBuild());

    // A deleted article leaves nothing behind in a kept dist/: page, social image, emptied archive day;
    // nor do a file deleted from public/ since an earlier build, or a feed no longer written.
    const deleted = files[7] ?? "";
    rmSync(join(contentDir, deleted));
    const client = join(projectRoot, outDir, "client");
    mkdirSync(join(client, "images"), { recursive: true });
    writeFileSync(join(client, "images/photo-retiree-de-public.png"), "");
    writeFileSync(join(client, "categorie/ancien-flux.xml"), "<rss/>");
    const afterDelete = buildAndHash(true);
    expect(afterDelete.has("images/photo-retiree-de-public.png")).toBe(false);
    expect(afterDelete.has("categorie/ancien-flux.xml")).toBe(false);
    expect(afterDelete.has("favicon.svg")).toBe(true);
    const slug = deleted.replace(/\.md$/, "");
    expect(afterDelete.has(`articles/${slug}/index.html`)).toBe(false);
    const cardOf = (site: Map<string, string>): string[] =>
      [...site.keys()].filter((f) => new RegExp(`^og/${slug}-[0-9a-f]{8}\\.png$`).test(f));
    expect(cardOf(afterTitle)).toHaveLength(1);
    expect(cardOf(afterDelete)).toEqual([]);
    expect(afterTitle.has(`articles/${slug}/index.html`)).toBe(true);
    expect(afterDelete).toEqual(coldBuild());
  });

  it("never keep pages built with other settings: a new form address reaches every page, as in a cold build", () => {
    const action = "https://inscription.example.org/api/newsletter";
    const client = join(projectRoot, outDir, "client");
    buildAndHash(true);
    const withForm = listFiles(client).filter(
      (f) => f.endsWith(".html") && readFileSync(join(client, f), "utf8").includes('action="/api/newsletter"'),
    );
    expect(withForm).toContain(listFiles(client).find((f) => f.startsWith("articles/")));
    const warm = buildAndHash(true, contentDir, { NEWSLETTER_ACTION: action });
    const stale = withForm.filter((f) => !readFileSync(join(client, f), "utf8").includes(`action="${action}"`));
    expect(stale).toEqual([]);
    rmSync(storeCache, { recursive: true, force: true });
    expect(warm).toEqual(buildAndHash(false, contentDir, { NEWSLETTER_ACTION: action }));
  });

  it("never keep pages of another content folder built into the same dist/ in between", () => {
    const site = buildAndHash(true);
    // Another folder whose articles share days, categories and tags with this one.
    const other = mkdtempSync(join(tmpdir(), "digimedia-cache-other-"));
    try {
      generateCorpus(other, 12, 3);
      for (const file of readdirSync(other)) {
        const text = readFileSync(join(other, file), "utf8").replace(
          /^title: .*$/m,
          "title: Un article de l’autre dossier",
        );
        writeFileSync(join(other, file.replace(/\.md$/, "-autre.md")), text);
        rmSync(join(other, file));
      }
      buildAndHash(true, other);
    } finally {
      rmSync(other, { recursive: true, force: true });
      clearBuildCaches(projectRoot, other);
    }
    const again = buildAndHash(true);
    const client = join(projectRoot, outDir, "client");
    const mentions = listFiles(client).filter(
      (f) => f.endsWith(".html") && readFileSync(join(client, f), "utf8").includes("-autre/"),
    );
    expect(mentions).toEqual([]);
    expect(again).toEqual(site);
  });

  it("give the same search index from kept copies of the pages and a kept index as from nothing, after an edit and a deletion", async () => {
    const client = join(projectRoot, outDir, "client");
    const { searchCopies } = buildCaches(projectRoot, contentDir);
    // Kept: the copies and the index of the last run are there (the index of a deleted article must not stay).
    const indexed = async (fresh: boolean): Promise<Map<string, string>> => {
      if (fresh) rmSync(searchCopies, { recursive: true, force: true });
      if (fresh) rmSync(join(client, "pagefind"), { recursive: true, force: true });
      await buildSearchIndex(client, searchCopies);
      return fingerprints(join(client, "pagefind"));
    };
    const fresh = await indexed(true);
    expect(fresh.size).toBeGreaterThan(5);
    expect(await indexed(false)).toEqual(fresh);
    // A page whose text changed, and a page gone.
    const [edited, gone] = readdirSync(join(client, "articles")).sort();
    const page = join(client, "articles", edited ?? "", "index.html");
    writeFileSync(page, readFileSync(page, "utf8").replace("</h1>", " entièrement réécrit</h1>"));
    rmSync(join(client, "articles", gone ?? ""), { recursive: true });
    const kept = await indexed(false);
    expect(kept).not.toEqual(fresh);
    expect(kept).toEqual(await indexed(true));
  });

  it("index a test build's pages in the search cache of its content folder, never in the site's", () => {
    const siteCopies = buildCaches(projectRoot, undefined).searchCopies;
    const copies = (): Map<string, string> =>
      existsSync(siteCopies) ? fingerprints(siteCopies) : new Map<string, string>();
    const before = copies();
    const { status, output } = buildWith(contentDir, `./${outDir}`, { BUILD_NOW: "2026-06-01T00:00:00+02:00" });
    expect(status, output).toBe(0);
    expect(copies()).toEqual(before);
  });
});
