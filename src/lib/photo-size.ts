/**
 * The size in pixels of an image file of public/, read from its header (image-size): what a page
 * writes in an <img>'s width and height (no layout shift while it loads), and what tells whether a
 * photo is large enough to be shared (seo.ts).
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import { addressPath } from "./urls.ts";

/** A size in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/** What is read of a file: its header holds the size (a JPEG's EXIF block is at most 64 KB). */
const HEADER_BYTES = 512 * 1024;

const known = new Map<string, { mtimeMs: number; size: PixelSize | undefined }>();

/** The file of public/ that an address of the site names (a query or fragment aside). */
export function publicFile(address: string, publicDir: string): string {
  return join(publicDir, addressPath(address));
}

/**
 * The size of the image at `address` (/images/photo.jpg) as a browser shows it (a photo turned by its
 * EXIF orientation counts turned), or undefined when the file is missing or its header is not an image's
 * (an SVG without width, height nor viewBox, a file that only has an image's extension).
 */
export function photoSize(address: string, publicDir: string): PixelSize | undefined {
  const file = publicFile(address, publicDir);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = known.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.size;
  const size = readSize(file);
  known.set(file, { mtimeMs, size });
  return size;
}

function readSize(file: string): PixelSize | undefined {
  const header = new Uint8Array(HEADER_BYTES);
  const fd = openSync(file, "r");
  let length: number;
  try {
    length = readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  try {
    const { width, height, orientation } = imageSize(header.subarray(0, length));
    if (!(width > 0 && height > 0)) return undefined;
    // EXIF orientations 5 to 8 turn the picture a quarter: the browser shows it height × width.
    return orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height };
  } catch {
    return undefined;
  }
}
