import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { SITE } from "../config.ts";

/** The site's logo (favicon.svg of the public folder, SITE.publicDir) as a square PNG `size` pixels wide: /logo.png and /favicon.ico. */
export function logoPng(size: number): Uint8Array {
  const svg = readFileSync(resolve(SITE.publicDir, "favicon.svg"), "utf8");
  return new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng();
}

/**
 * A Windows icon file (.ico) holding PNG images, as every browser since Vista reads it: the
 * favicon.ico that browsers, feed readers and crawlers ask for without reading the page's links.
 */
export function icoFromPngs(images: readonly { size: number; png: Uint8Array }[]): Uint8Array {
  const header = 6;
  const entry = 16;
  const out = new Uint8Array(header + entry * images.length + images.reduce((n, i) => n + i.png.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, images.length, true);
  let offset = header + entry * images.length;
  images.forEach(({ size, png }, i) => {
    if (size < 1 || size > 256) throw new RangeError(`icône de ${String(size)} px : 1 à 256 px`);
    const at = header + entry * i;
    out[at] = size % 256; // 0 means 256
    out[at + 1] = size % 256;
    view.setUint16(at + 4, 1, true); // colour planes
    view.setUint16(at + 6, 32, true); // bits per pixel
    view.setUint32(at + 8, png.length, true);
    view.setUint32(at + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}
