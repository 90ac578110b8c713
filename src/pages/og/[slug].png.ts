import { readFile } from "node:fs/promises";
import type { GetStaticPaths } from "astro";
import { getSite, socialImageOf, socialImageUrlOf, type Article } from "../../lib/articles.ts";
import { buildCards } from "../../lib/build-files.ts";
import { socialImageFile } from "../../lib/social-image.ts";
import { SOCIAL_IMAGE_FOLDER } from "../../lib/urls.ts";

export const getStaticPaths = (async () => {
  const { articles } = await getSite();
  const cards = buildCards.current();
  // Dev server: each card is drawn when asked for.
  if (cards === undefined)
    return articles.map((article) => ({
      params: { slug: socialImageUrlOf(article).slice(SOCIAL_IMAGE_FOLDER.length + 1, -".png".length) },
      props: { article },
    }));
  // A build draws every card now, in worker threads while the pages render, and writes them
  // itself (src/integrations/social-images.ts): no page to render here.
  for (const article of articles) {
    const spec = socialImageOf(article);
    cards.set(socialImageUrlOf(article, spec), socialImageFile(spec));
  }
  return [];
}) satisfies GetStaticPaths;

/** The article's 1200×630 social image, drawn on request. */
export async function GET({ props }: { props: { article: Article } }): Promise<Response> {
  const png = await readFile(await socialImageFile(socialImageOf(props.article)));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
