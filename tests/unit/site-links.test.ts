/**
 * The articles' links to the site, followed in the built site: what leads somewhere (a page, a file, an on-demand
 * route, a redirect), and the editor's message for what does not.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteLinksIn } from "../../src/lib/article-checks.ts";
import { deadRedirects, deadSiteLinks, leadsSomewhere, type BuiltSite } from "../../src/integrations/site-links.ts";
import { parseRedirects } from "../../server/redirects.ts";
import { temporaryFolder } from "../temporary-folder.ts";

/** A built site: a page, a folder page, a file of public/, an on-demand route and a redirect. */
function builtSite(): BuiltSite {
  const clientDir = temporaryFolder("site-construit-");
  for (const file of ["index.html", "a-propos/index.html", "page/2/index.html", "images/été 2020.jpg", "rss.xml"]) {
    mkdirSync(join(clientDir, file, ".."), { recursive: true });
    writeFileSync(join(clientDir, file), "x");
  }
  return {
    clientDir,
    onDemand: [/^\/newsletter\/merci\/?$/],
    redirects: parseRedirects(
      "/feed/ /rss.xml 301\n/vieux/* /a-propos/ 301\n/section/:s/feed/ /categorie/:s/rss.xml 301\n/ailleurs/ https://exemple.fr/ 301\n/boucle/ /boucle/ 301\n/chaine/ /feed/ 301",
    ).rules,
  };
}

describe("leadsSomewhere", () => {
  const site = builtSite();
  it.each([
    "/",
    "/a-propos/",
    "/a-propos",
    "/a-propos/?ref=x#haut",
    "/page/2/",
    "/rss.xml",
    "/images/%C3%A9t%C3%A9%202020.jpg",
    "/newsletter/merci/",
    "/feed/",
    "/vieux/x/",
    "/chaine/",
    "/ailleurs/",
  ])("finds %s", (path) => {
    expect(leadsSomewhere(path, site)).toBe(true);
  });

  it.each([
    "/a-propo/",
    "/page/9/",
    "/images/doc.pdf",
    "/rss.xml/x",
    "/..%2F..%2Fetc%2Fpasswd",
    "/%E0%A4%A/",
    "/a%00b/",
    `/${"x".repeat(300)}/`,
    // A redirect to a page that does not exist, or to itself.
    "/section/nimporte/feed/",
    "/boucle/",
  ])("does not find %s", (path) => {
    expect(leadsSomewhere(path, site)).toBe(false);
  });
});

describe("deadSiteLinks", () => {
  it("writes one « Article invalide » block per file, each dead link on its line, as written", () => {
    const site = builtSite();
    const blocks = deadSiteLinks(
      [
        { file: "content/articles/a.md", href: "/a-propo/", path: "/a-propo/" },
        { file: "content/articles/a.md", href: "/a-propos/", path: "/a-propos/" },
        { file: "content/articles/a.md", href: "https://www.digimedia.fr/page/9/", path: "/page/9/" },
        { file: "content/articles/b.md", href: "/feed/", path: "/feed/" },
      ],
      site,
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(/^Article invalide : content\/articles\/a\.md\n/);
    expect(blocks[0]).toContain("le lien «\u202f/a-propo/\u202f» mène à une page que le site construit n’a pas");
    expect(blocks[0]).toContain("le lien «\u202fhttps://www.digimedia.fr/page/9/\u202f» mène");
    expect(blocks[0]).not.toContain("/a-propos/");
  });
});

describe("deadRedirects", () => {
  it("names a line of public/_redirects whose new address is no page of the site, not one with a part of the path", () => {
    const lines =
      "/ancien/ /articles/nouveau-titre-mal-tape/ 301\n/x/ /a-propos/\n/vieux/* /articles/:splat\n/y/ /feed/";
    const site = { ...builtSite(), redirects: parseRedirects(`${lines}\n/feed/ /rss.xml 301`).rules };
    expect(deadRedirects(site)).toEqual([
      "public/_redirects\u00a0: la ligne de /ancien mène à /articles/nouveau-titre-mal-tape/, qui n’est pas une page du site\u00a0: les liens vers l’ancienne adresse y trouveront la page 404\u202f; corrigez la nouvelle adresse",
    ]);
  });
});

describe("siteLinksIn", () => {
  it("gives a body's links to the site, each once, with their path; not those to other sites, anchors or images", () => {
    expect(
      siteLinksIn(
        '<p><a href="/a-propos/">a</a> <a href="https://www.digimedia.fr/page/2/?x=1">b</a> <a href="/a-propos/">c</a>' +
          ' <a href="https://exemple.fr/">d</a> <a href="#haut">e</a> <img src="/images/x.jpg" alt=""></p>',
      ),
    ).toEqual([
      { href: "/a-propos/", path: "/a-propos/" },
      { href: "https://www.digimedia.fr/page/2/?x=1", path: "/page/2/?x=1" },
    ]);
  });
});
