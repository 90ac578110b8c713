import rss from "@astrojs/rss";
import type { GetStaticPaths } from "astro";
import { CATEGORIES, type Category } from "../../../config.ts";
import { getSite, toFeedArticle } from "../../../lib/articles.ts";
import { FEED_SIZE, categoryFeedLink, feedOptions } from "../../../lib/feed.ts";
import { categoryFeedUrl, categoryUrl } from "../../../lib/urls.ts";

export const getStaticPaths = (() =>
  CATEGORIES.map((category) => ({
    params: { category: category.slug },
    props: { category },
  }))) satisfies GetStaticPaths;

/** One category's feed. */
export async function GET({ props }: { props: { category: Category } }): Promise<Response> {
  const { category } = props;
  const { byCategory } = await getSite();
  return rss(
    feedOptions({
      title: categoryFeedLink(category).title,
      description: category.description,
      feedPath: categoryFeedUrl(category.slug),
      pagePath: categoryUrl(category.slug),
      articles: (byCategory.get(category.slug) ?? []).slice(0, FEED_SIZE).map(toFeedArticle),
    }),
  );
}
