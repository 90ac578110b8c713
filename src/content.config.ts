import { defineCollection } from "astro:content";
import { articleSchema } from "./lib/article-schema.ts";
import { articlesLoader } from "./lib/articles-loader.ts";
import { buildTime } from "./lib/publishing.ts";
import { drawArticleCardEarly } from "./lib/social-image.ts";

/** CONTENT_DIR builds the site from another folder (a generated corpus, a test fixture). */
const contentDir = process.env["CONTENT_DIR"] ?? "content/articles";
const now = buildTime();

export const collections = {
  articles: defineCollection({
    // A build starts each article's social image while the content loads (see drawArticleCardEarly).
    loader: articlesLoader(contentDir, (data) => {
      drawArticleCardEarly(data, now);
    }),
    schema: articleSchema,
  }),
};
