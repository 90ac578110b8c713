/**
 * Makes the copies of photos (photo-copies.ts) with sharp, into a cache kept between builds (one folder
 * per content folder, build-caches.ts): a copy's name holds its photo's hash, so a kept copy is never
 * stale. Turned as the photo's EXIF orientation says, and without its metadata (a camera's GPS
 * position, its serial number). sharp is loaded only when a copy has to be made: a site without
 * photos never loads it.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Sharp } from "sharp";
import { threadId } from "node:worker_threads";
import { buildCaches } from "./build-caches.ts";
import { fileExtension } from "./image-types.ts";
import { PHOTO_COPY_FOLDER, type PhotoCopy } from "./photo-copies.ts";
import { publicFile } from "./photo-size.ts";

/** Where copies are kept between builds (removed with the other caches by a cold build). */
export const PHOTO_COPY_CACHE = buildCaches(process.cwd()).photoCopies;

/** How each format is written: JPEG as mozjpeg at quality 80 (progressive), WebP at 80, PNG losslessly. */
const ENCODERS: Readonly<Record<string, (image: Sharp) => Sharp>> = {
  ".jpg": (image) => image.jpeg({ quality: 80, mozjpeg: true }),
  ".jpeg": (image) => image.jpeg({ quality: 80, mozjpeg: true }),
  ".png": (image) => image.png({ compressionLevel: 9 }),
  ".webp": (image) => image.webp({ quality: 80 }),
};

/** The file that holds `copy` in the cache folder. */
function cachedCopyFile(copy: PhotoCopy, cacheDir: string): string {
  return join(cacheDir, decodeURIComponent(copy.url.slice(PHOTO_COPY_FOLDER.length)));
}

/** Photos made at once, at most: each is decoded whole in memory (a 24-megapixel JPEG is about 70 MB). */
const AT_ONCE = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Makes the copies of one photo (all of one source and hash) into the cache. */
async function makeCopies(copies: readonly PhotoCopy[], publicDir: string, cacheDir: string): Promise<void> {
  const [first] = copies;
  if (first === undefined) return;
  const bytes = readFileSync(publicFile(first.source, publicDir));
  if (createHash("sha256").update(bytes).digest("hex").slice(0, 8) !== first.hash)
    throw new Error(`public${first.source} a changé pendant la construction : relancez-la`);
  const encode = ENCODERS[fileExtension(first.source) ?? ""];
  if (encode === undefined) throw new Error(`public${first.source} : pas de copie réduite pour ce format`);
  const { default: sharp } = await import("sharp");
  // rotate() without an angle turns the pixels as EXIF says; the copies are written without metadata.
  const photo = sharp(bytes).rotate();
  await Promise.all(
    copies.map(async (copy) => {
      const file = cachedCopyFile(copy, cacheDir);
      const encoded = await encode(photo.clone().resize({ width: copy.width })).toBuffer();
      mkdirSync(dirname(file), { recursive: true });
      // Written whole under another name, then renamed: a reader never sees half a copy.
      const partial = `${file}.${String(process.pid)}.${String(threadId)}.tmp`;
      writeFileSync(partial, encoded);
      renameSync(partial, file);
    }),
  );
}

/** Copies under way in this process, by cache file: a photo is resized once however often it is asked for. */
const asked = new Map<string, Promise<string>>();

/**
 * The cached file of each of `copies` (of any photos), by address, made in the cache when missing:
 * all the copies of a photo from one decoding, two photos at a time.
 */
export function copyFiles(
  copies: readonly PhotoCopy[],
  publicDir: string,
  cacheDir = PHOTO_COPY_CACHE,
): Map<string, Promise<string>> {
  const files = new Map<string, Promise<string>>();
  const missing = new Map<string, PhotoCopy[]>();
  for (const copy of new Map(copies.map((c) => [c.url, c])).values()) {
    const file = cachedCopyFile(copy, cacheDir);
    const known = asked.get(file) ?? (existsSync(file) ? Promise.resolve(file) : undefined);
    if (known !== undefined) files.set(copy.url, known);
    else missing.set(`${copy.source}\0${copy.hash}`, [...(missing.get(`${copy.source}\0${copy.hash}`) ?? []), copy]);
  }
  for (const group of missing.values()) {
    const made = inTurn(() => makeCopies(group, publicDir, cacheDir));
    for (const copy of group) {
      const file = cachedCopyFile(copy, cacheDir);
      const ready = made.then(() => file);
      // A failure is the caller's to report (the build stops with it); asked again (astro dev), it is tried again.
      // Once made, the file answers: a build may clean the cache meanwhile (photo-copies.ts), and it is made again.
      const forget = (): boolean => asked.delete(file);
      ready.then(forget, forget);
      asked.set(file, ready);
      files.set(copy.url, ready);
    }
  }
  return files;
}
