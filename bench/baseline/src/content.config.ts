import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: "**/*.md", base: process.env["CONTENT_DIR"] ?? "./content" }),
    schema: z.object({ title: z.string(), description: z.string(), date: z.coerce.date() }).passthrough(),
  }),
};
