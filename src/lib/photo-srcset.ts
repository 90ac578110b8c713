/**
 * The srcset and sizes of a photo of public/ as it is now: its size (photo-size.ts) and a hash of its
 * bytes name its copies (photo-copies.ts). Read by the Markdown pipeline for the body's images
 * (rehype-image-sizes.ts, in worker threads too), by articles.ts for an article's photo, and by the
 * content loader, which renders again a body whose copies were named after a photo since replaced.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { attributeUrl, startTags } from "./html-tags.ts";
import { copyUrlsIn, isResizable, parseCopyUrl, responsivePhoto, type ResponsivePhoto } from "./photo-copies.ts";
import { photoSize, publicFile } from "./photo-size.ts";

const known = new Map<string, { version: string; hash: string }>();

/** The first 8 hex digits of the SHA-256 of the file at `address`, or undefined when there is none. */
export function photoHash(address: string, publicDir: string): string | undefined {
  const file = publicFile(address, publicDir);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile() !== true) return undefined;
  // An editor replacing a photo changes its modification time, most often its length too.
  const version = `${String(stat.mtimeMs)}:${String(stat.size)}`;
  const cached = known.get(file);
  if (cached?.version === version) return cached.hash;
  const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 8);
  known.set(file, { version, hash });
  return hash;
}

/** The srcset and sizes of the photo at `address` (/images/photo.jpg), or undefined when it has no copy. */
export function photoSrcset(address: string, publicDir: string): ResponsivePhoto | undefined {
  // The extension first: an SVG or a GIF is neither read nor hashed.
  if (!isResizable(address)) return undefined;
  const size = photoSize(address, publicDir);
  const hash = size === undefined ? undefined : photoHash(address, publicDir);
  return size === undefined || hash === undefined ? undefined : responsivePhoto(address, hash, size.width);
}

/**
 * Whether a body rendered earlier (kept in the content store) names copies of a photo that has changed
 * since: the srcset of one of its <img> lists copies that are not those of the photo as it is now.
 */
export function hasStaleCopies(html: string, publicDir: string): boolean {
  // Most bodies have no copy at all: nothing to parse.
  if (copyUrlsIn(html).length === 0) return false;
  return startTags(html).some(({ name, attributes }) => {
    if (name !== "img") return false;
    const value = (attribute: string): string | undefined => attributes.find((a) => a.name === attribute)?.value;
    const srcset = attributeUrl(value("srcset") ?? "");
    const src = attributeUrl(value("src") ?? "");
    // An editor's own srcset (no copy of the build in it) is the editor's.
    if (!copyUrlsIn(srcset).some((url) => parseCopyUrl(url) !== undefined)) return false;
    return photoSrcset(src, publicDir)?.srcset !== srcset;
  });
}
