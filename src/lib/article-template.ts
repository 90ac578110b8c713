/**
 * What `npm run new` writes for the editor to replace (scripts/new-article.ts): the build refuses to publish an
 * article that still has one of them (article-schema.ts, article-checks.ts, articles-loader.ts).
 */

/** The standfirst `npm run new` writes. */
export const TEMPLATE_DESCRIPTION = "À compléter";

/** The category `npm run new` writes, for the editor to choose; a draft may keep it (in the first category). */
export const TEMPLATE_CATEGORY = "À choisir";

/** The first sentence of the body `npm run new` writes. */
export const TEMPLATE_BODY = "Le texte de l’article, en Markdown.";
