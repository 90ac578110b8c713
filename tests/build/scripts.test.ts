/** The editors' commands: npm run new, and the deterministic corpus generator. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus.ts";
import { checkFrontMatter } from "../../src/lib/article-schema.ts";
import { readFrontMatter } from "../../src/lib/front-matter.ts";
import { projectRoot } from "./astro.ts";

const folders: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "digimedia-scripts-"));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const runNew = (dir: string, title: string) =>
  spawnSync(process.execPath, ["scripts/new-article.ts", title], {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: dir },
    encoding: "utf8",
  });

describe("npm run new", () => {
  it("writes a draft named after the title, dated today in Paris, with every field, that the build accepts as a draft only", () => {
    const dir = temp();
    const result = runNew(dir, "L’été des « startups » françaises !");
    expect(result.status).toBe(0);
    const file = join(dir, "l-ete-des-startups-francaises.md");
    const text = readFileSync(file, "utf8");
    for (const field of [
      "title:",
      "description:",
      "date:",
      "category:",
      "tags:",
      "author:",
      "draft: true",
      "# image:",
    ]) {
      expect(text).toContain(field);
    }
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" }).format(new Date());
    expect(text).toMatch(new RegExp(`^date: ${today}T\\d{2}:\\d{2}$`, "m"));
    // The rubriques by their names, which the field takes as well as their slugs.
    expect(text).toContain(
      "# Rubrique : International, Économie, Tech, Startups, Cybersécurité ou Réseaux sociaux\ncategory: À choisir",
    );
    const data = checkFrontMatter(file, readFrontMatter(file));
    expect(data.draft).toBe(true);
    // Published as it is, the template's standfirst and category are refused.
    expect(() => checkFrontMatter(file, { ...readFrontMatter(file), draft: false })).toThrow(
      /champ « description » : le chapô \(description\) est encore celui du modèle[\s\S]*champ « category » : la rubrique \(category\) est encore celle du modèle, « À choisir » : choisissez International, /,
    );
  });

  it("refuses to overwrite an existing article", () => {
    const dir = temp();
    expect(runNew(dir, "Même titre").status).toBe(0);
    const before = readFileSync(join(dir, "meme-titre.md"), "utf8");
    const again = runNew(dir, "Même titre");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("existe déjà");
    expect(readFileSync(join(dir, "meme-titre.md"), "utf8")).toBe(before);
  });

  it("refuses a title whose address an article of a subfolder already has", () => {
    const dir = temp();
    mkdirSync(join(dir, "2025"));
    writeFileSync(join(dir, "2025/le-wi-fi-7-arrive.md"), "---\ntitle: x\n---\n");
    const again = runNew(dir, "Le Wi-Fi 7 arrive");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("le-wi-fi-7-arrive.md existe déjà, à l’adresse /articles/le-wi-fi-7-arrive/");
    expect(existsSync(join(dir, "le-wi-fi-7-arrive.md"))).toBe(false);
  });

  it("says in French how to call it, and what to do with a title of no letter", () => {
    const dir = temp();
    expect(runNew(dir, "").stderr).toContain('Utilisation : npm run new -- "Titre de l’article"');
    const signs = runNew(dir, "!!!");
    expect(signs.status).toBe(2);
    expect(signs.stderr).toContain(
      "Impossible de tirer un nom de fichier du titre « !!! » : il n’a ni lettre ni chiffre. Donnez un titre avec au moins un mot",
    );
  });
});

describe("corpus generator", () => {
  it("writes the same files for the same seed, and other files for another seed", () => {
    const [a, b, c] = [temp(), temp(), temp()];
    generateCorpus(a, 30, 7);
    generateCorpus(b, 30, 7);
    generateCorpus(c, 30, 8);
    const read = (dir: string): string[] =>
      readdirSync(dir)
        .sort()
        .map((f) => `${f}\n${readFileSync(join(dir, f), "utf8")}`);
    expect(read(a)).toEqual(read(b));
    expect(read(a)).not.toEqual(read(c));
  });

  it("spreads articles over every category and ten years, with the punctuation French typography cares about", () => {
    const dir = temp();
    const entries = generateCorpus(dir, 200, 42);
    expect(new Set(entries.map((e) => e.category)).size).toBe(6);
    const years = new Set(entries.filter((e) => e.date < "2030").map((e) => e.date.slice(0, 4)));
    expect(years.size).toBe(10);
    const all = entries.map((e) => readFileSync(e.file, "utf8")).join("\n");
    for (const sample of ["## ", "](https://", "\n- ", "\n> ", "`", " ?", " !", " :", " ;", '"', "10:30", "!?"]) {
      expect(all).toContain(sample);
    }
  });
});
