/**
 * The HTTP headers of every answer: security policy and caching. One source for the Node server
 * and for the `_headers` file that static hosts (Netlify, Cloudflare Pages) read.
 */
/** Settings that change the policy. */
export interface PolicyOptions {
  /** Origin the newsletter form posts to when it is not this site (NEWSLETTER_ACTION). */
  formOrigin?: string | undefined;
  /** Seconds of Strict-Transport-Security; none when undefined (plain HTTP, local runs). */
  hstsMaxAge?: number | undefined;
}

/** Content-Security-Policy: scripts from files only (no 'unsafe-inline'), nothing framed. */
export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const extra = options.formOrigin !== undefined ? ` ${options.formOrigin}` : "";
  return [
    "default-src 'self'",
    // Pagefind's search runs WebAssembly.
    "script-src 'self' 'wasm-unsafe-eval'",
    // Astro inlines each page's small stylesheet.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    `form-action 'self'${extra}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers every answer carries. */
export function securityHeaders(options: PolicyOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
    // No Cross-Origin-Opener-Policy: "same-origin" made Chromium swap renderer processes on every
    // navigation from another page, which cost ~300 ms of blocking time (Lighthouse Performance 92).
  };
  if (options.hstsMaxAge !== undefined) {
    headers["Strict-Transport-Security"] = `max-age=${options.hstsMaxAge}; includeSubDomains`;
  }
  return headers;
}

/** Cache-Control of pages and of any file no rule below names: a minute, then ask again. */
export const DEFAULT_CACHE_CONTROL = "public, max-age=60, must-revalidate";

/**
 * Cache-Control of static files, first match wins. `patterns` say the same in `_headers` syntax
 * (`*` for any run of characters), and never overlap: Netlify and Cloudflare Pages apply every
 * rule that matches an address and join the values of a header given twice ("max-age=60, …,
 * max-age=31536000"), which a browser may read as stale.
 */
const CACHE_RULES: readonly { value: string; test: RegExp; patterns: readonly string[] }[] = [
  // Hashed names: the scripts and styles of a build, the copies of a photo (src/lib/photo-copies.ts; a
  // replaced photo gets new names).
  {
    value: "public, max-age=31536000, immutable",
    test: /^\/_(?:astro|photos)\//,
    patterns: ["/_astro/*", "/_photos/*"],
  },
  {
    value: "public, max-age=86400",
    test: /^\/pagefind\/(?:.+\/.+|[^/]*\.pf_)/,
    patterns: ["/pagefind/fragment/*", "/pagefind/index/*", "/pagefind/filter/*", "/pagefind/*.pf_meta"],
  },
  { value: "public, max-age=600", test: /\.xml$/, patterns: ["/*.xml"] },
  {
    value: "public, max-age=86400",
    test: /^\/(?:og|images)\/|^\/(?:logo\.png|favicon\.svg|favicon\.ico|rss\.css)$/,
    patterns: ["/og/*", "/images/*", "/logo.png", "/favicon.svg", "/favicon.ico", "/rss.css"],
  },
];

/** Cache-Control of a static file: hashed assets and photo copies forever, images and search index a day, feeds briefly. */
export function cacheControl(path: string): string {
  return CACHE_RULES.find((rule) => rule.test.test(path))?.value ?? DEFAULT_CACHE_CONTROL;
}

/**
 * The same policy as a `_headers` file for static hosts: the security headers on every address,
 * a Cache-Control for each kind of long-lived file. Pages get none there: `/*` would add its
 * value to every other rule's. A static host's own default for pages asks again on each visit.
 */
export function headersFile(options: PolicyOptions = {}): string {
  const block = (path: string, headers: Record<string, string>): string =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  return [
    block("/*", securityHeaders(options)),
    ...CACHE_RULES.flatMap((rule) => rule.patterns.map((pattern) => block(pattern, { "Cache-Control": rule.value }))),
    "",
  ].join("\n\n");
}
