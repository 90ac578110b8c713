/**
 * The smaller copies of an editor's photo that the build makes (photo-resize.ts), so that a phone does
 * not download a camera's 4,000 pixels: their widths, their addresses and the srcset and sizes a page
 * gives the browser to choose one. A copy's address holds a hash of the photo's bytes: a replaced photo
 * gets new addresses, so copies can be cached for ever (server/headers.ts), like the scripts of /_astro/.
 */
import { fileExtension } from "./image-types.ts";
import type { PixelSize } from "./photo-size.ts";
import { addressPath } from "./urls.ts";

/** The folder of the copies in dist/client: the build's own, like /_astro/ (an editor's files live elsewhere). */
export const PHOTO_COPY_FOLDER = "/_photos";

/** The widths copies are made at, in pixels, when the photo is wider. */
export const COPY_WIDTHS: readonly number[] = [480, 800, 1200, 1600];

/** Photo formats that get copies, in their own format; SVG scales by itself, a GIF may move, AVIF is small already. */
const RESIZED = new Set([".jpg", ".jpeg", ".png", ".webp"]);

/**
 * The width of the photo on the page, as the layout's CSS gives it (mobile first): the column of an article
 * (.story, --measure: 40rem) in a page with 1rem of padding each side (.wrap), so the whole screen
 * less 2rem on a phone, and 40rem from a 42rem-wide window up.
 */
export const PHOTO_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

/** A smaller copy of a photo of public/. */
export interface PhotoCopy {
  /** The copy's address: "/_photos/images/photo-<hash>-800.jpg". */
  url: string;
  /** The photo's address on the site, decoded: "/images/photo.jpg". */
  source: string;
  /** The first 8 hex digits of the SHA-256 of the photo's bytes. */
  hash: string;
  /** Its width in pixels (the height keeps the photo's proportions). */
  width: number;
}

/** Whether the file at `address` is a photo the build makes copies of (by its extension). */
export function isResizable(address: string): boolean {
  return RESIZED.has(fileExtension(address) ?? "");
}

/** The widths of the copies of a photo `width` pixels wide: those of COPY_WIDTHS below it. */
export function copyWidths(width: number): number[] {
  return COPY_WIDTHS.filter((w) => w < width);
}

/**
 * A path with the characters a srcset or an attribute would not hold as such (spaces, commas, &, '), nor a URL as a
 * path (# and ?, from a file named so), escaped.
 */
function escapePath(path: string): string {
  return encodeURI(path).replace(/[,&'#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A photo's address as a page writes it (src, srcset): « /images/Petite Photo.png », as an editor may write it
 * in the front matter, is « /images/Petite%20Photo.png », as in the body's Markdown; an escaped one is kept.
 */
export function photoAddress(address: string): string {
  const cut = address.search(/[?#]/);
  try {
    return escapePath(addressPath(address)) + (cut === -1 ? "" : address.slice(cut));
  } catch {
    return address;
  }
}

/** The copy of the photo at `address` (whose bytes hash to `hash`) at `width` pixels. */
export function copyOf(address: string, hash: string, width: number): PhotoCopy {
  const source = addressPath(address);
  const length = fileExtension(source)?.length ?? 0;
  const [name, extension] = [source.slice(0, source.length - length), source.slice(source.length - length)];
  return {
    url: escapePath(`${PHOTO_COPY_FOLDER}${name}-${hash}-${String(width)}${extension}`),
    source,
    hash,
    width,
  };
}

/** A copy's address read back ("/_photos/images/photo-1a2b3c4d-800.jpg"); undefined for any other address. */
export function parseCopyUrl(url: string): PhotoCopy | undefined {
  if (!url.startsWith(`${PHOTO_COPY_FOLDER}/`)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.slice(PHOTO_COPY_FOLDER.length));
  } catch {
    return undefined;
  }
  const match = /^(\/.+)-([0-9a-f]{8})-([1-9][0-9]*)(\.[a-zA-Z0-9]+)$/.exec(path);
  if (match === null) return undefined;
  const [, name = "", hash = "", width = "", extension = ""] = match;
  const copy = copyOf(escapePath(`${name}${extension}`), hash, Number(width));
  // Only the copies the build names (a width of COPY_WIDTHS, of a photo format it resizes).
  return COPY_WIDTHS.includes(copy.width) && isResizable(copy.source) && copy.url === url ? copy : undefined;
}

/** The copies of a photo `width` pixels wide, smallest first (none for a format the build does not resize). */
export function photoCopies(address: string, hash: string, width: number): PhotoCopy[] {
  return isResizable(address) ? copyWidths(width).map((w) => copyOf(address, hash, w)) : [];
}

/** What an <img> of a photo with copies gets: the copies and the photo itself by width, and the layout's sizes. */
export interface ResponsivePhoto {
  srcset: string;
  sizes: string;
  /** The copies the srcset names, smallest first (what the build makes, and what a page may share: seo.ts). */
  copies: readonly PhotoCopy[];
}

/**
 * The widest photo a srcset offers as it is: a camera's original (4,000 pixels, megabytes) is what a screen of
 * 3 pixels a point would take for the 40rem column, where the 1,600 pixel copy is plenty.
 */
export const ORIGINAL_IN_SRCSET_MAX = 2000;

/**
 * The srcset and sizes of the photo at `address` (`width` pixels wide, its bytes hashing to `hash`): its
 * copies, then the photo itself at its own width unless it is wider than ORIGINAL_IN_SRCSET_MAX; undefined
 * when it has no copy (narrower than 480 pixels, an SVG), as the photo alone is then the only choice.
 */
export function responsivePhoto(address: string, hash: string, width: number): ResponsivePhoto | undefined {
  const copies = photoCopies(address, hash, width);
  if (copies.length === 0) return undefined;
  const original = width <= ORIGINAL_IN_SRCSET_MAX ? [`${photoAddress(address)} ${String(width)}w`] : [];
  const candidates = [...copies.map((c) => `${c.url} ${String(c.width)}w`), ...original];
  return { srcset: candidates.join(", "), sizes: PHOTO_SIZES, copies };
}

/**
 * The copy that stands for a photo `width` pixels wide where a single image is given (a feed, a shared
 * link): its widest copy when the photo is too wide to be offered as it is (ORIGINAL_IN_SRCSET_MAX, the
 * srcset's own rule), else undefined, the photo itself.
 */
export function standInCopy(copies: readonly PhotoCopy[], width: number): PhotoCopy | undefined {
  return width > ORIGINAL_IN_SRCSET_MAX ? copies.at(-1) : undefined;
}

/** The size of a copy of a photo of `size`: its width, and the height resize keeps in proportion (rounded). */
export function copySize(copy: PhotoCopy, size: PixelSize): PixelSize {
  return { width: copy.width, height: Math.round((copy.width * size.height) / size.width) };
}

/** The addresses of the copies a page's HTML (or a srcset) names, in order, each once. */
export function copyUrlsIn(html: string): string[] {
  const pattern = new RegExp(`${PHOTO_COPY_FOLDER}/[^\\s"',<>]+`, "g");
  return [...new Set(html.match(pattern) ?? [])];
}
