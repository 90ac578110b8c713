/**
 * `npm run dev` shows editors their drafts and scheduled articles, marked « Aperçu » wherever they
 * appear (README), and a build never publishes them. This runs the real dev server on a folder
 * holding one article of each kind.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearBuildCaches } from "../../src/lib/build-caches.ts";
import { CHROMIUM_ARGS, findChromium } from "../chromium.ts";
import { projectRoot } from "./astro.ts";
import { freePort, startListening, type RunningServer } from "./server.ts";

const contentDir = mkdtempSync(join(tmpdir(), "digimedia-preview-"));
let server: RunningServer | undefined;
let url = "";

const article = (title: string, date: string, extra = ""): string =>
  `---\ntitle: ${title}\ndescription: Un chapô.\ndate: ${date}\ncategory: tech\n${extra}---\n\nDu texte.\n`;

/** The environment of `npm run dev`: vitest's own variables (VITEST, NODE_ENV=test) would change Astro's mode. */
function devEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith("VITEST") && name !== "NODE_ENV" && name !== "TEST",
    ),
  );
  return { ...env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: "1" };
}

beforeAll(async () => {
  writeFileSync(join(contentDir, "publie.md"), article("Un article publié", "2021-05-03"));
  writeFileSync(join(contentDir, "brouillon.md"), article("Un brouillon", "2021-05-04", "draft: true\n"));
  writeFileSync(join(contentDir, "programme.md"), article("Un article programmé", "2099-01-01"));
  const port = await freePort();
  server = await startListening(
    [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "dev", "--host", "127.0.0.1", "--port", String(port)],
    devEnv(),
    port,
    60,
  );
  url = server.url;
}, 70_000);

afterAll(async () => {
  await server?.stop();
  rmSync(contentDir, { recursive: true, force: true });
  clearBuildCaches(projectRoot, contentDir);
});

describe("astro dev", () => {
  it("lists drafts and scheduled articles marked « Aperçu », and published ones unmarked", async () => {
    const home = parse(await (await fetch(`${url}/`)).text());
    const card = (title: string) =>
      home
        .querySelectorAll("article")
        .find((article) => article.querySelector("a")?.text.includes(title) === true || article.text.includes(title));
    const mark = (title: string): string | undefined =>
      card(title)?.querySelector(".preview")?.text.replace(/\s+/g, " ").trim();
    expect(mark("Un brouillon")).toBe("Aperçu, brouillon (draft: true)");
    expect(mark("Un article programmé")).toBe("Aperçu, programmé");
    // Listed, without the mark.
    expect(card("Un article publié")).toBeDefined();
    expect(mark("Un article publié")).toBeUndefined();
  });

  it("marks the draft's own page too", async () => {
    const page = parse(await (await fetch(`${url}/articles/brouillon/`)).text());
    expect(page.querySelector(".preview")?.text).toMatch(/^\s*Aperçu, brouillon/);
  });

  it("draws the marks with their dashed border, the page's in bold", async () => {
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const look = async (selector: string) =>
        page.locator(selector).evaluate((mark) => {
          const style = getComputedStyle(mark);
          return { border: `${style.borderTopWidth} ${style.borderTopStyle}`, weight: style.fontWeight };
        });
      await page.goto(`${url}/articles/brouillon/`);
      expect(await look(".story-head .preview")).toEqual({ border: "2px dashed", weight: "700" });
      await page.goto(`${url}/`);
      expect(await look(".card .preview >> nth=0")).toMatchObject({ border: "1px dashed" });
    } finally {
      await browser.close();
    }
  });
});
