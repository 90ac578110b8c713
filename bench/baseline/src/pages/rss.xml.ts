import rss from "@astrojs/rss";
import { getCollection } from "astro:content";

export async function GET() {
  const articles = await getCollection("articles");
  return rss({
    title: "Baseline",
    description: "Baseline",
    site: "https://bench.example",
    items: articles.map((a) => ({
      title: a.data.title,
      link: `/${a.id}/`,
      pubDate: a.data.date,
      description: a.data.description,
    })),
  });
}
