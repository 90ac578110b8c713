/** The _redirects lines the Node server follows as static hosts do (server/redirects.ts, server/static.ts). */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findRedirect, parseRedirects } from "../../server/redirects.ts";
import { createStaticHandler, mendedPaths } from "../../server/static.ts";
import { firstPageAddress } from "../../src/lib/urls.ts";
import { temporaryFolder } from "../temporary-folder.ts";

const FILE = `# Articles renommés
/articles/ancien-nom/ /articles/nouveau-nom/ 301
/articles/provisoire /articles/definitif/ 302
/categorie/:category/1/ /categorie/:category/ 301
/vieux/* /neuf/:splat 301
/dehors https://exemple.org/ailleurs 301!
/reecrite /autre 200
/conditionnee /x 301 Country=fr
`;

describe("parseRedirects and findRedirect", () => {
  const { rules, ignored } = parseRedirects(FILE);

  it.each([
    ["/articles/ancien-nom/", "/articles/nouveau-nom/", 301],
    ["/articles/ancien-nom", "/articles/nouveau-nom/", 301],
    ["/articles/provisoire/", "/articles/definitif/", 302],
    ["/categorie/tech/1/", "/categorie/tech/", 301],
    ["/vieux/a/b", "/neuf/a/b", 301],
    ["/dehors", "https://exemple.org/ailleurs", 301],
  ])("leads %s to %s (%d)", (from, location, status) => {
    expect(findRedirect(rules, from)).toEqual({ location, status });
  });

  it.each(["/articles/ancien-nom/suite/", "/categorie/tech/2/", "/articles/", "/reecrite", "/"])(
    "leaves %s alone",
    (path) => {
      expect(findRedirect(rules, path)).toBeUndefined();
    },
  );

  it("names, in French, the lines only the host follows", () => {
    expect(ignored).toEqual([
      "_redirects, ligne 7\u00a0: «\u202f/reecrite /autre 200\u202f» n’est pas une redirection que le serveur Node suit (de, vers, 301, 302, 303, 307 ou 308)\u202f; elle vaut pour l’hébergeur seulement.",
      expect.stringContaining("ligne 8\u00a0: «\u202f/conditionnee /x 301 Country=fr\u202f»"),
    ]);
  });
});

describe("public/_redirects", () => {
  const text = readFileSync(join(import.meta.dirname, "../../public/_redirects"), "utf8");

  it("is all followed by the Node server", () => {
    expect(parseRedirects(text).ignored).toEqual([]);
  });

  it("says of the first pages what firstPageAddress says (src/lib/urls.ts)", () => {
    const lines = text.split("\n").filter((line) => /^\/\S*\/1\/?\s/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [from = "", to = ""] = line.split(/\s+/).map((part) => part.replace(/:\w+/g, "exemple"));
      expect(firstPageAddress(from), line).toBe(to);
    }
  });
});

describe("the static handler", () => {
  let server: Server;
  let url = "";
  let root = "";

  beforeAll(async () => {
    root = temporaryFolder("redirections-");
    writeFileSync(join(root, "_redirects"), "/articles/ancien-nom/ /articles/nouveau-nom/ 301\n");
    mkdirSync(join(root, "tag/ia"), { recursive: true });
    writeFileSync(join(root, "tag/ia/index.html"), "<!doctype html><title>IA</title>");
    const serve = createStaticHandler(root);
    server = createServer((req, res) => {
      void serve(req, res).then((served) => {
        if (!served) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    url = `http://127.0.0.1:${String(typeof address === "object" && address !== null ? address.port : 0)}`;
  });
  afterAll(() => {
    server.close();
  });

  it("follows the file's lines where no file answers, the query kept, and reads the file again once rewritten", async () => {
    const moved = await fetch(`${url}/articles/ancien-nom/?depuis=rss`, { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/articles/nouveau-nom/?depuis=rss");
    expect((await fetch(`${url}/articles/autre/`, { redirect: "manual" })).status).toBe(404);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    writeFileSync(join(root, "_redirects"), "/articles/autre/ /articles/nouveau-nom/ 302\n/x /y 200\n");
    const temporary = await fetch(`${url}/articles/autre/`, { redirect: "manual" });
    expect(temporary.status).toBe(302);
    expect(temporary.headers.get("cache-control")).toBe("no-store");
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it("leads a link mangled on its way to the page meant: punctuation copied after it, capitals typed", async () => {
    for (const asked of ["/tag/ia/%C2%BB", "/tag/ia/).", "/tag/IA/", "/tag/ia%C2%A0", "/Tag/Ia?depuis=x"]) {
      const moved = await fetch(`${url}${asked}`, { redirect: "manual" });
      expect(moved.status, asked).toBe(301);
      expect(moved.headers.get("location"), asked).toBe(asked.includes("?") ? "/tag/ia/?depuis=x" : "/tag/ia/");
    }
    expect((await fetch(`${url}/tag/inconnue/).`, { redirect: "manual" })).status).toBe(404);
  });
});

describe("mendedPaths", () => {
  it.each([
    ["/articles/x/%C2%BB.", "/articles/x/"],
    ["/articles/x),", "/articles/x"],
    ["/TAG/IA/", "/tag/ia/"],
    ["/articles/x/%E2%80%9D", "/articles/x/"],
    ["/categorie/%C3%A9conomie/", "/categorie/economie/"],
    ["/tag/%C3%89nergie/", "/tag/energie/"],
  ])("mends %s into %s", (asked, meant) => {
    expect(mendedPaths(asked).at(-1)).toBe(meant);
  });

  it("tries an address with its accents first: a file of public/ may have some", () => {
    expect(mendedPaths("/images/Caf%C3%A9.jpg")).toEqual(["/images/caf%C3%A9.jpg", "/images/cafe.jpg"]);
  });

  it.each(["/articles/x/", "/%E0%A4%A", "//ailleurs.example/.", "/\\ailleurs.example/)"])(
    "leaves %s alone",
    (asked) => {
      expect(mendedPaths(asked)).toEqual([]);
    },
  );
});
