import { logoPng } from "../lib/ico.ts";

/** The logo as a 144×144 PNG (feeds and JSON-LD want a bitmap), drawn from public/favicon.svg. */
export function GET(): Response {
  return new Response(new Uint8Array(logoPng(144)), { headers: { "Content-Type": "image/png" } });
}
