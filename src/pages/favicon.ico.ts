import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { icoFromPngs } from "../lib/ico.ts";

/** /favicon.ico (16, 32 and 48 px), drawn from public/favicon.svg like /logo.png. */
export function GET(): Response {
  const svg = readFileSync(join(process.cwd(), "public/favicon.svg"), "utf8");
  const images = [16, 32, 48].map((size) => ({
    size,
    png: new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng(),
  }));
  return new Response(new Uint8Array(icoFromPngs(images)), { headers: { "Content-Type": "image/x-icon" } });
}
