/**
 * Static files of dist/client: content types, ETag and Last-Modified with 304, HEAD, and
 * gzip or brotli compression done once per file version and kept in memory.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { IMAGE_TYPES } from "../src/lib/image-types.ts";
import { withoutAccents } from "../src/lib/slug.ts";
import { firstPageAddress } from "../src/lib/urls.ts";
import { cacheControl } from "./headers.ts";
import { findRedirect, parseRedirects, type RedirectRule } from "./redirects.ts";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ...IMAGE_TYPES,
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg", ".webmanifest"]);
const CACHE_LIMIT = 64 * 1024 * 1024;
/** Digests of files kept for their ETags: every file of a site of 10,000 articles (pages, cards, index). */
const DIGESTS_LIMIT = 50_000;

/**
 * Compressed copies of files, `limit` bytes at most: the latest version of each file and encoding,
 * the least recently served dropped first. A rebuild under a running server replaces a file's copy
 * instead of filling the cache with versions no one asks for any more.
 */
export class CompressedCache {
  readonly #entries = new Map<string, { version: string; body: Buffer }>();
  #bytes = 0;
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(file: string, encoding: string, version: string): Buffer | undefined {
    const key = `${file}|${encoding}`;
    const entry = this.#entries.get(key);
    if (entry?.version !== version) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.body;
  }

  set(file: string, encoding: string, version: string, body: Buffer): void {
    if (body.length > this.limit) return;
    const key = `${file}|${encoding}`;
    this.#remove(key);
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes + body.length <= this.limit) break;
      this.#remove(oldest);
    }
    this.#entries.set(key, { version, body });
    this.#bytes += body.length;
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.body.length;
  }
}

/** Content type of a path by its extension (Pagefind's index files are binary). */
export function contentType(path: string): string {
  return TYPES[extname(path)] ?? "application/octet-stream";
}

/** The encoding to answer with, from Accept-Encoding: "br", "gzip" or "identity". */
function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name !== "") accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string): boolean => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

/** Files of dist/client that are instructions for static hosts, not pages: answered 404 here. */
const HOST_FILES = new Set(["_headers", "_redirects"]);

/**
 * The one address of a page found at `pathname`, when the request used another: "/a" → "/a/",
 * "/a/index.html" → "/a/", "/rss.xml/" → "/rss.xml", "//a//b/" → "/a/b/" (slashes doubled by a link
 * glued to a host's address: a second copy of the page for robots). Undefined when `pathname` is that
 * address, or holds a backslash, which a browser reads as a slash (a redirect to "/\host" would leave the site).
 */
function canonicalPath(pathname: string, isDirectory: boolean): string | undefined {
  if (pathname.includes("\\")) return undefined;
  // One slash each: never "//host/…", which a browser would read as another site's address.
  const single = pathname.replace(/\/{2,}/g, "/");
  const folder = isDirectory && !single.endsWith("/") ? `${single}/` : single;
  // A file asked for as a folder ("/rss.xml/", "/a/index.html/"): the file's own address.
  const file = !isDirectory && folder !== "/" && folder.endsWith("/") ? folder.replace(/\/+$/, "") : folder;
  const own = file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
  return own === pathname ? undefined : own;
}

/** What a link copied from a sentence or a message drags at its end: punctuation, a closing mark, a space. */
const DRAGGED_END = /[\s\u00a0\u202f»«)\]}>.,;:!?'"’”]+$/u;

/**
 * The addresses a reader most likely meant, most likely first, by a link that no file answers, mangled on its way:
 * punctuation or a space copied after it (« /articles/x/». », « /articles/x), »), or capitals or accents typed
 * (« /tag/IA/ », « /categorie/économie/ ») where every page's address is lower case without accents. None when
 * nothing is to mend.
 */
export function mendedPaths(pathname: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return [];
  }
  const lower = decoded.replace(DRAGGED_END, "").toLowerCase();
  // The site's pages have no accents (slugify): « /tag/énergie/ » typed as the word is spelt is /tag/energie/; a file
  // of public/ may have some (« /images/café.jpg »), so the address with its accents is tried first.
  const plain = withoutAccents(lower);
  return [...new Set([lower, plain])]
    .filter((mended) => mended !== decoded && mended.startsWith("/") && !/\/\/|\\/.test(mended))
    .map((mended) => encodeURI(mended));
}

/**
 * Answers a redirect to `location` (its query kept): a permanent one (301, 308) cached like the page it leads to,
 * a temporary one never.
 */
function movedTo(res: ServerResponse, location: string, status = 301): true {
  res.statusCode = status;
  res.setHeader("Location", location);
  res.setHeader(
    "Cache-Control",
    status === 301 || status === 308 ? cacheControl(location.split("?")[0] ?? location) : "no-store",
  );
  res.end();
  return true;
}

/**
 * Serves files under `root`; resolves false when the request is not for one of them. A page
 * asked for at another address is redirected (301) to its own, an address no file answers by the
 * lines of root/_redirects, and a method other than GET or HEAD on a file answers 405.
 */
export function createStaticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const base = resolve(root);
  const compressed = new CompressedCache(CACHE_LIMIT);
  // The ETag is the file's bytes, not its date: a build rewrites feeds and sitemaps whole, and a
  // feed reader asking again after a build that changed nothing gets a 304, not the same feed.
  const digests = new Map<string, { version: string; digest: string }>();
  const digestOf = async (file: string, version: string): Promise<string> => {
    const known = digests.get(file);
    if (known?.version === version) return known.digest;
    const digest = createHash("sha1")
      .update(await readFile(file))
      .digest("base64url");
    if (digests.size >= DIGESTS_LIMIT) digests.clear();
    digests.set(file, { version, digest });
    return digest;
  };

  const locate = async (
    pathname: string,
  ): Promise<{ file: string; size: number; mtime: Date; directory: boolean } | undefined> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (decoded.includes("\0")) return undefined;
    let file = resolve(join(base, decoded));
    if (file !== base && !file.startsWith(base + sep)) return undefined;
    try {
      let info = await stat(file);
      const directory = info.isDirectory();
      if (directory) {
        file = join(file, "index.html");
        info = await stat(file);
      }
      return info.isFile() ? { file, size: info.size, mtime: info.mtime, directory } : undefined;
    } catch {
      return undefined;
    }
  };

  // The redirects an editor wrote in public/_redirects, read again when a build rewrites the file.
  let redirects: { version: string; rules: readonly RedirectRule[] } | undefined;
  const redirectRules = async (): Promise<readonly RedirectRule[]> => {
    const file = join(base, "_redirects");
    const info = await stat(file).catch(() => undefined);
    if (info === undefined) return [];
    const version = `${String(info.size)}-${String(info.mtimeMs)}`;
    if (redirects?.version !== version) {
      const { rules, ignored } = parseRedirects(await readFile(file, "utf8"));
      for (const line of ignored) console.warn(line);
      redirects = { version, rules };
    }
    return redirects.rules;
  };

  return async (req, res) => {
    const url = req.url ?? "/";
    const query = url.includes("?") ? url.slice(url.indexOf("?")) : "";
    let pathname = url.slice(0, url.length - query.length) || "/";
    let found = await locate(pathname);
    if (found === undefined) {
      // A reader who types the page number of the first page lands on it.
      const first = firstPageAddress(pathname);
      if (first !== undefined && (await locate(first)) !== undefined) return movedTo(res, first + query);
      // Then, as on a static host, the _redirects lines: a renamed article's old address.
      const redirect = findRedirect(await redirectRules(), pathname);
      if (redirect === undefined) {
        // Last, a link mangled on its way (copied with the sentence's punctuation, typed in capitals).
        for (const mended of mendedPaths(pathname)) {
          const meant = await locate(mended);
          if (meant !== undefined) return movedTo(res, (canonicalPath(mended, meant.directory) ?? mended) + query);
        }
        return false;
      }
      const location = redirect.location.includes("?") ? redirect.location : redirect.location + query;
      return movedTo(res, location, redirect.status);
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.statusCode = 405;
      res.setHeader("Allow", "GET, HEAD");
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("Méthode non permise\u00a0: cette adresse se lit seulement (GET ou HEAD).\n");
      return true;
    }
    // Whatever the spelling ("/_headers/", "/%5Fheaders"): the file found is what counts.
    if (HOST_FILES.has(relative(base, found.file))) {
      pathname = "/404.html";
      found = await locate(pathname);
      if (found === undefined) return false;
    }
    const canonical = canonicalPath(pathname, found.directory);
    if (canonical !== undefined) {
      return movedTo(res, canonical + query);
    }
    const type = contentType(found.file);
    const encoding = COMPRESSIBLE.has(extname(found.file))
      ? chooseEncoding(req.headers["accept-encoding"])
      : "identity";
    const version = `${found.size.toString(36)}-${found.mtime.getTime().toString(36)}`;
    const etag = `"${(await digestOf(found.file, version)).slice(0, 15)}${encoding.charAt(0)}"`;
    res.setHeader("Content-Type", type);
    res.setHeader("Cache-Control", cacheControl(pathname));
    res.setHeader("ETag", etag);
    res.setHeader("Last-Modified", found.mtime.toUTCString());
    if (COMPRESSIBLE.has(extname(found.file))) res.setHeader("Vary", "Accept-Encoding");
    const inm = req.headers["if-none-match"];
    const ims = req.headers["if-modified-since"];
    const fresh =
      inm !== undefined
        ? // « * »: any version of the file the client holds (RFC 9110, 13.1.2).
          inm.split(",").some((t) => t.trim() === "*" || t.trim() === etag || t.trim() === `W/${etag}`)
        : ims !== undefined && Math.floor(found.mtime.getTime() / 1000) <= Math.floor(Date.parse(ims) / 1000);
    if (fresh) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    let body: Buffer;
    if (encoding === "identity") {
      body = await readFile(found.file);
    } else {
      let cached = compressed.get(found.file, encoding, version);
      if (cached === undefined) {
        const raw = await readFile(found.file);
        cached =
          encoding === "br"
            ? await brotli(raw, {
                params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
              })
            : await gz(raw, { level: 9 });
        compressed.set(found.file, encoding, version, cached);
      }
      body = cached;
      res.setHeader("Content-Encoding", encoding);
    }
    res.setHeader("Content-Length", body.length);
    res.statusCode = pathname.endsWith("/404.html") ? 404 : 200;
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
