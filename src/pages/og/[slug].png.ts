import { readFile } from "node:fs/promises";
import type { GetStaticPaths } from "astro";
import { getSite, socialImageOf, type Article } from "../../lib/articles.ts";
import { socialImageFile } from "../../lib/social-image.ts";

export const getStaticPaths = (async () => {
  const { articles } = await getSite();
  return articles.map((article) => ({
    params: { slug: article.id },
    props: { article },
  }));
}) satisfies GetStaticPaths;

/** The article's 1200×630 social image. */
export async function GET({ props }: { props: { article: Article } }): Promise<Response> {
  // Started by the article pages in a build (see articles/[slug].astro); drawn now in dev.
  const png = await readFile(await socialImageFile(socialImageOf(props.article)));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
