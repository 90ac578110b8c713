import rss from "@astrojs/rss";
import { SITE } from "../config.ts";
import { getSite, toFeedArticle } from "../lib/articles.ts";
import { FEED_SIZE, feedOptions, siteFeedLink } from "../lib/feed.ts";
import { feedUrl, homeUrl } from "../lib/urls.ts";

/** The site's feed: the latest articles of every category. */
export async function GET(): Promise<Response> {
  const { articles } = await getSite();
  return rss(
    feedOptions({
      // The title pages announce the feed with (<link rel="alternate">), so a reader shows one name.
      title: siteFeedLink().title,
      description: SITE.description,
      feedPath: feedUrl(),
      pagePath: homeUrl(),
      articles: articles.slice(0, FEED_SIZE).map(toFeedArticle),
    }),
  );
}
