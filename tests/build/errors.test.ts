/**
 * A malformed article fails the build with a French message that names the file and the field.
 * Each case builds a real site from a temporary folder holding one good and one bad article.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildWith, projectRoot } from "./astro.ts";

const good = `---
title: Un article valide
description: Un chapô.
date: 2021-05-03
category: tech
---

Du texte.
`;

const withFields = (fields: string): string => `---\n${fields}\n---\n\nDu texte.\n`;
const base = "title: Titre\ndescription: Chapô.\ndate: 2021-05-04\ncategory: tech";

const cases: { name: string; files: Record<string, string>; file: string; expect: string[] }[] = [
  {
    name: "a missing title",
    files: { "sans-titre.md": withFields("description: Chapô.\ndate: 2021-05-04\ncategory: tech") },
    file: "sans-titre.md",
    expect: ["champ « title »", "le titre (title) est obligatoire"],
  },
  {
    name: "an unknown category",
    files: { "mauvaise-rubrique.md": withFields(base.replace("category: tech", "category: sport")) },
    file: "mauvaise-rubrique.md",
    expect: ["champ « category »", "catégorie inconnue « sport »"],
  },
  {
    name: "an impossible date",
    files: { "date-impossible.md": withFields(base.replace("2021-05-04", "2021-02-29")) },
    file: "date-impossible.md",
    expect: ["champ « date »", "impossible ou mal formée : « 2021-02-29 »"],
  },
  {
    name: "an image without alt",
    files: { "image-sans-alt.md": withFields(`${base}\nimage: /images/photo.jpg`) },
    file: "image-sans-alt.md",
    expect: ["champ « imageAlt »", "obligatoire quand il y a une image"],
  },
  {
    name: "two articles with one slug",
    files: { "2020/meme-nom.md": withFields(base), "2021/meme-nom.md": withFields(base) },
    file: "meme-nom.md",
    expect: ["slug en double « meme-nom »"],
  },
  {
    name: "a file name that cannot be a URL",
    files: { "Été Chaud.md": withFields(base) },
    file: "Été Chaud.md",
    expect: ["nom de fichier", "minuscules sans accents"],
  },
  {
    name: "a misspelt field",
    files: { "champ-inconnu.md": withFields(`${base}\ncatgory: tech`) },
    file: "champ-inconnu.md",
    expect: ["champ inconnu : catgory"],
  },
  {
    name: "a title typed with a colon and no quotes",
    files: { "deux-points.md": withFields(base.replace("title: Titre", "title: Titre : sous-titre")) },
    file: "deux-points.md",
    expect: ["front matter YAML illisible", "s’écrit entre guillemets droits"],
  },
  {
    name: "a category that is not a name",
    files: { "rubrique-nombre.md": withFields(base.replace("category: tech", "category: 3")) },
    file: "rubrique-nombre.md",
    expect: ["champ « category »", "doit être un nom de rubrique"],
  },
  {
    name: "an image missing from public/",
    files: { "image-absente.md": withFields(`${base}\nimage: /images/absente.jpg\nimageAlt: Une photo`) },
    file: "image-absente.md",
    expect: ["champ « image »", "fichier introuvable : public/images/absente.jpg"],
  },
  {
    name: "a draft flag that is not a boolean",
    files: { "brouillon.md": withFields(`${base}\ndraft: peut-être`) },
    file: "brouillon.md",
    expect: ["champ « draft »", "true ou false"],
  },
];

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
  rmSync(join(projectRoot, "dist-errors"), { recursive: true, force: true });
});

describe("a malformed article fails the build", () => {
  it.each(cases)("$name", ({ files, file, expect: messages }) => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-errors-"));
    folders.push(dir);
    writeFileSync(join(dir, "valide.md"), good);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const { status, output } = buildWith(dir, "./dist-errors");
    expect(status).not.toBe(0);
    // The path as the editor can open it, folder included.
    expect(output).toContain(dir);
    expect(output).toContain(file);
    for (const message of messages) expect(output).toContain(message);
    // The editor's message alone: no stack trace of our code, no misleading word about the config.
    expect(output).not.toContain("Stack trace");
    expect(output).not.toContain("Unable to load your Astro config");
  });

  it("while the same folder without the bad article builds", () => {
    const dir = mkdtempSync(join(tmpdir(), "digimedia-errors-"));
    folders.push(dir);
    writeFileSync(join(dir, "valide.md"), good);
    writeFileSync(join(dir, "_brouillon-ignore.md"), "pas de front matter du tout");
    const { status, output } = buildWith(dir, "./dist-errors");
    expect(output).not.toContain("Article invalide");
    expect(status).toBe(0);
  });
});
