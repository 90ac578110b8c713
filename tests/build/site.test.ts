/**
 * The built site (npm run build → dist/client): every page valid, no broken link, the seed
 * article rendered as a reader should see it, French typography kept, zero JavaScript.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { brokenLinks, htmlErrors, listFiles, page } from "./dist.ts";

const root = join(import.meta.dirname, "../../dist/client");
const seed = "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/";

beforeAll(() => {
  if (!existsSync(join(root, "index.html"))) throw new Error("Lancez d’abord npm run build : dist/client est vide.");
});

describe("every built page", () => {
  it("passes html-validate with no error", async () => {
    expect(await htmlErrors(root)).toEqual([]);
  });

  it("has no broken internal link or fragment", () => {
    expect(brokenLinks(root)).toEqual([]);
  });

  it("is French, has one h1 and a skip link, and loads no JavaScript", () => {
    for (const file of listFiles(root).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(root, file), "utf8");
      const doc = page(root, file);
      expect(doc.querySelector("html")?.getAttribute("lang"), file).toBe("fr");
      expect(doc.querySelectorAll("h1").length, file).toBe(1);
      expect(doc.querySelector("a.skip-link")?.getAttribute("href"), file).toBe("#contenu");
      expect(html, file).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
    }
    expect(listFiles(root).filter((f) => f.endsWith(".js"))).toEqual([]);
  });
});

describe("the seed article", () => {
  const doc = () => page(root, seed);

  it("shows title, standfirst, date, byline, reading time and category", () => {
    const d = doc();
    expect(d.querySelector("h1")?.text).toBe("Tencent et Ant Group dans la ligne de mire des États-Unis");
    expect(d.querySelector(".standfirst")?.text).toMatch(/^Après TikTok, c’est maintenant contre Tencent et Ant Group/);
    const time = d.querySelector(".byline time");
    expect(time?.text).toBe("12 octobre 2020");
    expect(time?.getAttribute("datetime")).toBe("2020-10-12T00:00:00+02:00");
    expect(d.querySelector(".byline")?.text).toContain("La rédaction");
    expect(d.querySelector(".byline")?.text).toMatch(/\d+\u00a0min de lecture/);
    const crumbs = d.querySelectorAll('nav[aria-label="Fil d’Ariane"] li').map((li) => li.text.trim());
    expect(crumbs).toEqual(["Accueil", "International", "Tencent et Ant Group dans la ligne de mire des États-Unis"]);
  });

  it("has the article text in paragraphs and none of the page furniture", () => {
    const body = doc().querySelector(".prose");
    const paragraphs = body?.querySelectorAll("p") ?? [];
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(paragraphs[0]?.text).toMatch(/^Deux sources proches de la Maison-Blanche/);
    expect(paragraphs.at(-1)?.text).toMatch(/changer d’ici peu\.$/);
    const text = body?.text ?? "";
    for (const furniture of ["Comment", "Newsletter", "Enter your Email", "Home/International", "2020-10-12"]) {
      expect(text).not.toContain(furniture);
    }
  });

  it("keeps French typography in the body", () => {
    const text = doc().querySelector(".prose")?.text ?? "";
    expect(text).toContain("«\u202fpromouvoir");
    expect(text).toContain("l’industrie\u202f»");
    expect(text).toContain("presse\u00a0: Donald Trump");
    expect(text).not.toMatch(/ [:;!?»]/);
    expect(text).not.toMatch(/["']/);
  });
});
