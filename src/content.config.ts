import { defineCollection } from "astro:content";
import { SITE } from "./config.ts";
import { articleSchema } from "./lib/article-schema.ts";
import { articlesLoader } from "./lib/articles-loader.ts";

export const collections = {
  articles: defineCollection({ loader: articlesLoader(SITE.contentDir), schema: articleSchema }),
};
