/**
 * The production server (server/main.ts): headers on every answer, compression and caching,
 * /healthz, and a clean stop on SIGTERM that finishes the request in flight.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheControl, DEFAULT_CACHE_CONTROL } from "../../server/headers.ts";
import { projectRoot } from "./astro.ts";
import { listFiles, loadedModules } from "./dist.ts";
import { freePort, startListening, startServer, type RunningServer } from "./server.ts";
import { temporaryFolder } from "../temporary-folder.ts";

/** A log without the instant in front of each line (server/log.ts). */
const unstamped = (log: string): string => log.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /gm, "");

const article = "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/";
let server: RunningServer;
let dataDir = "";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "digimedia-server-"));
  server = await startServer({ DATA_DIR: dataDir });
});
afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("every answer", () => {
  it.each([article, "/rss.xml", "/og/digimedia.png", "/nexiste-pas/", "/healthz", "/api/newsletter"])(
    "%s carries the security headers",
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(?! 'unsafe-inline')/);
      expect(csp).not.toContain("'unsafe-inline' 'self'");
      expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
    },
  );
});

describe("static files", () => {
  it.each([
    [article, "text/html; charset=utf-8"],
    ["/rss.xml", "application/xml; charset=utf-8"],
    ["/rss.css", "text/css; charset=utf-8"],
    ["/og/digimedia.png", "image/png"],
    ["/pagefind/pagefind.js", "text/javascript; charset=utf-8"],
    ["/pagefind/pagefind-entry.json", "application/json; charset=utf-8"],
  ])("serves %s as %s", async (path, type) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
  });

  it("compresses with brotli or gzip as the client accepts, and says so", async () => {
    const raw = await (await fetch(`${server.url}${article}`, { headers: { "Accept-Encoding": "identity" } })).text();
    for (const [encoding, decode] of [
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const) {
      const body = await new Promise<{ headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
        request(`${server.url}${article}`, { headers: { "Accept-Encoding": encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            resolve({ headers: res.headers, bytes: Buffer.concat(chunks) });
          });
        })
          .on("error", reject)
          .end();
      });
      expect(body.headers["content-encoding"]).toBe(encoding);
      expect(body.headers["vary"]).toBe("Accept-Encoding");
      expect(body.bytes.length).toBeLessThan(raw.length / 2);
      expect(decode(body.bytes).toString()).toBe(raw);
    }
  });

  it("caches hashed assets for a year, pages and feeds briefly", async () => {
    const html = await fetch(`${server.url}${article}`);
    const match = /src="(\/_astro\/[^"]+\.js)"/.exec(await html.text());
    expect(html.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
    const asset = await fetch(`${server.url}${match?.[1] ?? "/_astro/none.js"}`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${server.url}/rss.xml`)).headers.get("cache-control")).toBe("public, max-age=600");
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/x-icon"]);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=86400");
  });

  it("answers 304 to a known ETag or date, and HEAD without a body", async () => {
    const first = await fetch(`${server.url}/rss.xml`);
    const etag = first.headers.get("etag") ?? "";
    const modified = first.headers.get("last-modified") ?? "";
    expect((await fetch(`${server.url}/rss.xml`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await fetch(`${server.url}/rss.xml`, { headers: { "If-Modified-Since": modified } })).status).toBe(304);
    expect((await fetch(`${server.url}/rss.xml`, { headers: { "If-None-Match": "*" } })).status).toBe(304);
    expect((await fetch(`${server.url}/rss.xml`, { headers: { "If-None-Match": '"autre"' } })).status).toBe(200);
    // A build that rewrote the feed with the same bytes: still the same ETag, still a 304.
    const feed = join(projectRoot, "dist/client/rss.xml");
    const later = new Date(Date.now() + 60_000);
    utimesSync(feed, later, later);
    const again = await fetch(`${server.url}/rss.xml`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const head = await fetch(`${server.url}/rss.xml`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await head.text()).toBe("");
  });

  it("redirects a page asked for at another address to its own, never off the site", async () => {
    const bare = article.slice(0, -1);
    for (const [asked, own] of [
      [bare, article],
      [`${bare}?utm_source=x`, `${article}?utm_source=x`],
      [`${article}index.html`, article],
      ["/index.html", "/"],
      // A file asked for as a folder is not served as a second copy.
      ["/rss.xml/", "/rss.xml"],
      [`${article}index.html/`, article],
      // Slashes doubled by a link glued to the host's address: one copy of the page.
      [`/${article}`, article],
      [article.replace("/articles/", "/articles//"), article],
      [`//${article.slice(1)}index.html`, article],
    ] as const) {
      const response = await fetch(`${server.url}${asked}`, { redirect: "manual" });
      expect(response.status, asked).toBe(301);
      expect(response.headers.get("location"), asked).toBe(own);
    }
    // The first page of a listing by its number: the listing itself.
    for (const [asked, own] of [
      ["/page/1/", "/"],
      ["/page/1", "/"],
      ["/categorie/international/1/?x=1", "/categorie/international/?x=1"],
      ["/categorie/international/1", "/categorie/international/"],
    ] as const) {
      const response = await fetch(`${server.url}${asked}`, { redirect: "manual" });
      expect(response.status, asked).toBe(301);
      expect(response.headers.get("location"), asked).toBe(own);
    }
    // The addresses feed readers and robots try by themselves (WordPress's feed, the usual sitemap).
    for (const [asked, own] of [
      ["/feed/", "/rss.xml"],
      ["/feed", "/rss.xml"],
      ["/rss/", "/rss.xml"],
      ["/feed.xml", "/rss.xml"],
      ["/atom.xml", "/rss.xml"],
      ["/index.xml", "/rss.xml"],
      ["/categorie/international/feed/", "/categorie/international/rss.xml"],
      ["/categorie/international/rss", "/categorie/international/rss.xml"],
      ["/sitemap.xml", "/sitemap-index.xml"],
      ["/articles/", "/archives/"],
    ] as const) {
      const response = await fetch(`${server.url}${asked}`, { redirect: "manual" });
      expect([response.status, response.headers.get("location")], asked).toEqual([301, own]);
      expect((await fetch(`${server.url}${own}`)).status, own).toBe(200);
    }
    // As on a static host, public/_redirects' line leads an unknown section's page 1 to its listing, a 404.
    const unknown = await fetch(`${server.url}/categorie/inconnue/1/`, { redirect: "manual" });
    expect(unknown.headers.get("location")).toBe("/categorie/inconnue/");
    expect((await fetch(`${server.url}/categorie/inconnue/`, { redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${server.url}/categorie/international/page/1/`, { redirect: "manual" })).status).toBe(404);
    const doubled = await fetch(`${server.url}//articles`, { redirect: "manual" });
    expect(doubled.headers.get("location") ?? "").not.toMatch(/^\/\//);
  });

  it("answers 405 to a method other than GET or HEAD on a file, and hides the hosts' _headers", async () => {
    const post = await fetch(`${server.url}/rss.xml`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(await post.text()).toContain("Méthode non permise");
    for (const path of ["/_headers", "/_headers/", "/%5Fheaders", "/_redirects"]) {
      const hidden = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(hidden.status, path).toBe(404);
      expect(await hidden.text()).toContain("Page introuvable");
    }
  });

  it("answers what Node refuses by itself (a malformed request, an unknown method, headers too long) in French, with the security headers", async () => {
    const raw = (request: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
        let answer = "";
        socket.setEncoding("utf8");
        socket.on("data", (chunk: string) => (answer += chunk));
        socket.on("end", () => {
          resolve(answer);
        });
        socket.on("error", reject);
        socket.write(request);
      });
    for (const [request, status, words] of [
      ["GET / HTTP/1.1\r\nHost: x\r\nEn-tête sans deux-points\r\n\r\n", 400, "Requête illisible"],
      ["TRACK / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Requête illisible"],
      [
        `GET /?${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n${"X-Long: b\r\n".repeat(2_000)}\r\n`,
        431,
        "Requête trop longue",
      ],
    ] as const) {
      const answer = await raw(request);
      expect(answer, request.slice(0, 30)).toMatch(new RegExp(`^HTTP/1\\.1 ${String(status)} `));
      expect(answer).toContain(words);
      expect(answer).toMatch(/^Content-Security-Policy: /m);
      expect(answer).toMatch(/^X-Content-Type-Options: nosniff/m);
    }
  });

  it("answers TRACE with a French 405, never an English 500", async () => {
    const answer = (method: string, path: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        const req = request(`${server.url}${path}`, { method }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => {
            resolve({ status: res.statusCode ?? 0, body });
          });
        });
        req.on("error", reject);
        req.end();
      });
    for (const [method, path] of [
      ["TRACE", "/inexistant/"],
      ["TRACE", "/api/newsletter"],
      ["TRACE", "/newsletter/erreur/"],
      ["TRACE", article],
    ] as const) {
      const { status, body } = await answer(method, path);
      expect(status, `${method} ${path}`).toBe(405);
      expect(body).toContain("Méthode non prise en charge");
    }
    expect(server.output()).not.toMatch(/TypeError|unsupported/);
  });

  it("gives the status line of a refused signup page its own words, not « OK »", async () => {
    const refused = await fetch(`${server.url}/newsletter/erreur/?raison=domaine`);
    expect(refused.status).toBe(400);
    expect(refused.statusText).toBe("Bad Request");
  });

  it("counts signups behind a proxy by the address it forwarded (X-Forwarded-For), not as one client", async () => {
    const signup = (email: string, forwardedFor: string): Promise<Response> =>
      fetch(`${server.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-Forwarded-For": forwardedFor },
        body: JSON.stringify({ email }),
      });
    // The test's connection comes from loopback, as nginx's would.
    for (let i = 0; i < 20; i++)
      expect((await signup(`proxy${String(i)}@exemple.fr`, "203.0.113.50")).status).toBe(200);
    const held = await signup("proxy-encore@exemple.fr", "203.0.113.50");
    expect(held.status).toBe(429);
    expect(((await held.json()) as { error: string }).error).toBe("trop-d-inscriptions");
    // Another reader behind the same proxy is not held back, nor is one who writes the header himself before it.
    expect((await signup("voisin@exemple.fr", "203.0.113.51")).status).toBe(200);
    expect((await signup("malin@exemple.fr", "203.0.113.50, 203.0.113.52")).status).toBe(200);
  });

  it("tells a reader held back by the per-connection limit why, when to retry, and keeps the address", async () => {
    // The time left in the limit's window, which the signup's handler computed and the rewrite carries (attente).
    const held = await fetch(
      `${server.url}/newsletter/erreur/?raison=trop-d-inscriptions&attente=1234&email=lea%40exemple.fr`,
    );
    expect(held.status).toBe(429);
    expect(held.statusText).toBe("Too Many Requests");
    expect(held.headers.get("retry-after")).toBe("1234");
    // Nothing made up when the query gives no time, nor from what is not a number of seconds.
    for (const attente of ["", "&attente=abc", "&attente=-5"]) {
      const page = await fetch(`${server.url}/newsletter/erreur/?raison=trop-de-demandes${attente}`);
      expect(page.status).toBe(429);
      expect(page.headers.get("retry-after"), attente).toBeNull();
    }
    const html = await held.text();
    // Why, and how long: the wait said in words from the same seconds as Retry-After.
    expect(html).toContain(
      "Trop d’inscriptions ont été demandées depuis votre connexion en une heure. Réessayez dans 21\u00a0minutes.",
    );
    expect(html).toMatch(/<input[^>]*value="lea@exemple\.fr"/);
    // Held back, not wrong: the address is not marked invalid (a screen reader would say « non valide »).
    expect(html).not.toContain('aria-invalid="true"');
  });

  it("answers an address that cannot be decoded with a French 400, and leaves a static page's query to the page", async () => {
    for (const path of ["/articles/%ZZ/", "/caf%E9/"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toContain("Adresse illisible");
    }
    expect((await fetch(`${server.url}/recherche/?q=100%`)).status).toBe(200);
    // A page rendered on demand reads its query: a newsletter link a mail program damaged gets French too.
    for (const path of ["/newsletter/confirmer/?token=abc%ZZ", "/newsletter/merci/?depuis=%E0%A4%A"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toContain("Adresse illisible\u00a0: sa partie après «\u202f?\u202f»");
    }
    // An unknown address with such a query: its 404 page, whose suggestions read the path alone.
    const lost = await fetch(`${server.url}/articles/inexistant/?utm=%E9`);
    expect(lost.status).toBe(404);
    expect(await lost.text()).toContain("Page introuvable");
  });

  it("answers 404 with the French page, and never serves a file outside the site", async () => {
    const missing = await fetch(`${server.url}/nexiste-pas/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page introuvable");
    for (const path of ["/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/..\\..\\etc\\passwd"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("root:");
    }
  });
});

describe("answers rendered on demand", () => {
  it.each([
    ["/newsletter/merci/", "no-store"],
    // Kept by the browser alone, for Back after the address corrected (tests/e2e/newsletter.spec.ts).
    ["/newsletter/erreur/", "private, no-cache"],
  ])(
    "%s says its charset and is never stored by a shared cache: it carries this request's content",
    async (path, cache) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe(cache);
    },
  );

  it("answers an unknown address's 404 with the cache of /404.html, a page's", async () => {
    const unknown = await fetch(`${server.url}/nexiste-pas/`);
    const page = await fetch(`${server.url}/404.html`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(unknown.headers.get("cache-control")).toBe(DEFAULT_CACHE_CONTROL);
    expect(page.headers.get("cache-control")).toBe(DEFAULT_CACHE_CONTROL);
  });
});

describe("the _headers file for static hosts", () => {
  const client = join(import.meta.dirname, "../../dist/client");
  // As Netlify and Cloudflare Pages read it: every rule whose pattern matches applies ("*": anything).
  const rules = readFileSync(join(client, "_headers"), "utf8")
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const [pattern = "", ...lines] = block.split("\n");
      const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      return { regex, headers: lines.map((line) => line.trim().split(/:\s*/, 2) as [string, string]) };
    });
  const cacheValues = (path: string): string[] =>
    rules
      .filter((rule) => rule.regex.test(path))
      .flatMap((rule) => rule.headers.filter(([name]) => name === "Cache-Control").map(([, value]) => value));

  it("gives each file at most one Cache-Control, the Node server's, and pages the host's own", () => {
    const files = listFiles(client).map((file) => `/${file}`);
    expect(files.some((file) => file.startsWith("/pagefind/fragment/"))).toBe(true);
    for (const path of files) {
      const values = cacheValues(path);
      const served = cacheControl(path);
      if (path.endsWith(".html") || served === DEFAULT_CACHE_CONTROL) expect(values, path).toEqual([]);
      else expect(values, path).toEqual([served]);
    }
    expect(cacheValues("/articles/x/")).toEqual([]);
  });

  it("puts the security headers on every address", () => {
    for (const path of ["/", "/articles/x/", "/_astro/a.js", "/rss.xml"]) {
      const names = rules.filter((rule) => rule.regex.test(path)).flatMap((rule) => rule.headers.map(([n]) => n));
      expect(names, path).toContain("Content-Security-Policy");
      expect(names, path).toContain("X-Content-Type-Options");
    }
  });
});

describe("the server's code", () => {
  // The one page rendered on demand once pulled every article into the server (its footer read the
  // content): 14 MB of code at 4,000 articles, loaded by the server, bundled at every build.
  it("carries no article: Astro's content store is not among the modules it loads", () => {
    const modules = loadedModules(join(import.meta.dirname, "../../dist/server/entry.mjs"));
    expect(modules.size).toBeGreaterThan(1);
    expect([...modules.keys()].filter((file) => file.includes("data-layer"))).toEqual([]);
    const bytes = [...modules.values()].reduce((sum, size) => sum + size, 0);
    expect(bytes).toBeLessThan(1024 * 1024);
  });
});

describe("the build's settings", () => {
  const built = JSON.parse(readFileSync(join(import.meta.dirname, "../../dist/server/reglages.json"), "utf8")) as {
    siteUrl: string;
  };

  it("follows the build's SITE_URL, whose address the pages carry, and says so when the server is given another", async () => {
    const data = temporaryFolder("digimedia-reglages-");
    const other = await startServer({ DATA_DIR: data, SITE_URL: "https://preprod.example.fr", SMTP_URL: "" });
    try {
      expect(other.output()).toContain(
        `SITE_URL (https://preprod.example.fr) n’est pas celui du build (${built.siteUrl})`,
      );
      // A reader of the public site signs up: its origin is the build's, not the server's SITE_URL.
      const answer = await fetch(`${other.url}/api/newsletter`, {
        method: "POST",
        body: JSON.stringify({ email: "reglages@exemple.fr" }),
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          Origin: new URL(built.siteUrl).origin,
        },
      });
      expect(answer.status).toBe(200);
      const message = readdirSync(join(data, "outbox")).map((f) => readFileSync(join(data, "outbox", f), "utf8"));
      // Its links lead to the public site (the header is not wrapped, unlike the quoted-printable text).
      expect(message.join("")).toContain(`List-Unsubscribe:\n <${built.siteUrl}/api/newsletter/unsubscribe?token=`);
      expect(message.join("")).not.toContain("preprod.example.fr");
    } finally {
      await other.stop();
    }
  });

  it("says in French, without a stack trace, that the site must be built first", () => {
    const empty = temporaryFolder("digimedia-vide-");
    const child = spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", "server/main.ts"], {
      cwd: projectRoot,
      env: { ...process.env, DIST_DIR: empty },
      encoding: "utf8",
    });
    expect(child.status).toBe(1);
    expect(unstamped(child.stderr).trim()).toBe(
      `Aucun site construit dans ${empty}\u00a0: lancez d’abord npm run build (npm start construit puis sert).`,
    );
  });
});

describe("a server that cannot start", () => {
  const serve = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", "server/main.ts"], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATA_DIR: temporaryFolder("digimedia-demarrage-"),
        SMTP_URL: "smtp://localhost:1",
        ...env,
      },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("says in one French line, without a stack trace, that its port is taken, and fails", () => {
    const port = new URL(server.url).port;
    const child = serve({ HOST: "127.0.0.1", PORT: port });
    expect(child.status).toBe(1);
    expect(unstamped(child.stderr).trim()).toBe(
      `Impossible d’écouter sur 127.0.0.1:${port}\u00a0: ce port est déjà pris (un autre serveur y écoute). Arrêtez-le, ou donnez un autre PORT.`,
    );
  });

  it("says in one French line that PORT is no port number, and fails", () => {
    const child = serve({ PORT: "abc" });
    expect(child.status).toBe(1);
    expect(unstamped(child.stderr).trim()).toBe(
      "PORT (abc) n’est pas un numéro de port\u00a0: donnez un entier de 0 à 65535 (par défaut 4321).",
    );
  });
});

describe("the log", () => {
  it("puts the instant in front of every line the server writes", () => {
    const lines = server.output().trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S/);
  });
});

describe("health and stop", () => {
  it("says healthy when the database can be written", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it("says 503 when the data folder cannot hold a database", async () => {
    const file = join(dataDir, "pas-un-dossier");
    writeFileSync(file, "");
    const broken = await startServer({ DATA_DIR: file });
    try {
      expect((await fetch(`${broken.url}/healthz`)).status).toBe(503);
      const signup = await fetch(`${broken.url}/api/newsletter`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ email: "a@exemple.fr" }),
      });
      expect(signup.status).toBe(503);
    } finally {
      await broken.stop();
    }
  });

  it("stops when the supervisor signals npm run serve, not only the server itself", async () => {
    // npm runs a script through sh, which dies on SIGTERM without passing it on (Debian's dash).
    const port = await freePort();
    const npm = await startListening(
      ["run", "--silent", "serve"],
      { ...process.env, HOST: "127.0.0.1", PORT: String(port), DATA_DIR: temporaryFolder("digimedia-npm-") },
      port,
      20,
      "npm",
    );
    await npm.stop("SIGTERM");
    expect(npm.output()).toContain("Serveur arrêté.");
    await expect(fetch(`${npm.url}/`)).rejects.toThrow();
  });

  it("finishes the request in flight on SIGTERM, refuses new ones, and exits 0", async () => {
    const stopping = await startServer({ DATA_DIR: temporaryFolder("digimedia-stop-") });
    const port = new URL(stopping.url).port;
    // A signup whose body arrives in two parts, the second after the stop: the stop must wait for it.
    const [head, tail] = ['{"email":"lent', '@exemple.fr"}'];
    let connected = (): void => undefined;
    const connection = new Promise<void>((resolve) => (connected = resolve));
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/newsletter",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "Content-Length": Buffer.byteLength(head + tail),
      },
    });
    const answer = new Promise<number>((resolve, reject) => {
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
    });
    req.on("socket", (socket) => socket.on("connect", connected));
    req.write(head);
    await connection;
    // The server takes the connection and reads the headers before it hears of the stop.
    await new Promise((r) => setTimeout(r, 200));
    const exit = stopping.stop("SIGTERM");
    // New connections are refused as soon as the server has heard the signal.
    for (let tries = 0; ; tries++) {
      const refused = await fetch(`${stopping.url}/`).then(
        () => false,
        () => true,
      );
      if (refused) break;
      if (tries > 50) throw new Error("le serveur accepte encore des connexions après SIGTERM");
      await new Promise((r) => setTimeout(r, 100));
    }
    req.end(tail);
    expect(await answer).toBe(200);
    expect(await exit).toBe(0);
    expect(stopping.output()).toContain("Serveur arrêté.");
  });
});
