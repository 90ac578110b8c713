/**
 * The 1200×630 social image of an article (og:image): title, category and date drawn with a
 * font from an npm package (Inter), so no build fetches anything. Images are cached on disk by
 * a hash of what they show: a rebuild draws only the articles that changed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import satori from "satori";
import { SITE } from "../config.ts";

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;
/** Where drawn images are kept between builds (removed with the other caches by a cold build). */
export const SOCIAL_IMAGE_CACHE = join(process.cwd(), "node_modules/.cache/digimedia-og");
/** Bump when the drawing changes, so cached images are redrawn. */
const TEMPLATE_VERSION = 1;

/** What the image shows. */
export interface SocialImageSpec {
  title: string;
  /** Small line above the title: the category's label, or the site's tagline. */
  kicker: string;
  /** Line under the title: the French date, or nothing. */
  footer: string;
}

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[] | undefined;

function loadFonts(): NonNullable<typeof fonts> {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: "Inter",
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    weight,
    style: "normal" as const,
  }));
  return fonts;
}

type Node = { type: string; props: { style?: Record<string, string | number>; children?: (Node | string)[] | string } };
const el = (type: string, style: Record<string, string | number>, children: (Node | string)[] | string): Node => ({
  type,
  props: { style, children },
});

/** Title size that keeps long titles within the card. */
function titleSize(title: string): number {
  if (title.length > 110) return 48;
  if (title.length > 70) return 58;
  return 68;
}

/** The image as SVG (text drawn as paths), before rasterising. */
export async function socialImageSvg(spec: SocialImageSpec): Promise<string> {
  const tree = el(
    "div",
    {
      // satori sizes the content box: the padding comes on top of width and height.
      width: SOCIAL_IMAGE_WIDTH - 144,
      height: SOCIAL_IMAGE_HEIGHT - 136,
      display: "flex",
      flexDirection: "column",
      justifyContent: "space-between",
      padding: "80px 72px 56px",
      background: "#ffffff",
      backgroundImage: "linear-gradient(#b3122f, #b3122f)",
      backgroundSize: "1200px 24px",
      backgroundRepeat: "no-repeat",
      fontFamily: "Inter",
      color: "#16181d",
    },
    [
      el(
        "div",
        { display: "flex", fontSize: 30, fontWeight: 700, color: "#b3122f", letterSpacing: 2 },
        spec.kicker.toUpperCase(),
      ),
      el("div", { display: "flex", fontSize: titleSize(spec.title), fontWeight: 700, lineHeight: 1.15 }, spec.title),
      el(
        "div",
        { display: "flex", justifyContent: "space-between", alignItems: "center", fontSize: 30, color: "#4f5560" },
        [
          el("div", { display: "flex" }, spec.footer),
          el("div", { display: "flex", fontWeight: 700, color: "#16181d", fontSize: 36 }, SITE.name),
        ],
      ),
    ],
  );
  // A plain object tree, as React would produce: satori needs no JSX.
  return satori(tree, {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    fonts: loadFonts(),
  });
}

/** Draws the image as PNG bytes; rasterising runs off the main thread, so images render in parallel. */
export async function drawSocialImage(spec: SocialImageSpec): Promise<Buffer> {
  const image = await renderAsync(await socialImageSvg(spec), {
    fitTo: { mode: "width", value: SOCIAL_IMAGE_WIDTH },
    font: { loadSystemFonts: false },
  });
  return image.asPng();
}

/** Key of an image in the cache: changes whenever what it shows or how it is drawn changes. */
export function socialImageKey(spec: SocialImageSpec): string {
  return createHash("sha256")
    .update(JSON.stringify({ v: TEMPLATE_VERSION, ...spec }))
    .digest("hex")
    .slice(0, 32);
}

/** The image from the cache folder, drawn and stored there when missing. */
export async function cachedSocialImage(spec: SocialImageSpec, cacheDir: string): Promise<Buffer> {
  const file = join(cacheDir, `${socialImageKey(spec)}.png`);
  if (existsSync(file)) return readFileSync(file);
  const png = await drawSocialImage(spec);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, png);
  return png;
}
