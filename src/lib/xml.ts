/** Small helpers for the XML and HTML the site writes by hand (feeds, sitemaps, JSON-LD). */

const xmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => xmlEntities[c] ?? c);
}

/** Makes root-relative href and src attributes absolute ("/a/" → "https://site/a/"), for feeds. */
export function absolutizeUrls(html: string, base: string): string {
  return html.replace(/\b(href|src)="(\/[^/"][^"]*|\/)"/g, (_, attr: string, path: string) => {
    return `${attr}="${new URL(path, base).href}"`;
  });
}

/** JSON for a `<script type="application/ld+json">`: no "</script>" can close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
