import { defineCollection } from "astro:content";
import { articleSchema } from "./lib/article-schema.ts";
import { articlesLoader } from "./lib/articles-loader.ts";

/** CONTENT_DIR builds the site from another folder (a generated corpus, a test fixture). */
const contentDir = process.env["CONTENT_DIR"] ?? "content/articles";

export const collections = {
  articles: defineCollection({ loader: articlesLoader(contentDir), schema: articleSchema }),
};
