/**
 * MIME types of the image files an editor may put in public/, by extension: what a page and a
 * feed announce for a photo (src/lib/seo.ts), and what the server sends with it (server/static.ts).
 */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
};

/** The extension of the file at `path` (a query or fragment aside), lower-cased with its dot; undefined without one. */
export function fileExtension(path: string): string | undefined {
  return /\.[a-z0-9]+$/i.exec(path.split(/[?#]/)[0] ?? "")?.[0]?.toLowerCase();
}

/** The MIME type of the image at `path` (a query or fragment aside), when its extension is known. */
export function imageType(path: string): string | undefined {
  return IMAGE_TYPES[fileExtension(path) ?? ""];
}
