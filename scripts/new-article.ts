/**
 * npm run new -- "Titre de l’article": writes content/articles/<slug>.md with today's Paris
 * date and every front-matter field to fill; its standfirst, category and text are the template's
 * until the editor writes them (the build refuses to publish them). Never overwrites an existing file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SITE } from "../src/config.ts";
import { frontMatterDate } from "../src/lib/dates.ts";
import { slugify } from "../src/lib/slug.ts";
import { articleFileOf, displayPath } from "../src/lib/article-files.ts";
import { categoryChoices } from "../src/lib/article-schema.ts";
import { TEMPLATE_CATEGORY, TEMPLATE_DESCRIPTION, TEMPLATE_SENTENCES } from "../src/lib/article-template.ts";

const title = process.argv.slice(2).join(" ").trim();
if (title === "") {
  console.error('Utilisation : npm run new -- "Titre de l’article"');
  process.exit(2);
}
const slug = slugify(title);
if (slug === "") {
  console.error(
    `Impossible de tirer un nom de fichier du titre « ${title} » : il n’a ni lettre ni chiffre. Donnez un titre avec au moins un mot : npm run new -- "Titre de l’article"`,
  );
  process.exit(2);
}

const dir = SITE.contentDir;
const file = join(dir, `${slug}.md`);
// The address comes from the name alone: a file of that name in a subfolder would make two articles of one address.
const existing = articleFileOf(dir, slug);
if (existing !== undefined) {
  console.error(
    `${displayPath(existing)} existe déjà, à l’adresse /articles/${slug}/\u00a0: rien n’a été écrit. Choisissez un autre titre ou modifiez ce fichier.`,
  );
  process.exit(1);
}
const now = frontMatterDate(new Date());
const yamlString = (s: string): string => JSON.stringify(s);

const text = `---
title: ${yamlString(title)}
# Le chapô : une ou deux phrases qui résument l’article.
description: "${TEMPLATE_DESCRIPTION}"
# Heure de Paris (AAAA-MM-JJTHH:MM). Un article daté dans le futur attend cette date pour paraître.
date: ${now}
# updated: ${now}
# Rubrique : ${categoryChoices}
category: ${TEMPLATE_CATEGORY}
tags: []
author: ${SITE.defaultAuthor}
# image: /images/mon-image.jpg
# imageAlt: Description de l’image pour qui ne la voit pas
draft: true
---

${TEMPLATE_SENTENCES.join("\n")}
`;

mkdirSync(dir, { recursive: true });
try {
  writeFileSync(file, text, { flag: "wx" });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EEXIST") {
    console.error(`${file} existe déjà : rien n’a été écrit. Choisissez un autre titre ou modifiez ce fichier.`);
    process.exit(1);
  }
  throw error;
}
console.log(`Article créé : ${file} (brouillon : passez draft à false pour le publier)`);
