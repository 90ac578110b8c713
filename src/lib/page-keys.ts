/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild` in astro.config):
 * a page that getStaticPaths returns with the same key as in the last build, and whose code is
 * unchanged (Astro hashes it), is copied from the last build instead of rendered.
 *
 * What a page shows comes from code, from the build's settings and from articles. Astro hashes the
 * code, but not what src/config.ts reads from the environment (SITE_URL, NEWSLETTER_ACTION): the
 * settings go into every key. Listings, archives, the footer, related and neighbouring links show
 * only ids and front matter, so one key over the settings and the front matter of every published
 * article (`siteKey`) covers them all; an article page adds its own body. So editing a body renders
 * one page again, and editing a title, a date, a tag or a setting renders every page again: a stale
 * page would cost more than a slower build.
 */
import { createHash } from "node:crypto";
import type { PixelSize } from "./photo-size.ts";

/** What a key reads of an article. */
export interface KeyedArticle {
  id: string;
  data: unknown;
  body?: string | undefined;
  rendered?: { html: string } | undefined;
}

const hex = (hash: ReturnType<typeof createHash>): string => hash.digest("hex").slice(0, 32);

/**
 * Key of everything listings show: the site's settings (the SITE object of src/config.ts, its values
 * read from the environment included), then ids and front matter of the published articles, in order.
 */
export function siteKey(settings: unknown, articles: readonly KeyedArticle[]): string {
  const hash = createHash("sha256").update(JSON.stringify(settings)).update("\n");
  for (const article of articles)
    hash.update(article.id).update("\0").update(JSON.stringify(article.data)).update("\n");
  return hex(hash);
}

/** What a key reads of an article's photo: its size and the srcset of its copies, named by its bytes' hash. */
export interface KeyedPhoto {
  size: PixelSize | undefined;
  responsive?: { srcset: string } | undefined;
}

/**
 * Key of an article's page: the listings' key, the article's body, as written and as rendered, and the
 * size of its photo as read from the file (the page writes it in the <img>, and shares a photo only when
 * large) with its copies (a photo replaced by another of the same size gets new ones), and the address of its
 * social image, which names the drawing's version too (social-image.ts).
 */
export function articlePageKey(site: string, article: KeyedArticle, photo?: KeyedPhoto, card = ""): string {
  const photoSize = photo?.size;
  return hex(
    createHash("sha256")
      .update(site)
      .update("\0")
      .update(article.body ?? "")
      .update("\0")
      .update(article.rendered?.html ?? "")
      .update("\0")
      .update(photoSize === undefined ? "" : `${String(photoSize.width)}×${String(photoSize.height)}`)
      .update("\0")
      .update(photo?.responsive?.srcset ?? "")
      .update("\0")
      .update(card),
  );
}
