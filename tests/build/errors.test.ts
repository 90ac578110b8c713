/**
 * A malformed article fails the build with a French message that names the file and the field.
 * Each case builds a real site from a temporary folder holding one good and one bad article.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SITE } from "../../src/config.ts";
import { buildWith, projectRoot } from "./astro.ts";
import { brokenLinks } from "./dist.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const good = `---
title: Un article valide
description: Un chapô.
date: 2021-05-03
category: tech
---

Du texte.
`;

/** The checks' words as they write them: a narrow no-break space inside « ». */
const spaced = (message: string): string => message.replace(/« /g, "«\u202f").replace(/ »/g, "\u202f»");

const withFields = (fields: string): string => `---\n${fields}\n---\n\nDu texte.\n`;
const base = "title: Titre\ndescription: Chapô.\ndate: 2021-05-04\ncategory: tech";

interface Case {
  name: string;
  files: Record<string, string>;
  file: string;
  expect: string[];
}
/** A case with one bad article, `file`, whose front matter is `fields`. */
const oneFile = (name: string, file: string, fields: string, expect: string[]): Case => ({
  name,
  files: { [file]: withFields(fields) },
  file,
  expect,
});

const cases: Case[] = [
  oneFile("a missing title", "sans-titre.md", "description: Chapô.\ndate: 2021-05-04\ncategory: tech", [
    "champ « title »",
    "le titre (title) est obligatoire",
  ]),
  oneFile("an unknown category", "mauvaise-rubrique.md", base.replace("category: tech", "category: sport"), [
    "champ « category »",
    "rubrique inconnue « sport » : choisissez International,",
  ]),
  oneFile("an impossible date", "date-impossible.md", base.replace("2021-05-04", "2021-02-29"), [
    "champ « date »",
    "impossible : « 2021-02-29 » ; février 2021 n’a que 28 jours (2021 n’est pas bissextile)",
  ]),
  oneFile("an image without alt", "image-sans-alt.md", `${base}\nimage: /images/photo.jpg`, [
    "champ « imageAlt »",
    "obligatoire quand il y a une image",
  ]),
  {
    name: "two articles with one slug",
    files: { "2020/meme-nom.md": withFields(base), "2021/meme-nom.md": withFields(base) },
    file: "meme-nom.md",
    expect: ["slug en double « meme-nom »"],
  },
  oneFile("a file name that cannot be a URL", "Été Chaud.md", base, ["nom de fichier", "minuscules sans accents"]),
  oneFile("an index.md in the article's own folder", "mon-article/index.md", base, [
    "nom de fichier : « index » donnerait l’adresse /articles/index/",
    "renommez-le en mon-article.md",
  ]),
  oneFile("a misspelt field", "champ-inconnu.md", `${base}\ncatgory: tech`, ["champ inconnu : catgory"]),
  oneFile(
    "a title typed with a colon and no quotes",
    "deux-points.md",
    base.replace("title: Titre", "title: Titre : sous-titre"),
    ["en-tête illisible", "s’écrit entre guillemets droits"],
  ),
  oneFile("a category that is not a name", "rubrique-nombre.md", base.replace("category: tech", "category: 3"), [
    "champ « category »",
    "doit être un nom de rubrique",
  ]),
  oneFile(
    "an image missing from public/",
    "image-absente.md",
    `${base}\nimage: /images/absente.jpg\nimageAlt: Une photo`,
    ["champ « image »", "fichier introuvable : public/images/absente.jpg"],
  ),
  oneFile("a draft flag that is not a boolean", "brouillon.md", `${base}\ndraft: peut-être`, [
    "champ « draft »",
    "true ou false",
  ]),
  oneFile("a title YAML would cut at « # »", "diese.md", base.replace("title: Titre", "title: Le langage #1"), [
    "champ « title »",
    'mettez-le entre guillemets droits : title: "Le langage #1"',
  ]),
  {
    name: "a script in the text",
    files: { "script.md": `---\n${base}\n---\n\nDu texte.\n\n<script>alert(1)</script>\n` },
    file: "script.md",
    expect: ["champ « texte »", "l’élément HTML <script> n’est pas permis"],
  },
  {
    name: "a link to an article scheduled after it",
    files: {
      "lien-programme.md": `---\n${base}\n---\n\nLire [la suite](/articles/plus-tard/).\n`,
      "plus-tard.md": withFields(base.replace("2021-05-04", "2099-01-01")),
    },
    file: "lien-programme.md",
    expect: ["champ « texte »", "mène à un article programmé pour le 1er\u00a0janvier 2099"],
  },
  {
    name: "links to tags no article has",
    files: {
      "etiquettes.md": `---\n${base}\ntags: [Réglementation]\n---\n\nVoir [l’étiquette](/tag/Réglementation/) et [le football](/tag/football/).\n`,
    },
    file: "etiquettes.md",
    expect: [
      "champ « texte »",
      ...[
        "le lien « /tag/Réglementation/ » mène à une page d’étiquette qui n’existe pas\u00a0: écrivez /tag/reglementation/",
        "le lien « /tag/football/ » mène à une étiquette qu’aucun article publié ne porte",
      ].map(spaced),
    ],
  },
  {
    name: "links to anchors no page has",
    files: {
      "ancres.md": `---\n${base}\n---\n\n## Réglementation\n\nVoir [plus haut](#reglementation) et [l’autre article](/articles/valide/#suite).\n`,
    },
    file: "ancres.md",
    expect: [
      "champ « texte »",
      ...[
        "le lien « #reglementation » mène à une ancre qui n’existe pas dans cet article",
        "vouliez-vous dire #réglementation\u00a0?",
        "« /articles/valide/#suite » mène à une ancre qui n’existe pas dans l’article /articles/valide/",
      ].map(spaced),
    ],
  },
  oneFile(
    "an image of a type the site does not serve",
    "image-css.md",
    `${base}\nimage: /rss.css\nimageAlt: Une feuille`,
    ["champ « image »", "(.css) n’est pas un format d’image que le site sert"],
  ),
  {
    name: "the problems of a text, all listed, and a text that shows nothing",
    files: {
      "texte.md": `---\n${base}\n---\n\n${[
        "Voir [cela](../valide/) et [la rubrique](/categorie/sport/).",
        `Copié du site : [ceci](${SITE.url}/articles/nexiste-pas/).`,
        "![](/favicon.svg)",
        'Il a dit "bonjour. Puis plus rien[^2].',
      ].join("\n\n")}\n`,
      "commentaire.md": `---\n${base}\n---\n\n<!-- à écrire -->\n`,
    },
    file: "texte.md",
    expect: [
      "2\u00a0articles à corriger",
      "il mène à /articles/valide/",
      "« /categorie/sport/ » mène à une rubrique qui n’existe pas",
      "aucun fichier nexiste-pas.md",
      "l’image « /favicon.svg » n’a pas de texte alternatif",
      "citation non fermée\u00a0: aucun guillemet fermant (») ne répond au guillemet ouvrant («)",
      "Le passage\u00a0:\n      Il a dit « bonjour. Puis plus rien[^2].",
      "l’appel de note « [^2] » n’a pas de note",
      "commentaire.md",
      "le texte de l’article ne montre rien aux lecteurs",
    ].map(spaced),
  },
  {
    name: "links to pages the built site does not have, known only once it is built",
    files: {
      "liens-morts.md": `---\n${base}\n---\n\nVoir [à propos](/a-propo/), [la page 9](/page/9/), [le document](/images/doc.pdf) et [les mentions](${SITE.url}/mentions-legale/).\n`,
    },
    file: "liens-morts.md",
    expect: [
      "Article invalide",
      "le lien « /a-propo/ » mène à une page que le site construit n’a pas",
      "le lien « /page/9/ » mène à une page que le site construit n’a pas",
      "le lien « /images/doc.pdf » mène",
      `le lien « ${SITE.url}/mentions-legale/ » mène`,
    ].map(spaced),
  },
  {
    name: "three broken articles, reported together, a « # » in a list on its own line and a no-break space read as a space",
    files: {
      "sans-titre.md": withFields(base.replace("title: Titre\n", "")),
      "date-fausse.md": withFields(base.replace("2021-05-04", "12/10/2020")),
      "grok.md": withFields(
        `${base.replace("title: Titre", "title:\u00a0Titre")}\ntags: [Elon Musk, X (ex-Twitter), #Grok]\ndraft: false`,
      ),
    },
    file: "sans-titre.md",
    expect: [
      "3\u00a0articles à corriger",
      "date-fausse.md",
      "grok.md\n  - champ « tags », ligne 6 : « #Grok » commence par « # »",
      '"#Grok" s’écrit entre guillemets droits : tags: [Elon Musk, X (ex-Twitter), "#Grok"]',
      "champ « title » : le titre (title) est obligatoire",
      "champ « date » : la date de publication (date) est mal formée : « 12/10/2020 » ; écrivez 2020-10-12",
    ],
  },
];

afterAll(() => {
  rmSync(join(projectRoot, "dist-errors"), { recursive: true, force: true });
});

describe("a malformed article fails the build", () => {
  it.each(cases)("$name", ({ files, file, expect: messages }) => {
    const dir = temporaryFolder("digimedia-errors-");
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
    const dir = temporaryFolder("digimedia-errors-");
    writeFileSync(join(dir, "valide.md"), good);
    writeFileSync(join(dir, "_brouillon-ignore.md"), "pas de front matter du tout");
    // An older article may link to a newer one already published.
    // A header pasted from a mail, no-break spaces where YAML needs spaces: read as spaces, as the README says.
    writeFileSync(
      join(dir, "suite.md"),
      `---\n${base.replace("title: Titre", "title:\u00a0La suite").replace("date: 2021-05-04", "date:\u00a02022-01-10")}\ntags:\n\u00a0 -\u00a0Réglementation\n---\n\n## Les réactions\n\nDu texte.\n`,
    );
    writeFileSync(join(dir, "ancien.md"), `---\n${base}\n---\n\nLire [la suite](/articles/suite/).\n`);
    // What the text checks accept: links to the site's pages (by its address too), a described image, closed
    // quotations, a note and a reference link that have their definitions, Markdown shown as code.
    writeFileSync(
      join(dir, "permis.md"),
      `---\n${base}\n---\n\n${[
        `Voir [la rubrique](/categorie/tech/), [le jour](/2021/05/03/) et [l’article](${SITE.url}/articles/valide/#contenu).`,
        // A tag a newer article already out has, and anchors; the built site's links are followed below.
        "## Réglementation",
        "Voir [l’étiquette](/tag/reglementation/?ref=permis), [plus haut](#réglementation), [la lettre](#newsletter), " +
          "[la note](#fn-1) et [les réactions](/articles/suite/?ref=permis#les-réactions).",
        '![Le logo du site](/favicon.svg)\n\nIl a dit "bonjour" puis "au revoir"[^1], voir [la source][src].',
        "Le code `[^2]` ou `[a](b` reste tel quel.",
        // Pages and files only the built site has (an on-demand page and a redirect: site-links.test.ts).
        "Voir [le site](/a-propos/), [le flux](/categorie/tech/rss.xml) et [le logo](/favicon.svg).",
        "[^1]: La note.\n\n[src]: https://exemple.fr/",
      ].join("\n\n")}\n`,
    );
    const { status, output } = buildWith(dir, "./dist-errors");
    expect(output).not.toContain("Article invalide");
    expect(status).toBe(0);
    // What the checks accept leads somewhere: the tag's page and each anchor are in the built site.
    expect(brokenLinks(join(projectRoot, "dist-errors/client"))).toEqual([]);
    const suite = readFileSync(join(projectRoot, "dist-errors/client/articles/suite/index.html"), "utf8");
    expect(suite).toMatch(/<h1[^>]*>La suite<\/h1>/);
    expect(suite).toContain('datetime="2022-01-10');
  });
});
