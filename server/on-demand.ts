/**
 * What Astro renders on demand (the newsletter's pages and routes, the 404 of an unknown address) gets, when the
 * route says none: its charset, as every static page has (Astro sends a bare "text/html"), and a deliberate cache
 * policy. Those answers carry per-request content (the address typed, the page of origin, a token's outcome), so
 * they are never stored (no-store); a 404 is cached as briefly as a page, as /404.html is, so that an unknown
 * address is answered alike whichever way it reached the page.
 */
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { DEFAULT_CACHE_CONTROL } from "./headers.ts";

/** The Cache-Control of an answer rendered on demand whose route gave none. */
export function onDemandCacheControl(status: number): string {
  return status === 404 ? DEFAULT_CACHE_CONTROL : "no-store";
}

/** The header `name` (lower case) in `headers`, whatever its case there. */
function headerKey(headers: OutgoingHttpHeaders, name: string): string | undefined {
  return Object.keys(headers).find((key) => key.toLowerCase() === name);
}

/** Completes the headers of `res`, which Astro will write with writeHead(status, headers), as the module says. */
export function completeOnDemand(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]): ServerResponse => {
    const last = rest.at(-1);
    const given =
      typeof last === "object" && last !== null && !Array.isArray(last) ? (last as OutgoingHttpHeaders) : {};
    const typeKey = headerKey(given, "content-type");
    const type = typeKey !== undefined ? given[typeKey] : res.getHeader("content-type");
    if (typeof type === "string" && /^text\/html\s*$/i.test(type)) {
      if (typeKey !== undefined) given[typeKey] = "text/html; charset=utf-8";
      else res.setHeader("Content-Type", "text/html; charset=utf-8");
    }
    if (headerKey(given, "cache-control") === undefined && !res.hasHeader("cache-control"))
      res.setHeader("Cache-Control", onDemandCacheControl(status));
    return writeHead(status, ...rest);
  };
}
