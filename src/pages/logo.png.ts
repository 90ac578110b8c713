import { logoPng } from "../lib/ico.ts";
import { LOGO } from "../lib/urls.ts";

/** The logo as a square PNG of LOGO.size pixels (feeds and JSON-LD want a bitmap), drawn from public/favicon.svg. */
export function GET(): Response {
  return new Response(new Uint8Array(logoPng(LOGO.size)), { headers: { "Content-Type": "image/png" } });
}
