import type { GetStaticPaths } from "astro";
import { getSite, socialImageOf, type Article } from "../../lib/articles.ts";
import { cachedSocialImage, SOCIAL_IMAGE_CACHE } from "../../lib/social-image.ts";

export const getStaticPaths = (async () => {
  const { articles } = await getSite();
  return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

/** The article's 1200×630 social image. */
export async function GET({ props }: { props: { article: Article } }): Promise<Response> {
  const png = await cachedSocialImage(socialImageOf(props.article), SOCIAL_IMAGE_CACHE);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
