/** Small helpers for the XML and HTML the site writes by hand (feeds, sitemaps, JSON-LD). */
import { rewriteAttributes, srcsetCandidates } from "./html-tags.ts";

const xmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => xmlEntities[c] ?? c);
}

/** `url` resolved against `page`; kept as written when it cannot be read as a URL. */
function resolveUrl(url: string, page: string): string {
  try {
    return new URL(url, page).href;
  } catch {
    return url;
  }
}

/** Attributes that hold one address, or (srcset) a list of them. */
// An editor's raw HTML may hold an <object data>, an inline SVG's <use xlink:href>, a form's action.
const URL_ATTRIBUTES = new Set(["href", "src", "poster", "cite", "data", "xlink:href", "action", "formaction"]);

/**
 * Makes every link and image address of an article's HTML absolute, resolved against the
 * article's own address as a browser on its page would ("../b/", "photo.jpg", "#note", "/a/",
 * each candidate of a srcset): a feed reader resolves relative ones against the feed instead.
 * Only real tags' attributes: a code sample showing `<img src="logo.png">` is text and stays so.
 */
export function absolutizeUrls(html: string, page: string): string {
  return rewriteAttributes(html, (_, attribute, value) => {
    if (URL_ATTRIBUTES.has(attribute)) return resolveUrl(value, page);
    if (attribute !== "srcset") return undefined;
    return srcsetCandidates(value)
      .map(({ url, descriptor }) => [resolveUrl(url, page), descriptor].filter((part) => part !== "").join(" "))
      .join(", ");
  });
}

/** JSON for a `<script type="application/ld+json">`: no "</script>" can close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
