import { icoFromPngs, logoPng } from "../lib/ico.ts";

/** /favicon.ico (16, 32 and 48 px), drawn from public/favicon.svg like /logo.png. */
export function GET(): Response {
  const images = [16, 32, 48].map((size) => ({ size, png: logoPng(size) }));
  return new Response(new Uint8Array(icoFromPngs(images)), { headers: { "Content-Type": "image/x-icon" } });
}
