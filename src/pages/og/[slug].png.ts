import { readFile } from "node:fs/promises";
import type { GetStaticPaths } from "astro";
import { getSite, socialImageOf, type Article } from "../../lib/articles.ts";
import { socialImageFile, socialImageKey } from "../../lib/social-image.ts";

export const getStaticPaths = (async () => {
  const { articles } = await getSite();
  return articles.map((article) => {
    const spec = socialImageOf(article);
    // A build asks for every card now: they are drawn in worker threads while the other pages render.
    if (!import.meta.env.DEV) void socialImageFile(spec);
    // The image shows only what its key hashes (see social-image.ts).
    return { params: { slug: article.id }, props: { article }, cacheKey: socialImageKey(spec) };
  });
}) satisfies GetStaticPaths;

/** The article's 1200×630 social image. */
export async function GET({ props }: { props: { article: Article } }): Promise<Response> {
  // Started by getStaticPaths in a build; drawn now in dev.
  const png = await readFile(await socialImageFile(socialImageOf(props.article)));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
