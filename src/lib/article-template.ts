/**
 * What `npm run new` writes for the editor to replace (scripts/new-article.ts): the build refuses to publish an
 * article that still has one of them (article-schema.ts, article-checks.ts, articles-loader.ts).
 */

/** The standfirst `npm run new` writes. */
export const TEMPLATE_DESCRIPTION = "À compléter";

/** The category `npm run new` writes, for the editor to choose; a draft may keep it (in the first category). */
export const TEMPLATE_CATEGORY = "À choisir";

/** The sentences of the body `npm run new` writes: a published text may keep none of them. */
export const TEMPLATE_SENTENCES = [
  "Le texte de l’article, en Markdown.",
  'Les guillemets "droits" deviennent « français » et les espaces avant : ; ! ? sont posées à la publication.',
] as const;

/** The sentence of the template `body` still holds, whatever its line breaks, if any. */
export function templateSentenceIn(body: string): string | undefined {
  const text = body.replace(/\s+/g, " ");
  return TEMPLATE_SENTENCES.find((sentence) => text.includes(sentence));
}
