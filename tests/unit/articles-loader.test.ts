/**
 * The articles loader around Astro's glob loader, with a stand-in for Astro's content layer:
 * an article whose body fails to render stops the build (Astro's glob loader only logs it and
 * would publish the article without its text).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { afterEach, describe, expect, it, vi } from "vitest";
// How Astro prints an error that stops `astro build` (cli/throw-and-exit.js), and reads a Markdown file:
// not exported by the package.
import { collectErrorMetadata } from "../../node_modules/astro/dist/core/errors/dev/utils.js";
import { formatErrorMessage } from "../../node_modules/astro/dist/core/messages/runtime.js";
import { markdownContentEntryType } from "../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js";
import { articleSchema } from "../../src/lib/article-schema.ts";
import { readArticleFolder } from "../../src/lib/article-files.ts";
import { articlesLoader } from "../../src/lib/articles-loader.ts";
import { ArticleError, readFrontMatter } from "../../src/lib/front-matter.ts";
import { refusals, resync } from "../../src/lib/dev-refusals.ts";
import { markdownPipelineVersion } from "../../src/lib/markdown.ts";
import { temporaryFolder } from "../temporary-folder.ts";
import { TEMPLATE_CATEGORY } from "../../src/lib/article-template.ts";

const article = `---
title: Un article
description: Un chapô.
date: 2021-05-03
category: tech
---

Du texte.
`;

type Entry = {
  id: string;
  filePath?: string;
  body?: string;
  data: Record<string, unknown>;
  rendered?: { html: string };
};

/** Files added or changed after the first load, as Astro's watcher (astro dev) reports them. */
type Watcher = { add: () => void; on: (event: string, handler: (path: string) => Promise<void>) => void };

/**
 * Loads `folder` with a content layer whose Markdown renderer is `render` (front matter read by Astro's own
 * Markdown entry type, as in a build); returns what is stored. `errors` gets what Astro would log, `infos`
 * and `warnings` what it would print.
 */
async function load(
  folder: string,
  render: (body: string) => { html: string },
  {
    watcher,
    errors = [],
    infos = [],
    warnings = [],
    stored = [],
    meta = new Map<string, string>(),
    astroGivesEntryTypes = true,
  }: {
    watcher?: Watcher;
    errors?: string[];
    infos?: string[];
    warnings?: string[];
    stored?: (Entry & { digest: string })[];
    meta?: Map<string, string>;
    astroGivesEntryTypes?: boolean;
  } = {},
): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>(stored.map((entry) => [entry.id, entry]));
  const store = {
    clear: () => {
      entries.clear();
    },
    keys: () => [...entries.keys()],
    entries: () => [...entries.entries()],
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => entries.set(entry.id, entry),
    delete: (id: string) => entries.delete(id),
    has: (id: string) => entries.has(id),
    addModuleImport: () => undefined,
    addAssetImports: () => undefined,
  };
  const logger = {
    error: (message: string) => errors.push(message),
    warn: (message: string) => warnings.push(message),
    info: (message: string) => infos.push(message),
    debug: () => undefined,
  };
  const markdown = {
    getEntryInfo: (params: { contents: string; fileUrl: URL }) => markdownContentEntryType.getEntryInfo(params),
    getRenderFunction: () => Promise.resolve(({ body }: { body: string }) => Promise.resolve(render(body))),
  };
  const root = pathToFileURL(`${folder}/`);
  const context = {
    collection: "articles",
    store,
    meta,
    logger,
    watcher,
    config: { root, srcDir: new URL("src/", root), prerenderConflictBehavior: "warn" },
    entryTypes: astroGivesEntryTypes ? new Map([[".md", markdown]]) : undefined,
    generateDigest: (data: unknown) => String(JSON.stringify(data).length),
    parseData: () => Promise.reject(new Error("remplacé par le loader")),
  } as unknown as LoaderContext;
  await articlesLoader(folder).load(context);
  return entries;
}

describe("articlesLoader", () => {
  it("stops, in French and naming itself, with an Astro that no longer gives it the entry types it wraps", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    await expect(load(folder, (body) => ({ html: body }), { astroGivesEntryTypes: false })).rejects.toThrow(
      /^articles-loader\u00a0: Astro ne donne plus au chargeur ses types d’entrées \(context\.entryTypes\)/,
    );
  });

  it("stores each article with its rendered text", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    const entries = await load(folder, (body) => ({ html: `<p>${body.trim()}</p>` }));
    expect(entries.get("un-article")?.rendered?.html).toBe("<p>Du texte.</p>");
  });

  it("fails, naming the file, when a body cannot be rendered", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    writeFileSync(join(folder, "texte-casse.md"), article.replace("Du texte.", "CASSE"));
    const attempt = load(folder, (body) => {
      if (body.includes("CASSE")) throw new Error("le moteur Markdown a planté");
      return { html: body };
    });
    await expect(attempt).rejects.toThrow(
      /Article invalide : .*texte-casse\.md\n {2}- le texte \(Markdown\) n’a pas pu être rendu/,
    );
  });
});

describe("articlesLoader, a store left by a stopped build", () => {
  it("checks again an article stored unchecked, whose file has not changed, instead of publishing its raw front matter", async () => {
    // A build that failed saved the store before taking out an article it had kept unchecked for the time of the
    // load (its date still a string): the file is the same, so Astro's glob loader would not read it again.
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    const raw = { title: "Un article", date: "2021-05-03", category: "tech" };
    const stored = [
      {
        id: "un-article",
        filePath: "un-article.md",
        digest: String(JSON.stringify(article).length),
        data: raw,
        rendered: { html: "<p>Du texte.</p>" },
      },
    ];
    const entries = await load(folder, (body) => ({ html: `<p>${body.trim()}</p>` }), { stored });
    expect(entries.get("un-article")?.data["date"]).toBeInstanceOf(Date);
    expect(entries.get("un-article")?.rendered?.html).toBe("<p>Du texte.</p>");
  });
});

describe("articlesLoader, a store saved by another version of the Markdown pipeline", () => {
  const stored = () => [
    {
      id: "un-article",
      filePath: "un-article.md",
      digest: String(JSON.stringify(article).length),
      body: "\nDu texte.\n",
      data: articleSchema.parse({
        title: "Un article",
        description: "Un chapô.",
        date: "2021-05-03",
        category: "tech",
      }),
      rendered: { html: "<p>Rendu par l’ancien code.</p>" },
    },
  ];
  const render = (body: string) => ({ html: `<p>${body.trim()}</p>` });

  it("renders again a body whose file has not changed when the pipeline's code has (a typography fix reaches every article)", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    const meta = new Map([["markdown-pipeline", "une-autre-version"]]);
    const entries = await load(folder, render, { stored: stored(), meta });
    expect(entries.get("un-article")?.rendered?.html).toBe("<p>Du texte.</p>");
    expect(meta.get("markdown-pipeline")).toBe(markdownPipelineVersion());
  });

  it("keeps the stored body while neither the file nor the pipeline changes", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    const meta = new Map([["markdown-pipeline", markdownPipelineVersion()]]);
    const entries = await load(folder, render, { stored: stored(), meta });
    expect(entries.get("un-article")?.rendered?.html).toBe("<p>Rendu par l’ancien code.</p>");
  });
});

describe("articlesLoader, titles carried by several articles", () => {
  it("warns, naming the files; a draft copied from an article is left alone", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    writeFileSync(join(folder, "sa-copie.md"), article.replace("Du texte.", "Un autre texte."));
    writeFileSync(join(folder, "brouillon.md"), article.replace("category: tech\n", "category: tech\ndraft: true\n"));
    const warnings: string[] = [];
    await load(folder, (body) => ({ html: `<p>${body.trim()}</p>` }), { warnings });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Un titre porté par plusieurs articles .*\n {2}- «\sUn article\s» : \S*sa-copie\.md, \S*un-article\.md$/,
      ),
    ]);
  });
});

describe("articlesLoader, a draft a build would refuse", () => {
  it("is left out with a warning, naming the file and the field, while the other articles are published", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    // Unfinished: its date is still to come; another one's photo.
    writeFileSync(join(folder, "en-cours.md"), article.replace("date: 2021-05-03", "date: à définir\ndraft: true"));
    writeFileSync(
      join(folder, "photo-a-venir.md"),
      article.replace(
        "date: 2021-05-03",
        "date: 2021-05-03\nimage: /images/a-venir.jpg\nimageAlt: Plus tard\ndraft: true",
      ),
    );
    const warnings: string[] = [];
    const entries = await load(folder, (body) => ({ html: `<p>${body.trim()}</p>` }), { warnings });
    expect([...entries.keys()]).toEqual(["un-article"]);
    expect(warnings).toEqual([
      expect.stringMatching(/^2\u00a0brouillons à corriger avant leur publication \(ce build les laisse de côté\) :\n/),
    ]);
    expect(warnings[0]).toMatch(/\nArticle invalide : \S*en-cours\.md\n {2}- champ « date »/);
    expect(warnings[0]).toMatch(
      /\nArticle invalide : \S*photo-a-venir\.md\n {2}- champ « image » : fichier introuvable : public\/images\/a-venir\.jpg/,
    );
  });

  it("stops the build when it is published (draft: false), as any article", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "en-cours.md"), article.replace("date: 2021-05-03", "date: à définir\ndraft: false"));
    await expect(load(folder, (body) => ({ html: `<p>${body.trim()}</p>` }))).rejects.toThrow(
      /en-cours\.md\n {2}- champ « date »/,
    );
  });
});

describe("articlesLoader, scheduled articles", () => {
  it("lists the articles dated after the build's instant, BUILD_NOW, and neither drafts nor those out by then", async () => {
    vi.stubEnv("BUILD_NOW", "2021-05-03T12:00:00+02:00");
    try {
      const folder = temporaryFolder("articles-");
      writeFileSync(join(folder, "un-article.md"), article.replace("date: 2021-05-03", "date: 2021-05-03T12:00"));
      writeFileSync(join(folder, "demain.md"), article.replace("date: 2021-05-03", "date: 2021-05-04T08:00"));
      writeFileSync(join(folder, "brouillon.md"), article.replace("date: 2021-05-03", "date: 2021-05-04\ndraft: true"));
      const infos: string[] = [];
      const entries = await load(folder, (body) => ({ html: `<p>${body.trim()}</p>` }), { infos });
      expect(infos).toEqual([
        expect.stringMatching(/^Article programmé \(paraît au premier build après sa date\) :\n {2}- .*demain\.md : /),
      ]);
      expect(infos[0]).not.toMatch(/un-article|brouillon/);
      expect([...entries.keys()].sort()).toEqual(["brouillon", "demain", "un-article"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

// The files astro dev refused are listed once per process (dev-refusals.ts): each test starts with none.
afterEach(async () => {
  for (const { path } of refusals()) await resync(path, () => Promise.resolve());
});

/**
 * A folder holding one article (and `files`, by name), loaded with a watcher (astro dev); `sync` runs Astro's handler
 * of an event for a file of the folder. Links written [text](address) are rendered. `errors` gets what Astro would log.
 */
async function watched(
  errors: string[] = [],
  files: Record<string, string> = {},
): Promise<{
  folder: string;
  entries: Map<string, Entry>;
  sync: (event: "add" | "change" | "unlink", name: string) => Promise<void>;
}> {
  const folder = temporaryFolder("articles-");
  writeFileSync(join(folder, "un-article.md"), article);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const handlers = new Map<string, (path: string) => Promise<void>>();
  const watcher = {
    add: () => undefined,
    on: (event: string, handler: (path: string) => Promise<void>) => handlers.set(event, handler),
  };
  const entries = await load(folder, (body) => ({ html: body.replace(/\[(.*)\]\((.*)\)/, '<a href="$2">$1</a>') }), {
    watcher,
    errors,
  });
  return {
    folder,
    entries,
    sync: async (event, name) => {
      await handlers.get(event)?.(join(folder, name));
    },
  };
}

describe("articlesLoader, astro dev", () => {
  it("explains in French the front matter of a file saved after the first load, which Astro reads first", async () => {
    const errors: string[] = [];
    const { folder, entries, sync } = await watched(errors);
    writeFileSync(join(folder, "exclusif.md"), article.replace("title: Un article", "title: [Exclusif] Un article"));
    await sync("add", "exclusif.md");
    expect(errors).toEqual([
      expect.stringMatching(
        /^Failed to reload exclusif\.md: Article invalide : .*exclusif\.md\n {2}- champ « title », ligne 2 : un texte ne peut pas commencer par « \[ »/,
      ),
    ]);
    expect([...entries.keys()]).toEqual(["un-article"]);
  });
});

describe("articlesLoader, astro dev: what it refuses, for the pages to show (dev-refusals.ts)", () => {
  it("a front matter refused: the article as it was, and the problem", async () => {
    const { folder, entries, sync } = await watched();
    writeFileSync(join(folder, "un-article.md"), article.replace("2021-05-03", "2021-02-30T10:00"));
    await sync("change", "un-article.md");
    expect(refusals().map(({ path, message, shown }) => [path, message, shown])).toEqual([
      [
        join(folder, "un-article.md"),
        expect.stringMatching(/^Article invalide : .*un-article\.md\n {2}- champ « date » : .*« 2021-02-30T10:00 »/),
        "earlier",
      ],
    ]);
    expect(entries.get("un-article")?.data["date"]).toEqual(new Date("2021-05-02T22:00:00Z"));
    // Mended: nothing refused.
    writeFileSync(join(folder, "un-article.md"), article);
    await sync("change", "un-article.md");
    expect(refusals()).toEqual([]);
  });

  it("a file name refused, and a new file's front matter YAML cannot read", async () => {
    const { folder, entries, sync } = await watched();
    writeFileSync(join(folder, "Majuscules.md"), article);
    await sync("add", "Majuscules.md");
    writeFileSync(join(folder, "exclusif.md"), article.replace("title: Un article", "title: [Exclusif] Un article"));
    await sync("add", "exclusif.md");
    expect(refusals().map(({ message, shown }) => [message.split("\n")[1], shown])).toEqual([
      [expect.stringMatching(/^ {2}- nom de fichier : « Majuscules » doit être en minuscules/), "none"],
      [expect.stringMatching(/^ {2}- champ « title », ligne 2 : un texte ne peut pas commencer par « \[ »/), "none"],
    ]);
    expect([...entries.keys()]).toEqual(["un-article"]);
  });

  it("a text a build would refuse: stored and shown, refused until mended, even saved again unchanged", async () => {
    const { folder, entries, sync } = await watched();
    // (The stand-in's digest is the file's length: each version here has its own.)
    const linking = article.replace("Du texte.", "Voir [cet article](/articles/absent/).");
    writeFileSync(join(folder, "nouveau.md"), linking);
    await sync("add", "nouveau.md");
    const listed = () => refusals().map(({ path, message, shown }) => [path, message, shown]);
    const refused = [
      [
        join(folder, "nouveau.md"),
        expect.stringMatching(
          /nouveau\.md\n {2}- champ « texte » : le lien « \/articles\/absent\/ » mène à un article qui n’existe pas/,
        ),
        "this",
      ],
    ];
    expect(listed()).toEqual(refused);
    expect(entries.has("nouveau")).toBe(true);
    // Saved as it is: Astro's glob loader finds it stored unchanged and does not store it again.
    await sync("change", "nouveau.md");
    expect(listed()).toEqual(refused);
    // A link to an article that exists is fine.
    writeFileSync(join(folder, "nouveau.md"), linking.replace("absent", "un-article"));
    await sync("change", "nouveau.md");
    expect(refusals()).toEqual([]);
  });

  it("starts with the files a build would stop on: a header or a name refused left out, a text refused shown", async () => {
    const errors: string[] = [];
    const { folder, entries, sync } = await watched(errors, {
      "sans-rubrique.md": article.replace("category: tech\n", ""),
      "Majuscules.md": article.replace("Un article", "Des majuscules"),
      "deux-points.md": article.replace("Un article", "Tencent : la suite"),
      "Autre.MD": article.replace("Un article", "Un autre"),
      "lien.md": article
        .replace("Un article", "Un lien")
        .replace("Du texte.", "Voir [cet article](/articles/absent/)."),
    });
    expect([...entries.keys()].sort()).toEqual(["lien", "un-article"]);
    expect(refusals().map(({ path, message, shown }) => [path, message.split("\n")[1], shown])).toEqual([
      [join(folder, "Autre.MD"), expect.stringMatching(/^ {2}- nom de fichier : seuls les fichiers \.md/), "none"],
      [join(folder, "Majuscules.md"), expect.stringMatching(/^ {2}- nom de fichier : « Majuscules »/), "none"],
      [
        join(folder, "deux-points.md"),
        expect.stringMatching(/^ {2}- champ « title », ligne 2 : en-tête illisible, un texte qui contient « : »/),
        "none",
      ],
      [
        join(folder, "lien.md"),
        expect.stringMatching(/^ {2}- champ « texte » : le lien « \/articles\/absent\/ »/),
        "this",
      ],
      [join(folder, "sans-rubrique.md"), expect.stringMatching(/^ {2}- champ « category »/), "none"],
    ]);
    // Astro logs them, once, as a build would print them.
    expect(errors).toEqual([
      expect.stringMatching(/^5\u00a0articles à corriger :\nArticle invalide : [\s\S]*npm run dev démarre quand même/),
    ]);
    // Mended: published, and no longer listed.
    writeFileSync(join(folder, "sans-rubrique.md"), article.replace("Un article", "Une rubrique"));
    await sync("change", "sans-rubrique.md");
    writeFileSync(join(folder, "deux-points.md"), article.replace("Un article", '"Tencent : la suite"'));
    await sync("change", "deux-points.md");
    expect(entries.get("sans-rubrique")?.data["title"]).toBe("Une rubrique");
    expect(entries.get("deux-points")?.data["title"]).toMatch(/^Tencent\s: la suite$/);
    // Saved again under its name: still refused. Renamed: published.
    await sync("change", "Autre.MD");
    expect(refusals().map(({ path }) => path)).toEqual([
      join(folder, "Autre.MD"),
      join(folder, "Majuscules.md"),
      join(folder, "lien.md"),
    ]);
    renameSync(join(folder, "Autre.MD"), join(folder, "autre.md"));
    await sync("unlink", "Autre.MD");
    await sync("add", "autre.md");
    expect(entries.get("autre")?.data["title"]).toBe("Un autre");
    expect(refusals().map(({ path }) => path)).toEqual([join(folder, "Majuscules.md"), join(folder, "lien.md")]);
  });

  it("forgets a refused file once deleted", async () => {
    const { folder, sync } = await watched();
    writeFileSync(join(folder, "oups.md"), article.replace("category: tech\n", ""));
    await sync("add", "oups.md");
    expect(refusals().map(({ path }) => path)).toEqual([join(folder, "oups.md")]);
    rmSync(join(folder, "oups.md"));
    await sync("unlink", "oups.md");
    expect(refusals()).toEqual([]);
  });
});

describe("articlesLoader, problems", () => {
  it("reports every broken article of the folder at once, and stores none of them", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    writeFileSync(join(folder, "sans-rubrique.md"), article.replace("category: tech\n", ""));
    writeFileSync(join(folder, "intertitre.md"), article.replace("Du texte.", "# Un intertitre\n\nDu texte."));
    const attempt = load(folder, (body) =>
      body.includes("# Un intertitre")
        ? { html: "<h1>Un intertitre</h1>", metadata: { headings: [{ depth: 1, text: "Un intertitre" }] } }
        : { html: `<p>${body.trim()}</p>` },
    );
    await expect(attempt).rejects.toThrow(/2\u00a0articles à corriger/);
    await expect(attempt).rejects.toThrow(/sans-rubrique\.md[\s\S]*champ « category »/);
    await expect(attempt).rejects.toThrow(/intertitre\.md[\s\S]*champ « texte » : l’intertitre « # Un intertitre »/);
  });

  it("lists a file name that cannot be an address and a slug used twice with the other articles' problems", async () => {
    const folder = temporaryFolder("articles-");
    mkdirSync(join(folder, "2020"));
    mkdirSync(join(folder, "2021"));
    writeFileSync(join(folder, "un-article.md"), article);
    writeFileSync(join(folder, "sans-rubrique.md"), article.replace("category: tech\n", ""));
    writeFileSync(join(folder, "Majuscules.md"), article.replace("Du texte.", "# Un intertitre\n\nDu texte."));
    writeFileSync(join(folder, "2020", "meme-nom.md"), article);
    writeFileSync(join(folder, "2021", "meme-nom.md"), article);
    const attempt = load(folder, (body) =>
      body.includes("# Un intertitre")
        ? {
            html: "<h1>Un intertitre</h1>\n<p>Du texte.</p>",
            metadata: { headings: [{ depth: 1, text: "Un intertitre" }] },
          }
        : { html: `<p>${body.trim()}</p>` },
    );
    await expect(attempt).rejects.toThrow(/^3\u00a0articles à corriger :/);
    await expect(attempt).rejects.toThrow(/sans-rubrique\.md[\s\S]*champ « category »/);
    await expect(attempt).rejects.toThrow(/slug en double « meme-nom » : déjà utilisé par .*202[01]\/meme-nom\.md/);
    // A misnamed file's other problems are under its name, in the same report.
    await expect(attempt).rejects.toThrow(
      /Article invalide : .*Majuscules\.md\n {2}- nom de fichier : « Majuscules » doit être en minuscules[^\n]*\n {2}- .*champ « texte » : l’intertitre/,
    );
  });
});

describe("articlesLoader, npm run new's category", () => {
  const withTemplateCategory = article.replace("category: tech", `category: ${TEMPLATE_CATEGORY}`);
  const render = (body: string) => ({ html: `<p>${body.trim()}</p>` });

  it("keeps a draft whose category is still the template's", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "brouillon.md"), withTemplateCategory.replace("---\n\n", "draft: true\n---\n\n"));
    const entries = await load(folder, render);
    expect(entries.get("brouillon")?.data).toMatchObject({ category: "international", draft: true });
  });

  it("refuses to publish it, listing the categories, with the article's other problems", async () => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "publie.md"), withTemplateCategory.replace("title: Un article\n", ""));
    await expect(load(folder, render)).rejects.toThrow(
      /publie\.md\n {2}- champ « title » : le titre \(title\) est obligatoire\n {2}- champ « category » : la rubrique \(category\) est encore celle du modèle, « À choisir » : choisissez International, Économie, Tech, Startups, Cybersécurité ou Réseaux sociaux$/,
    );
  });
});

describe("ArticleError", () => {
  it("is printed by Astro as its French message alone, without a hint guessed from its words", () => {
    // Astro adds an English hint about browser APIs to any error whose text says « window » or « document ».
    const message =
      "Article invalide : content/articles/windows-11-arrive.md\n  - champ « category » : un document, une fenêtre (window)";
    const printed = formatErrorMessage(collectErrorMetadata(new ArticleError(message)), true);
    expect(printed).toBe(message);
  });
});

describe("readFrontMatter", () => {
  const write = (text: string | Buffer): string => {
    const file = join(temporaryFolder("front-"), "article.md");
    writeFileSync(file, text);
    return file;
  };

  it("refuses an unquoted text cut by « # », naming the field and showing it quoted", () => {
    expect(() => readFrontMatter(write("---\ntitle: Le langage #1 en 2020\ncategory: tech\n---\n\nx"))).toThrow(
      'champ « title », ligne 2 : « #… » après une espace commence un commentaire YAML, et le texte s’arrêterait avant ; mettez-le entre guillemets droits : title: "Le langage #1 en 2020"',
    );
    expect(readFrontMatter(write('---\ntitle: "Le langage #1"\ntags: [C#, F#]\n# une note\n---\n\nx'))).toEqual({
      title: "Le langage #1",
      tags: ["C#", "F#"],
    });
  });

  it("leaves comments after dates, categories and flags alone, and finds a tag cut by « # »", () => {
    expect(
      readFrontMatter(
        write("---\ntitle: Titre\ndate: 2020-10-12 # heure de Paris\ndraft: false # pas encore\n---\n\nx"),
      ),
    ).toEqual({ title: "Titre", date: "2020-10-12", draft: false });
    expect(() => readFrontMatter(write("---\ntitle: Titre\ntags:\n  - Langage #1\n---\n\nx"))).toThrow(
      'champ « tags », ligne 4 : « #… » après une espace commence un commentaire YAML, et le texte s’arrêterait avant ; mettez-le entre guillemets droits : - "Langage #1"',
    );
  });

  it("finds a text cut by « # » on its second line, and a list item indented apart from the others", () => {
    const twoLines = "description: Le langage Python reste\n  le #1 des développeurs selon Stack Overflow.";
    expect(() => readFrontMatter(write(`---\ntitle: Titre\n${twoLines}\ncategory: tech\n---\n\nx`))).toThrow(
      'champ « description », ligne 4 : « #… » après une espace commence un commentaire YAML, et le texte s’arrêterait avant ; mettez-le entre guillemets droits : description: "Le langage Python reste le #1 des développeurs selon Stack Overflow."',
    );
    expect(() => readFrontMatter(write("---\ntitle: Titre\ntags:\n  - Apple\n   - iPhone\n---\n\nx"))).toThrow(
      "champ « tags », ligne 5 : ce tiret n’est pas aligné sur celui de la ligne 4, et YAML n’y lirait pas un nouvel élément de la liste ; mettez le même nombre d’espaces devant chaque tiret",
    );
    // Written as YAML reads them, both are left alone, as is a list whose dashes start the line.
    const written = "description: Le langage Python reste\n  le premier.\ntags:\n- Apple\n- iPhone";
    expect(readFrontMatter(write(`---\n${written}\n---\n\nx`))).toEqual({
      description: "Le langage Python reste le premier.",
      tags: ["Apple", "iPhone"],
    });
  });

  it("reads the README's front matter example as it is, and the schema takes it", () => {
    const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
    const example = /```yaml\n(---\n[\s\S]*?\n---)\n```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const data = readFrontMatter(write(`${example ?? ""}\n\nDu texte.\n`));
    const parsed = articleSchema.safeParse(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.category).toBe("international");
  });

  it("refuses a file that is not UTF-8", () => {
    expect(() => readFrontMatter(write(Buffer.from("---\ntitle: \xc9t\xe9\n---\n\nx", "latin1")))).toThrow(
      "n’est pas en UTF-8",
    );
  });

  it("says when the front matter is not closed", () => {
    expect(() => readFrontMatter(write("---\ntitle: Titre\ncategory: tech\n\nDu texte."))).toThrow(
      "en-tête non fermé : ajoutez une ligne ---",
    );
    expect(() => readFrontMatter(write("---\ntitle: Titre\n\nDu texte, long.\n\n---\n\nSuite."))).toThrow(
      "la ligne --- qui ferme l’en-tête manque-t-elle ?",
    );
  });

  it("says the closing --- is missing when a heading or prose follows a blank line in the front matter", () => {
    // A --- rule further down the text closes the front matter instead: YAML read the heading as a comment.
    const fields = "---\ntitle: X\ndescription: Y\ndate: 2020-10-12T09:00\ncategory: tech\n";
    const missing =
      "la ligne --- qui ferme l’en-tête manque-t-elle ? ajoutez-la après le dernier champ (ligne 5), avant le texte";
    expect(() => readFrontMatter(write(`${fields}\n## Intertitre\n\n---\n\nSuite.`))).toThrow(
      `en-tête, ligne 7 : « ## Intertitre » ressemble au texte de l’article, pas à un champ : ${missing}`,
    );
    const prose = "Apple : la firme de Cupertino a présenté hier son nouveau téléphone, plus fin et plus léger.";
    expect(() => readFrontMatter(write(`${fields}\n${prose}\n\n---\n\nSuite.`))).toThrow(
      `en-tête, ligne 7 : « Apple : la firme de Cupertino a présenté hier son nouveau… » ressemble au texte de l’article, pas à un champ : ${missing}`,
    );
    expect(() => readFrontMatter(write("---\n\n## Intertitre\n\n---\n\nSuite."))).toThrow(
      "en-tête, ligne 3 : « ## Intertitre » ressemble au texte de l’article, pas à un champ : la ligne --- qui ferme l’en-tête manque-t-elle ? ajoutez-la après la ligne --- qui ouvre l’en-tête, avant le texte",
    );
    // Blank lines between fields, before a comment or inside a text on several lines are YAML's.
    const spaced = "---\ntitle: X\n\n# une note\ndescription: |\n  Un.\n\n  Deux.\n\ntags:\n  - A\n---\n\nx";
    expect(readFrontMatter(write(spaced))).toEqual({ title: "X", description: "Un.\n\nDeux.\n", tags: ["A"] });
  });

  it("explains a tab before a field in French, with its line, instead of YAML's English", () => {
    expect(() => readFrontMatter(write("---\ntitle: Titre\n\tauthor: Léa\n---\n\nx"))).toThrow(
      "en-tête, ligne 3 : une tabulation en début de ligne ; YAML n’accepte que des espaces",
    );
    expect(readFrontMatter(write("---\ntitle:\tTitre\n---\n\nx"))).toEqual({ title: "Titre" });
  });

  const quote = "mettez-le entre guillemets droits";
  const start = (c: string) =>
    `un texte ne peut pas commencer par « ${c} » sans guillemets (YAML y lirait autre chose que du texte) ; ${quote}`;
  const single =
    "un texte qui commence par un guillemet simple doit finir par lui (une apostrophe à l’intérieur s’y écrit deux fois) ; mettez plutôt le texte entre guillemets droits";
  const colon = "en-tête illisible, un texte qui contient « : » s’écrit entre guillemets droits";
  it.each([
    ["[Exclusif] Apple lance", `champ « title », ligne 2 : ${start("[")} : title: "[Exclusif] Apple lance"`],
    ["@Apple répond", `champ « title », ligne 2 : ${start("@")} : title: "@Apple répond"`],
    ["* Apple", `champ « title », ligne 2 : ${start("*")} : title: "* Apple"`],
    ["!important Apple", `champ « title », ligne 2 : ${start("!")} : title: "!important Apple"`],
    // YAML reads an anchor, and nothing after it: the title would be empty.
    ["&Apple", `champ « title », ligne 2 : ${start("&")} : title: "&Apple"`],
    ["'Titre' suite", `champ « title », ligne 2 : ${single} : title: "'Titre' suite"`],
    [
      '"Non" dit l’Élysée, d\'abord',
      `champ « title », ligne 2 : un texte qui commence par des guillemets droits doit finir par eux ; écrivez « » directement, ou entourez tout le texte de guillemets simples : title: '"Non" dit l’Élysée, d''abord'`,
    ],
    ["Ce que révèle Apple :", `champ « title », ligne 2 : ${colon} : title: "Ce que révèle Apple :"`],
  ])("explains « title: %s » in French, with its line and the fix", (title, message) => {
    expect(() => readFrontMatter(write(`---\ntitle: ${title}\ncategory: tech\n---\n\nx`))).toThrow(message);
  });

  it.each([
    ["description: 'Chapô d'Apple'", `champ « description », ligne 3 : ${single} : description: "Chapô d'Apple"`],
    [
      "description: Un chapô sur deux lignes\n  dont la seconde dit : voilà",
      `champ « description », ligne 4 : ${colon} : description: "Un chapô sur deux lignes dont la seconde dit : voilà"`,
    ],
    [
      "title: Un autre titre",
      "champ « title », ligne 3 : en-tête illisible, ce champ est déjà écrit ligne 2 ; gardez-en un seul",
    ],
    ["tags:\n  - #MeToo", `champ « tags », ligne 4 : ${start("#")} : - "#MeToo"`],
  ])("explains « %s » in French, with its line and the fix", (fields, message) => {
    let thrown = "";
    try {
      readFrontMatter(write(`---\ntitle: Titre\n${fields}\ncategory: tech\n---\n\nx`));
    } catch (error) {
      thrown = (error as Error).message;
    }
    expect(thrown).toContain(message);
    expect(thrown).not.toContain("manque-t-elle");
  });

  it("reads texts YAML reads as written: quoted, on the next lines, with a comment", () => {
    const fields = [
      "title: 'L''été, \"enfin\"' # en une",
      "description: >-\n  Le #1 : Python.",
      'author: "@Léa : #1"',
      "imageAlt: -20 % sur l’iPhone",
      "tags: [C#, F#]",
    ];
    expect(readFrontMatter(write(`---\n${fields.join("\n")}\n---\n\nx`))).toEqual({
      title: 'L\'été, "enfin"',
      description: "Le #1 : Python.",
      author: "@Léa : #1",
      imageAlt: "-20 % sur l’iPhone",
      tags: ["C#", "F#"],
    });
  });
});

describe("readArticleFolder", () => {
  it("reports every unreadable file at once, and a Markdown file that would not be read", () => {
    const folder = temporaryFolder("articles-");
    mkdirSync(join(folder, "2020"));
    writeFileSync(join(folder, "un-article.md"), article);
    writeFileSync(join(folder, "2020", "diese.md"), "---\ntitle: Le #1\n---\n\nx");
    writeFileSync(join(folder, "deux-points.md"), "---\ntitle: Titre : sous-titre\n---\n\nx");
    writeFileSync(join(folder, "majuscule.MD"), article);
    writeFileSync(join(folder, "_notes.markdown"), "ignoré");
    writeFileSync(join(folder, "photo.jpg"), "");
    writeFileSync(join(folder, "Mon Article.MD"), article);
    writeFileSync(join(folder, "index.md"), article);
    // A draft whose field a build would refuse: left out by the loader, not listed with what stops the build.
    writeFileSync(join(folder, "brouillon.md"), article.replace(/^category: .*$/m, "category: Sport\ndraft: true"));
    writeFileSync(join(folder, "rubrique.md"), article.replace(/^category: .*$/m, "category: Sport"));
    writeFileSync(join(folder, "Mauvais nom.md"), article);
    writeFileSync(join(folder, "!!!.md"), article);
    writeFileSync(join(folder, "double.md"), article);
    writeFileSync(join(folder, "2020", "double.md"), article);
    let message = "";
    try {
      readArticleFolder(folder);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/diese\.md\n {2}- champ « title »/);
    expect(message).toMatch(/deux-points\.md\n {2}- champ « title », ligne 2 : en-tête illisible/);
    expect(message).toContain(
      "majuscule.MD\n  - nom de fichier : seuls les fichiers .md sont publiés ; renommez-le en majuscule.md",
    );
    // The name to give is one the next build takes: the slug's rules, not only the extension.
    expect(message).toContain(
      "Mon Article.MD\n  - nom de fichier : seuls les fichiers .md sont publiés ; renommez-le en mon-article.md",
    );
    expect(message).not.toContain("brouillon.md");
    // An index.md at the top of the folder: no folder's name to give it.
    expect(message).toMatch(
      /index\.md\n {2}- nom de fichier : « index » donnerait l’adresse \/articles\/index\/.*; donnez-lui le nom de l’article/,
    );
    // Readable files with a wrong field are in the same report, not left for the next build.
    expect(message).toMatch(/rubrique\.md\n {2}- champ « category »/);
    // So are files whose name cannot be an address, which would otherwise wait for the loader.
    expect(message).toMatch(/Mauvais nom\.md\n {2}- nom de fichier : « Mauvais nom » doit être en minuscules/);
    // With the name npm run new would make of the same words.
    expect(message).toContain("mots séparés par des tirets ; renommez-le en mauvais-nom.md");
    expect(message).toContain(
      "« !!! » doit être en minuscules sans accents, mots séparés par des tirets ; donnez-lui un nom",
    );
    expect(message).toMatch(/double\.md\n {2}- slug en double « double » : déjà utilisé par .*double\.md/);
    expect(message).toMatch(/^9\u00a0articles à corriger :/);
    expect(message).not.toContain("un-article.md");
    expect(message).not.toContain("_notes");
    expect(message).not.toContain("photo.jpg");
  });

  it.each([
    ["a folder that does not exist", (dir: string) => join(dir, "absent")],
    ["a file", (dir: string) => join(dir, "un-article.md")],
  ])("says in French, with its path, that the articles' folder is %s", (_case, path) => {
    const folder = temporaryFolder("articles-");
    writeFileSync(join(folder, "un-article.md"), article);
    expect(() => readArticleFolder(path(folder))).toThrow(ArticleError);
    expect(() => readArticleFolder(path(folder))).toThrow(
      `Dossier des articles introuvable : ${path(folder)}\n  - ce chemin ne mène à aucun dossier : corrigez CONTENT_DIR (par défaut content/articles) ou créez le dossier`,
    );
  });
});
