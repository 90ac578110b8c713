import { getSite, BUILD_TIME } from "../lib/articles.ts";
import { newsSitemap } from "../lib/sitemaps.ts";

/** Google News sitemap: articles of the two days before the build. */
export async function GET(): Promise<Response> {
  const { articles } = await getSite();
  const items = articles.map((a) => ({ id: a.id, title: a.data.title, date: a.data.date }));
  return new Response(newsSitemap(items, BUILD_TIME), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
