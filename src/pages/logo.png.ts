import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";

/** The logo as a 144×144 PNG (feeds and JSON-LD want a bitmap), drawn from public/favicon.svg. */
export function GET(): Response {
  const svg = readFileSync(join(process.cwd(), "public/favicon.svg"), "utf8");
  const png = new Resvg(svg, { fitTo: { mode: "width", value: 144 } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
}
