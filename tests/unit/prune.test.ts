import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { removedArticleNotices, staleFiles } from "../../src/integrations/prune.ts";
import { claimOutDir, OUT_DIR_OWNER } from "../../src/lib/out-dir.ts";
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

describe("removedArticleNotices", () => {
  it("tells of each article page removed that no line of public/_redirects sends on, with the line to write", () => {
    const removed = ["articles/ancien-nom/index.html", "articles/deja-redirige/index.html", "2020/10/13/index.html"];
    expect(removedArticleNotices(removed, "/articles/deja-redirige/ /articles/nouveau/ 301\n")).toEqual([
      "/articles/ancien-nom/ n’est plus publié (article renommé, supprimé ou dépublié)\u00a0: les liens déjà partagés mènent à la page 404. S’il a changé de nom, ajoutez à public/_redirects la ligne «\u202f/articles/ancien-nom/ /articles/<nouveau-nom>/ 301\u202f».",
    ]);
    expect(removedArticleNotices(["rss.xml", "_astro/a.js"], "")).toEqual([]);
  });
});

describe("claimOutDir", () => {
  it("empties an output folder that holds another content folder's build, and only then", () => {
    const out = join(temporaryFolder("claim-"), "dist");
    const page = join(out, "client/2020/index.html");
    const build = (): void => {
      mkdirSync(dirname(page), { recursive: true });
      mkdirSync(join(out, "server"), { recursive: true });
      writeFileSync(page, "<h1>2020</h1>");
    };
    // Written before the owner file existed: a build (its server's entry), but whose cannot be told.
    build();
    writeFileSync(join(out, "server/entry.mjs"), "", { flag: "w" });
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
    // The site's own folder named in CONTENT_DIR, however written, and another folder written two ways: the same build.
    build();
    for (const same of ["content/articles", "./content/articles/", join(process.cwd(), "content/articles")])
      expect(claimOutDir(out, same), same).toBe(false);
    expect(claimOutDir(out, "/tmp/corpus/")).toBe(true);
    build();
    expect(claimOutDir(out, "/tmp//corpus")).toBe(false);
    expect(existsSync(page)).toBe(true);
  });

  it.each([
    ["the articles (OUT_DIR=content)", "articles/brouillon.md"],
    ["public/ (OUT_DIR=public)", "images/photo.jpg"],
    ["server/ (OUT_DIR=server)", "main.ts"],
    ["a folder of reglages-like names", "server/reglages.txt"],
  ])("never empties %s: a non-empty folder no build of this site wrote, and says so naming it", (_, file) => {
    const folder = temporaryFolder("claim-autre-");
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), "à garder");
    expect(() => claimOutDir(folder, undefined)).toThrow(
      `OUT_DIR (${folder}) n’est pas un dossier de sortie du site\u00a0: il n’est pas vide`,
    );
    expect(readFileSync(join(folder, file), "utf8")).toBe("à garder");
    expect(existsSync(join(folder, OUT_DIR_OWNER))).toBe(false);
  });

  it("claims an empty or absent folder", () => {
    const empty = temporaryFolder("claim-vide-");
    expect(claimOutDir(empty, undefined)).toBe(true);
    expect(claimOutDir(join(empty, "absent"), undefined)).toBe(true);
    expect(readFileSync(join(empty, "absent", OUT_DIR_OWNER), "utf8")).toBe("default");
  });

  it("never empties a folder that holds a project (OUT_DIR=.)", () => {
    const project = temporaryFolder("claim-project-");
    writeFileSync(join(project, "package.json"), "{}");
    // Even with what looks like a build's mark in it.
    writeFileSync(join(project, OUT_DIR_OWNER), "ailleurs");
    expect(() => claimOutDir(project, undefined)).toThrow(/n’est pas un dossier de sortie/);
    expect(existsSync(join(project, "package.json"))).toBe(true);
  });
});
