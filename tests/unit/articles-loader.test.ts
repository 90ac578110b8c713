/**
 * The articles loader around Astro's glob loader, with a stand-in for Astro's content layer:
 * an article whose body fails to render stops the build (Astro's glob loader only logs it and
 * would publish the article without its text).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { describe, expect, it } from "vitest";
import { articlesLoader } from "../../src/lib/articles-loader.ts";

const article = `---
title: Un article
description: Un chapô.
date: 2021-05-03
category: tech
---

Du texte.
`;

type Entry = { id: string; filePath?: string; rendered?: { html: string } };

/** Loads `folder` with a content layer whose Markdown renderer is `render`; returns what is stored. */
async function load(folder: string, render: (body: string) => { html: string }): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const store = {
    keys: () => [...entries.keys()],
    entries: () => [...entries.entries()],
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => entries.set(entry.id, entry),
    delete: (id: string) => entries.delete(id),
    has: (id: string) => entries.has(id),
    addModuleImport: () => undefined,
    addAssetImports: () => undefined,
  };
  const silent = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined };
  const markdown = {
    getEntryInfo: ({ contents }: { contents: string }) => {
      const [, front = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(contents) ?? [];
      return { data: { front }, body, slug: "", rawData: front };
    },
    getRenderFunction: () => Promise.resolve(({ body }: { body: string }) => Promise.resolve(render(body))),
  };
  const root = pathToFileURL(`${folder}/`);
  const context = {
    collection: "articles",
    store,
    logger: silent,
    config: { root, srcDir: new URL("src/", root), prerenderConflictBehavior: "warn" },
    entryTypes: new Map([[".md", markdown]]),
    generateDigest: (data: unknown) => String(JSON.stringify(data).length),
    parseData: () => Promise.reject(new Error("remplacé par le loader")),
  } as unknown as LoaderContext;
  await articlesLoader(folder).load(context);
  return entries;
}

describe("articlesLoader", () => {
  it("stores each article with its rendered text", async () => {
    const folder = mkdtempSync(join(tmpdir(), "articles-"));
    writeFileSync(join(folder, "un-article.md"), article);
    const entries = await load(folder, (body) => ({ html: `<p>${body.trim()}</p>` }));
    expect(entries.get("un-article")?.rendered?.html).toBe("<p>Du texte.</p>");
  });

  it("fails, naming the file, when a body cannot be rendered", async () => {
    const folder = mkdtempSync(join(tmpdir(), "articles-"));
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
