/**
 * The 1200×630 social image of an article (og:image): category, title and date in Inter (an npm
 * package, so no build fetches anything), shaped by HarfBuzz (kerning, French spaces).
 *
 * Drawing a whole card with an SVG renderer took ~50 ms, most of it filling 756,000 pixels that
 * are white. Here each glyph is rasterised once per size and subpixel position (by resvg, from
 * the font's outline), then the cards are composed from those glyphs into a palette image (one
 * byte per pixel) and written as an indexed PNG: about 2.5 ms a card. Images are also cached on
 * disk by a hash of what they show, so a rebuild draws only the articles that changed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { threadId } from "node:worker_threads";
import { constants, crc32, deflateSync, inflateSync } from "node:zlib";
import { SITE } from "../config.ts";
import { buildCaches } from "./build-caches.ts";
import { CAN_RUN_TS_WORKERS, WorkerPool } from "./worker-pool.ts";

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;
/** Where drawn images are kept between builds (removed with the other caches by a cold build). */
export const SOCIAL_IMAGE_CACHE = buildCaches(process.cwd()).socialImages;
/** Bump when the drawing changes, so cached images are redrawn. */
const TEMPLATE_VERSION = 3;

/** What the image shows. */
export interface SocialImageSpec {
  title: string;
  /** Small line above the title: the category's label, or the site's tagline. */
  kicker: string;
  /** Line under the title: the French date, or nothing. */
  footer: string;
}

// The card's design: a red band on top, margins, and three inks on white.
const WHITE_LEVEL = 0xff;
const WHITE = [WHITE_LEVEL, WHITE_LEVEL, WHITE_LEVEL] as const;
const INKS = { red: [0xb3, 0x12, 0x2f], dark: [0x16, 0x18, 0x1d], gray: [0x4f, 0x55, 0x60] } as const;
type Ink = keyof typeof INKS;
const INK_ORDER: readonly Ink[] = ["red", "dark", "gray"];
/** Coverage levels per ink: 1 white + 3 inks × 85 levels = a full 256-colour palette. */
const LEVELS = 85;
const BAND = 24;
const MARGIN_X = 72;
const TOP = 80;
const BOTTOM = SOCIAL_IMAGE_HEIGHT - 56;
const TEXT_WIDTH = SOCIAL_IMAGE_WIDTH - 2 * MARGIN_X;
/** Subpixel positions per pixel: glyphs land within a quarter pixel of where the shaper put them. */
const PHASES = 4;

/** Title size that keeps long titles within the card. */
function titleSize(title: string): number {
  if (title.length > 110) return 48;
  if (title.length > 70) return 58;
  return 68;
}

type Weight = 400 | 700;

interface Fonts {
  hb: typeof import("harfbuzzjs");
  Resvg: typeof import("@resvg/resvg-js").Resvg;
  /**
   * Per weight: the fonts in the order they are tried for a character (Inter's Latin subset, then its
   * extended Latin: ğ, Ł, Š, ő…), their units per em, and the first one's ascender and line height in ems.
   */
  faces: Record<
    Weight,
    {
      font: import("harfbuzzjs").Font;
      fonts: import("harfbuzzjs").Font[];
      upem: number;
      ascender: number;
      lineHeight: number;
    }
  >;
}

/** Fonts of Inter's @fontsource package tried in turn for each character. */
const SUBSETS = ["latin", "latin-ext"] as const;
const SPACE = /\p{Zs}/u;
/** A placed glyph's id carries the font it comes from: id + font's place × GLYPHS_PER_FONT. */
const GLYPHS_PER_FONT = 0x10000;

/** A WOFF 1.0 file as the plain OpenType font it wraps (HarfBuzz reads only the latter). */
function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("fichier WOFF attendu");
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const stored = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + stored);
    return {
      tag: woff.readUInt32BE(entry),
      checksum: woff.readUInt32BE(entry + 16),
      data: stored < length ? inflateSync(raw) : raw,
    };
  });
  const headerSize = 12 + 16 * count;
  const padded = (n: number): number => (n + 3) & ~3;
  const out = Buffer.alloc(tables.reduce((size, t) => size + padded(t.data.length), headerSize));
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerSize;
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    out.writeUInt32BE(table.tag, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}

let loading: Promise<Fonts> | undefined;

/** HarfBuzz, resvg and Inter, loaded on first use (pages that only link the image never load them). */
function loadFonts(): Promise<Fonts> {
  loading ??= (async () => {
    const [hb, { Resvg }] = await Promise.all([import("harfbuzzjs"), import("@resvg/resvg-js")]);
    const require = createRequire(import.meta.url);
    const load = (weight: Weight): Fonts["faces"][Weight] => {
      const faces = SUBSETS.map(
        (subset) =>
          new hb.Face(
            new hb.Blob(
              woffToSfnt(
                readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
              ),
            ),
          ),
      );
      const fonts = faces.map((face) => new hb.Font(face));
      const [face, font] = [faces[0], fonts[0]];
      if (face === undefined || font === undefined) throw new Error("aucune police Inter");
      const extents = font.hExtents();
      return {
        font,
        fonts,
        upem: face.upem,
        ascender: extents.ascender / face.upem,
        lineHeight: (extents.ascender - extents.descender) / face.upem,
      };
    };
    return { hb, Resvg, faces: { 400: load(400), 700: load(700) } };
  })();
  return loading;
}

/** A glyph at a pen position (pixels; y is the baseline). */
interface Placed {
  gid: number;
  x: number;
  y: number;
}

/** A line of one font, size and ink. */
interface Run {
  weight: Weight;
  size: number;
  ink: Ink;
  glyphs: Placed[];
}

/**
 * `text` cut where the font that draws it changes: each character goes to the first font of its weight
 * that has it (a space HarfBuzz makes of the font's own). A character none has (an emoji, Chinese) is left
 * out rather than drawn as a box.
 */
function byFont(fonts: Fonts, weight: Weight, text: string): { font: number; text: string }[] {
  const runs: { font: number; text: string }[] = [];
  for (const character of text.normalize("NFC")) {
    const codePoint = character.codePointAt(0) ?? 0;
    const last = runs.at(-1);
    let font = fonts.faces[weight].fonts.findIndex((f) => f.nominalGlyph(codePoint) !== undefined);
    // A space the font lacks (U+202F, U+00A0…) is one HarfBuzz draws from the font's own space: it stays in its run.
    if (font === -1 && SPACE.test(character)) font = last?.font ?? 0;
    if (font === -1) continue;
    if (last?.font === font) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs;
}

/** The characters of `text` that no font of the card can draw, each once: they are left out of the image. */
export async function undrawableCharacters(text: string): Promise<string[]> {
  const fonts = await loadFonts();
  const drawn = new Set(byFont(fonts, 400, text).flatMap((run) => Array.from(run.text)));
  return [...new Set(Array.from(text.normalize("NFC")).filter((character) => !drawn.has(character)))];
}

/** Shapes `text` from x = 0: glyph ids (with their font: GLYPHS_PER_FONT) with their offsets, and the advance of the whole. */
function shape(
  fonts: Fonts,
  weight: Weight,
  size: number,
  text: string,
  letterSpacing = 0,
): { glyphs: { gid: number; x: number }[]; width: number } {
  const face = fonts.faces[weight];
  const scale = size / face.upem;
  const glyphs: { gid: number; x: number }[] = [];
  let pen = 0;
  for (const run of byFont(fonts, weight, text)) {
    const buffer = new fonts.hb.Buffer();
    buffer.addText(run.text);
    buffer.guessSegmentProperties();
    fonts.hb.shape(face.fonts[run.font] ?? face.font, buffer);
    const positions = buffer.getGlyphPositions();
    buffer.getGlyphInfos().forEach((info, i) => {
      const position = positions[i];
      glyphs.push({ gid: run.font * GLYPHS_PER_FONT + info.codepoint, x: pen + (position?.xOffset ?? 0) * scale });
      pen += (position?.xAdvance ?? 0) * scale + letterSpacing;
    });
  }
  return { glyphs, width: pen };
}

/** Breaks the title at ordinary spaces (never at U+00A0 or U+202F) into lines that fit. */
function wrap(fonts: Fonts, weight: Weight, size: number, text: string): { glyphs: { gid: number; x: number }[] }[] {
  const space = shape(fonts, weight, size, " ").width;
  const lines: { glyphs: { gid: number; x: number }[]; width: number }[] = [];
  for (const word of text.split(" ").filter((w) => w !== "")) {
    const shaped = shape(fonts, weight, size, word);
    const line = lines.at(-1);
    if (line !== undefined && line.width + space + shaped.width <= TEXT_WIDTH) {
      const start = line.width + space;
      line.glyphs.push(...shaped.glyphs.map((g) => ({ gid: g.gid, x: g.x + start })));
      line.width = start + shaped.width;
    } else {
      lines.push({ glyphs: shaped.glyphs, width: shaped.width });
    }
  }
  return lines;
}

/** Where everything goes: the kicker on top, the title centred, the date and the site's name at the bottom. */
function layout(fonts: Fonts, spec: SocialImageSpec): Run[] {
  const { 700: bold, 400: regular } = fonts.faces;
  const place = (glyphs: { gid: number; x: number }[], x: number, y: number): Placed[] =>
    glyphs.map((g) => ({ gid: g.gid, x: x + g.x, y }));
  const runs: Run[] = [];

  const kicker = shape(fonts, 700, 30, spec.kicker.toUpperCase(), 2);
  runs.push({ weight: 700, size: 30, ink: "red", glyphs: place(kicker.glyphs, MARGIN_X, TOP + bold.ascender * 30) });
  const kickerBottom = TOP + bold.lineHeight * 30;

  const footerTop = BOTTOM - bold.lineHeight * 36;
  const name = shape(fonts, 700, 36, SITE.name);
  runs.push({
    weight: 700,
    size: 36,
    ink: "dark",
    glyphs: place(name.glyphs, MARGIN_X + TEXT_WIDTH - name.width, footerTop + bold.ascender * 36),
  });
  if (spec.footer !== "") {
    const dateTop = footerTop + (bold.lineHeight * 36 - regular.lineHeight * 30) / 2;
    const date = shape(fonts, 400, 30, spec.footer);
    runs.push({
      weight: 400,
      size: 30,
      ink: "gray",
      glyphs: place(date.glyphs, MARGIN_X, dateTop + regular.ascender * 30),
    });
  }

  const size = titleSize(spec.title);
  const lineBox = size * 1.15;
  const lines = wrap(fonts, 700, size, spec.title);
  const top = kickerBottom + (footerTop - kickerBottom - lines.length * lineBox) / 2;
  const halfLeading = (lineBox - bold.lineHeight * size) / 2;
  lines.forEach((line, i) => {
    const baseline = top + i * lineBox + halfLeading + bold.ascender * size;
    runs.push({ weight: 700, size, ink: "dark", glyphs: place(line.glyphs, MARGIN_X, baseline) });
  });
  return runs;
}

/** A glyph's coverage (0–255), placed relative to its pen position. */
interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

const masks = new Map<string, GlyphMask | null>();

/** Rasterises a glyph once per font, size and quarter-pixel offset. */
function glyphMask(fonts: Fonts, weight: Weight, size: number, gid: number, phase: number): GlyphMask | null {
  const key = `${String(weight)}/${String(size)}/${String(gid)}/${String(phase)}`;
  const known = masks.get(key);
  if (known !== undefined) return known;
  const face = fonts.faces[weight];
  const font = face.fonts[Math.floor(gid / GLYPHS_PER_FONT)] ?? face.font;
  const path = font.glyphToPath(gid % GLYPHS_PER_FONT);
  const extents = font.glyphExtents(gid % GLYPHS_PER_FONT);
  let mask: GlyphMask | null = null;
  if (path !== "" && extents !== undefined && extents.width !== 0) {
    const scale = size / face.upem;
    const shift = phase / PHASES;
    const left = Math.floor(extents.xBearing * scale + shift) - 1;
    const right = Math.ceil((extents.xBearing + extents.width) * scale + shift) + 1;
    const top = Math.floor(-extents.yBearing * scale) - 1;
    const bottom = Math.ceil(-(extents.yBearing + extents.height) * scale) + 1;
    const width = right - left;
    const height = bottom - top;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}">` +
      `<path transform="translate(${String(shift - left)} ${String(-top)}) scale(${String(scale)} ${String(-scale)})" d="${path}"/></svg>`;
    const rgba = new fonts.Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
    const alpha = new Uint8Array(width * height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3] ?? 0;
    mask = { left, top, width, height, alpha };
  }
  masks.set(key, mask);
  return mask;
}

/** The card as palette indices, one byte per pixel (0 is white). */
function compose(fonts: Fonts, runs: Run[]): Uint8Array {
  const W = SOCIAL_IMAGE_WIDTH;
  const H = SOCIAL_IMAGE_HEIGHT;
  const pixels = new Uint8Array(W * H);
  pixels.fill(1 + INK_ORDER.indexOf("red") * LEVELS + LEVELS - 1, 0, W * BAND);
  for (const run of runs) {
    const base = 1 + INK_ORDER.indexOf(run.ink) * LEVELS;
    for (const glyph of run.glyphs) {
      const pixelX = Math.floor(glyph.x);
      const phase = Math.min(PHASES - 1, Math.round((glyph.x - pixelX) * PHASES));
      const mask = glyphMask(fonts, run.weight, run.size, glyph.gid, phase);
      if (mask === null) continue;
      const x0 = pixelX + mask.left;
      const y0 = Math.round(glyph.y) + mask.top;
      for (let row = 0; row < mask.height; row++) {
        const y = y0 + row;
        if (y < 0 || y >= H) continue;
        for (let col = 0; col < mask.width; col++) {
          const x = x0 + col;
          const coverage = mask.alpha[row * mask.width + col] ?? 0;
          if (coverage === 0 || x < 0 || x >= W) continue;
          const level = Math.round((coverage * LEVELS) / 255);
          if (level === 0) continue;
          const at = y * W + x;
          const current = pixels[at] ?? 0;
          // Glyphs of one ink may touch (kerning): keep the stronger coverage.
          if (current < base || current >= base + LEVELS || current < base + level - 1) pixels[at] = base + level - 1;
        }
      }
    }
  }
  return pixels;
}

/** The palette: white, then each ink from faint to full. */
function palette(): Buffer {
  const bytes: number[] = [...WHITE];
  for (const ink of INK_ORDER) {
    for (let level = 1; level <= LEVELS; level++) {
      for (const c of INKS[ink]) bytes.push(Math.round(WHITE_LEVEL + ((c - WHITE_LEVEL) * level) / LEVELS));
    }
  }
  return Buffer.from(bytes);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(type)), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit indexed PNG. */
export function encodeIndexedPng(pixels: Uint8Array, width: number, height: number, colours: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(3, 9); // colour type: palette
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("PLTE", colours),
    // Rows are long runs of one index: run-length deflate takes 2.5 ms and 22 KB a card, the default 6.6 ms and 18 KB.
    chunk("IDAT", deflateSync(rows, { strategy: constants.Z_RLE })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const PALETTE = palette();

/** Draws the image as PNG bytes. */
export async function drawSocialImage(spec: SocialImageSpec): Promise<Buffer> {
  const fonts = await loadFonts();
  return encodeIndexedPng(compose(fonts, layout(fonts, spec)), SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT, PALETTE);
}

/** Key of an image in the cache: changes whenever what it shows or how it is drawn changes. */
export function socialImageKey(spec: SocialImageSpec): string {
  return createHash("sha256")
    .update(JSON.stringify({ v: TEMPLATE_VERSION, ...spec }))
    .digest("hex")
    .slice(0, 32);
}

/** Where the cache keeps the image. */
export const cacheFileOf = (spec: SocialImageSpec, cacheDir: string): string =>
  join(cacheDir, `${socialImageKey(spec)}.png`);

/** What the site's own image shows (/og/digimedia.png, for pages that are not articles). */
export const SITE_IMAGE_SPEC: SocialImageSpec = { title: SITE.tagline, kicker: SITE.name, footer: "" };

/** The image's file in the cache folder, drawn and stored there when missing. */
export async function cachedSocialImageFile(spec: SocialImageSpec, cacheDir: string): Promise<string> {
  const file = cacheFileOf(spec, cacheDir);
  if (existsSync(file)) return file;
  const png = await drawSocialImage(spec);
  mkdirSync(cacheDir, { recursive: true });
  // Written whole under another name, then renamed: a reader never sees half an image.
  const partial = `${file}.${String(process.pid)}.${String(threadId)}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return file;
}

/** The image from the cache folder, drawn and stored there when missing. */
export async function cachedSocialImage(spec: SocialImageSpec, cacheDir: string): Promise<Buffer> {
  return readFileSync(await cachedSocialImageFile(spec, cacheDir));
}

/** What a drawing worker is asked. */
export interface DrawRequest {
  spec: SocialImageSpec;
  cacheDir: string;
}

// The build bundles this module, so the worker is found from the project root (where builds run).
const WORKER_FILE = join(process.cwd(), "src/lib/social-image-worker.ts");
let pool: WorkerPool<DrawRequest, string> | undefined;
/** Drawings under way in this process, by cache file: a card is drawn once however often it is asked for. */
const started = new Map<string, Promise<string>>();

/**
 * Starts drawing the image in a worker thread and returns its cached file when done: a build
 * asks for every card when it collects the og route's paths, and the cards are drawn on another
 * core while pages render.
 * Draws in this thread where workers cannot run (see worker-pool.ts).
 */
export function socialImageFile(spec: SocialImageSpec, cacheDir = SOCIAL_IMAGE_CACHE): Promise<string> {
  const key = cacheFileOf(spec, cacheDir);
  const known = started.get(key);
  if (known !== undefined) return known;
  let file: Promise<string>;
  // Already drawn by an earlier build: no thread to start for it.
  if (existsSync(key)) file = Promise.resolve(key);
  else if (!CAN_RUN_TS_WORKERS || !existsSync(WORKER_FILE)) file = cachedSocialImageFile(spec, cacheDir);
  else {
    pool ??= new WorkerPool<DrawRequest, string>(pathToFileURL(WORKER_FILE), undefined);
    file = pool.run({ spec, cacheDir });
  }
  // Awaited later (by the social-images integration in a build, by the og route in dev), where a failure is
  // reported; not an unhandled rejection meanwhile. Once drawn, the file answers: a build may clean the
  // cache meanwhile (social-images.ts) and the dev server then draws it again.
  file.then(() => started.delete(key)).catch(() => undefined);
  started.set(key, file);
  return file;
}
