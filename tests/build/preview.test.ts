/**
 * `npm run dev` shows editors their drafts and scheduled articles, marked « Aperçu » wherever they
 * appear (README), and a build never publishes them; it shows them too, at the foot of every page, the article
 * files they saved with a problem a build would stop on. This runs the real dev server on a folder
 * holding one article of each kind, then saves files into it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { chromium } from "@playwright/test";
import { parse } from "node-html-parser";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clearBuildCaches } from "../../src/lib/build-caches.ts";
import { CHROMIUM_ARGS, findChromium } from "../chromium.ts";
import { projectRoot } from "./astro.ts";
import { freePort, startListening, type RunningServer } from "./server.ts";

const contentDir = mkdtempSync(join(tmpdir(), "digimedia-preview-"));
let server: RunningServer | undefined;
let url = "";

const article = (title: string, date: string, extra = ""): string =>
  `---\ntitle: ${title}\ndescription: Un chapô.\ndate: ${date}\ncategory: tech\n${extra}---\n\nDu texte.\n`;

/** The environment of `npm run dev` on `folder`: vitest's own variables (VITEST, NODE_ENV=test) would change Astro's mode. */
function devEnv(folder = contentDir): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith("VITEST") && name !== "NODE_ENV" && name !== "TEST",
    ),
  );
  return { ...env, CONTENT_DIR: folder, ASTRO_TELEMETRY_DISABLED: "1" };
}

/** `npm run dev` on `folder`, answering on `port`. */
function startDev(folder: string, port: number): Promise<RunningServer> {
  return startListening(
    [join(projectRoot, "node_modules/astro/bin/astro.mjs"), "dev", "--host", "127.0.0.1", "--port", String(port)],
    devEnv(folder),
    port,
    60,
  );
}

beforeAll(async () => {
  writeFileSync(join(contentDir, "publie.md"), article("Un article publié", "2021-05-03"));
  writeFileSync(join(contentDir, "brouillon.md"), article("Un brouillon", "2021-05-04", "draft: true\n"));
  writeFileSync(join(contentDir, "programme.md"), article("Un article programmé", "2099-01-01"));
  writeFileSync(join(contentDir, "essai.md"), article("Un essai", "2021-05-05"));
  const port = await freePort();
  server = await startDev(contentDir, port);
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

/** A page's notice of refused files (src/components/RefusedArticles.astro), if any, and its h1. */
async function refusedNotice(
  path: string,
  base = url,
): Promise<{ status: number; notice: string[] | undefined; title: string }> {
  const response = await fetch(`${base}${path}`);
  const page = parse(await response.text());
  const notice = page.querySelector(".refused");
  return {
    status: response.status,
    // Its heading, then each file's sentence and problems (a line each, spaces between words as written).
    notice: notice?.querySelectorAll("summary, p, pre").map((part) => part.text.replace(/\n\s*/g, " | ")),
    title: page.querySelector("h1")?.text.trim() ?? "",
  };
}

/** Asks `probe` again until it answers (the dev server syncs a saved file within a second or two). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} : toujours pas au bout de ${String(seconds)} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("astro dev, an article file saved with a problem", () => {
  const essai = join(contentDir, "essai.md");
  const nouveau = join(contentDir, "nouveau.md");

  // Each test starts from the folder as it was, with nothing refused: one that fails leaves the next unharmed.
  afterEach(async () => {
    rmSync(nouveau, { force: true });
    // Written only when it changed: saved unchanged, Astro would sync it again and reload the pages open in the next
    // test, late on a loaded machine (ci70, ci71).
    const restored = article("Un essai", "2021-05-05");
    if (readFileSync(essai, "utf8") !== restored) writeFileSync(essai, restored);
    // Synced (its page shows it): a file saved again while Astro still syncs the last save may not be read.
    await until("l’essai rétabli, sans avis", async () => {
      const page = await refusedNotice("/articles/essai/");
      return page.notice === undefined && page.title === "Un essai" ? true : undefined;
    });
  }, 30_000);

  it("keeps the version from before, and says so on every page until the file is mended", async () => {
    writeFileSync(essai, article("Un essai modifié", "2021-05-35"));
    const home = await until("l’avis sur l’accueil", async () => (await refusedNotice("/")).notice);
    expect(home).toEqual([
      "Un article à corriger\u00a0: un build s’arrêterait dessus",
      "Modification non prise en compte\u00a0: le site montre la version précédente de ce fichier.",
      expect.stringMatching(/^Article invalide : \S*essai\.md \| - champ « date » : .*« 2021-05-35 »/),
    ]);
    // The article's page says it too, over its last accepted version.
    const page = await refusedNotice("/articles/essai/");
    expect(page.notice).toEqual(home);
    expect(page.title).toBe("Un essai");
    // Mended: the notice goes, the page shows the new version.
    writeFileSync(essai, article("Un essai corrigé", "2021-05-05"));
    const mended = await until("la page corrigée", async () => {
      const now = await refusedNotice("/articles/essai/");
      return now.notice === undefined && now.title === "Un essai corrigé" ? now : undefined;
    });
    expect(mended.status).toBe(200);
    expect((await refusedNotice("/")).notice).toBeUndefined();
  }, 60_000);

  it("says of a draft saved with a problem that a build would leave it out, not stop on it", async () => {
    writeFileSync(essai, article("Un essai modifié", "2021-05-35", "draft: true\n"));
    const home = await until("l’avis sur l’accueil", async () => (await refusedNotice("/")).notice);
    expect(home).toEqual([
      "Un article à corriger\u00a0: un brouillon, qu’un build laisserait de côté",
      "Brouillon\u00a0: un build le laisse de côté, sans s’arrêter, tant qu’il n’est pas corrigé.",
      "Modification non prise en compte\u00a0: le site montre la version précédente de ce fichier.",
      expect.stringMatching(/^Article invalide : \S*essai\.md \| - champ « date » : .*« 2021-05-35 »/),
    ]);
  }, 60_000);

  it("shows a new article whose text a build would refuse, says what is wrong, and forgets it once deleted", async () => {
    writeFileSync(
      nouveau,
      article("Un nouvel article", "2021-05-06").replace("Du texte.", "Voir [cet article](/articles/inexistant/)."),
    );
    const page = await until("la page du nouvel article", async () => {
      const now = await refusedNotice("/articles/nouveau/");
      return now.status === 200 && now.notice !== undefined ? now : undefined;
    });
    expect(page.title).toBe("Un nouvel article");
    expect(page.notice).toEqual([
      "Un article à corriger\u00a0: un build s’arrêterait dessus",
      "Le site montre cette version, mais un build la refuserait.",
      expect.stringMatching(
        /^Article invalide : \S*nouveau\.md \| - champ « texte » : le lien « \/articles\/inexistant\/ » mène à un article qui n’existe pas/,
      ),
    ]);
    // Saved again as it is (Astro finds it stored unchanged): still refused.
    // (Astro's log is in colour when CI is set: its codes are taken out.)
    const synced = (): number =>
      stripVTControlCharacters(server?.output() ?? "").split("Reloaded data from nouveau.md").length;
    const before = synced();
    writeFileSync(nouveau, readFileSync(nouveau));
    await until("la nouvelle lecture du fichier", () => Promise.resolve(synced() > before ? true : undefined));
    expect((await refusedNotice("/articles/nouveau/")).notice).toEqual(page.notice);
    rmSync(nouveau);
    await until("l’accueil sans l’avis", async () =>
      (await refusedNotice("/")).notice === undefined ? true : undefined,
    );
    // Its page goes once Astro has written its store again.
    await until("la page du nouvel article supprimée", async () =>
      (await refusedNotice("/articles/nouveau/")).status === 404 ? true : undefined,
    );
  }, 60_000);

  it("reloads a page open in the browser, which shows the notice at the foot of the window wherever it is scrolled", async () => {
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 700 } });
      await page.goto(`${url}/articles/essai/`);
      // Vite's client listens for reloads once connected.
      await page.waitForFunction(() =>
        performance.getEntriesByType("resource").some((r) => r.name.includes("@vite/client")),
      );
      // Scrolled to its foot, and still there: a reload from an earlier save would have put it back at its top.
      await vi.waitFor(
        async () => {
          await page.evaluate(() => {
            window.scrollTo(0, document.body.scrollHeight);
          });
          await page.waitForTimeout(300);
          expect(await page.evaluate(() => window.scrollY > 0)).toBe(true);
        },
        { timeout: 10_000, interval: 100 },
      );
      writeFileSync(essai, article("Un essai modifié", "2021-13-01"));
      const notice = page.locator(".refused");
      await notice.waitFor({ state: "visible", timeout: 20_000 });
      await expect.poll(() => notice.textContent()).toMatch(/« 2021-13-01 »/);
      // The reloaded page is back where the editor was (the browser restores its scroll once the page has loaded,
      // later than the notice shows on a first, slower load of the dev server's modules).
      await expect.poll(() => page.evaluate(() => window.scrollY > 0), { timeout: 10_000 }).toBe(true);
      const place = await notice.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return {
          top: box.top > 0,
          bottom: Math.round(box.bottom),
          height: window.innerHeight,
          scrolled: window.scrollY > 0,
        };
      });
      expect(place).toEqual({ top: true, bottom: 700, height: 700, scrolled: true });
      writeFileSync(essai, article("Un essai", "2021-05-05"));
      await notice.waitFor({ state: "detached", timeout: 20_000 });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe("astro dev, started with articles a build would stop on", () => {
  const folder = mkdtempSync(join(tmpdir(), "digimedia-preview-start-"));
  let started: RunningServer | undefined;

  beforeAll(async () => {
    writeFileSync(join(folder, "publie.md"), article("Un article publié", "2021-05-03"));
    writeFileSync(
      join(folder, "sans-rubrique.md"),
      article("Sans rubrique", "2021-05-04").replace("category: tech\n", ""),
    );
    // A header YAML cannot read: a build stops before reading any article.
    writeFileSync(join(folder, "deux-points.md"), article("Tencent : la suite", "2021-05-06"));
    writeFileSync(
      join(folder, "lien.md"),
      article("Un lien", "2021-05-05").replace("Du texte.", "Voir [cet article](/articles/inexistant/)."),
    );
    // Astro runs one dev server per project: the other one's tests are over.
    await server?.stop();
    started = await startDev(folder, await freePort());
  }, 70_000);

  afterAll(async () => {
    await started?.stop();
    rmSync(folder, { recursive: true, force: true });
    clearBuildCaches(projectRoot, folder);
  });

  it("starts all the same, shows the article whose text a build would refuse, leaves out the others, and says so on every page", async () => {
    const base = started?.url ?? "";
    const home = await refusedNotice("/", base);
    const none =
      "Non pris en compte\u00a0: cet article n’apparaît pas sur le site tant que le fichier n’est pas corrigé.";
    expect(home.notice).toEqual([
      "3\u00a0articles à corriger\u00a0: un build s’arrêterait dessus",
      none,
      expect.stringMatching(
        /^Article invalide : \S*deux-points\.md \| - champ « title », ligne 2 : en-tête illisible, un texte qui contient « : »/,
      ),
      "Le site montre cette version, mais un build la refuserait.",
      expect.stringMatching(
        /^Article invalide : \S*lien\.md \| - champ « texte » : le lien « \/articles\/inexistant\/ »/,
      ),
      none,
      expect.stringMatching(/^Article invalide : \S*sans-rubrique\.md \| - champ « category »/),
    ]);
    expect(await refusedNotice("/articles/lien/", base)).toMatchObject({ status: 200, title: "Un lien" });
    expect((await refusedNotice("/articles/sans-rubrique/", base)).status).toBe(404);
    expect(await refusedNotice("/articles/publie/", base)).toMatchObject({ status: 200, notice: home.notice });
    // Mended: it appears, and only the other is listed.
    writeFileSync(join(folder, "sans-rubrique.md"), article("Sans rubrique", "2021-05-04"));
    const mended = await until("l’article corrigé", async () => {
      const now = await refusedNotice("/articles/sans-rubrique/", base);
      return now.status === 200 ? now : undefined;
    });
    expect(mended.title).toBe("Sans rubrique");
    expect(mended.notice?.[0]).toBe("2\u00a0articles à corriger\u00a0: un build s’arrêterait dessus");
  }, 60_000);
});
