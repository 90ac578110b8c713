import { expect, test, type Page } from "@playwright/test";
import { focusedTag } from "./focus.ts";
import AxeBuilder from "@axe-core/playwright";
import { corpusUrl } from "./ports.ts";

const seedTitle = "Tencent et Ant Group dans la ligne de mire des États-Unis";

test.describe("search on the site", () => {
  for (const query of ["Tencent", "etats-unis", "États-Unis"]) {
    test(`finds the seed article for ${query}, with its category, date and highlighted words`, async ({ page }) => {
      await page.goto("/recherche/");
      await page.getByLabel("Mots à chercher").fill(query);
      const result = page.getByRole("link", { name: seedTitle });
      await expect(result).toBeVisible();
      await expect(page.getByRole("status")).toHaveText(`1 résultat pour «\u202f${query}\u202f»`);
      const item = page.locator("#resultats li").first();
      await expect(item.locator(".meta")).toHaveText("International · 12 octobre 2020");
      await expect(item.locator("mark").first()).toBeVisible();
      expect(new URL(page.url()).searchParams.get("q")).toBe(query);
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }

  test("says so in French when nothing matches", async ({ page }) => {
    await page.goto("/recherche/?q=zzzyxwv");
    await expect(page.getByRole("status")).toHaveText(/^Aucun résultat pour «\u202fzzzyxwv\u202f»/);
    await expect(page.locator("#resultats li")).toHaveCount(0);
  });

  test("points to the filters, not the spelling, when only they empty the list", async ({ page }) => {
    await page.goto("/recherche/?q=paiement&rubrique=Tech");
    await expect(page.getByRole("status")).toHaveText(
      "Aucun résultat pour «\u202fpaiement\u202f» (rubrique Tech). Essayez dans toutes les rubriques, ou avec un autre mot.",
    );
    await page.getByLabel("Rubrique", { exact: true }).selectOption("");
    await expect(page.getByRole("status")).toHaveText("1 résultat pour «\u202fpaiement\u202f»");
  });

  test("is reached from the header's search box and works from a shared URL and with the back button", async ({
    page,
  }) => {
    await page.goto("/categorie/international/");
    await page.getByRole("search", { name: "Rechercher sur le site" }).getByRole("searchbox").fill("Tencent");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/recherche\/\?q=Tencent$/);
    await page.getByRole("link", { name: seedTitle }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedTitle);
    await page.goBack();
    await expect(page.getByLabel("Mots à chercher")).toHaveValue("Tencent");
    await expect(page.getByRole("link", { name: seedTitle })).toBeVisible();
  });

  test("is usable with the keyboard alone", async ({ page }) => {
    await page.goto("/recherche/");
    await page.getByLabel("Mots à chercher").focus();
    await page.keyboard.type("Tencent");
    await expect(page.getByRole("link", { name: seedTitle })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Rubrique", { exact: true })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Trier par")).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: seedTitle })).toBeFocused();
  });

  test("Enter in the field moves the focus to the count, from which Tab leads to the first result", async ({
    page,
  }) => {
    await page.goto("/recherche/");
    const box = page.getByLabel("Mots à chercher");
    const status = page.getByRole("status");
    await box.focus();
    await page.keyboard.type("Tencent");
    await expect(page.getByRole("link", { name: seedTitle })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(status).toBeFocused();
    expect(await focusedTag(page)).toBe("P");
    await expect(status).toHaveText("1 résultat pour «\u202fTencent\u202f»");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: seedTitle })).toBeFocused();
  });

  test("Enter after new words never focuses the count of the search before: it says the search is under way, then its answer", async ({
    page,
  }) => {
    await page.goto("/recherche/?q=zzzyxwv");
    const status = page.getByRole("status");
    await expect(status).toHaveText(/^Aucun résultat pour «\u202fzzzyxwv\u202f»/);
    // What the count says when it gets the focus (what a screen reader reads first), then each change.
    await status.evaluate((count) => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      count.addEventListener("focus", () => said.push(`focus: ${count.textContent}`));
      new MutationObserver(() => said.push(count.textContent)).observe(count, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.getByLabel("Mots à chercher").fill("Tencent");
    await page.keyboard.press("Enter");
    await expect(status).toHaveText("1 résultat pour «\u202fTencent\u202f»");
    await expect(status).toBeFocused();
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said.find((text) => text.startsWith("focus: "))).toBe("focus: Recherche en cours…");
    expect(said.at(-1)).toBe(await status.textContent());
  });

  test("the page's title names the search, its filters too, and is the page's own again once the form is emptied", async ({
    page,
  }) => {
    await page.goto("/recherche/");
    await expect(page).toHaveTitle("Rechercher — Digimedia");
    const box = page.getByLabel("Mots à chercher");
    await box.fill("Tencent");
    await expect(page.getByRole("link", { name: seedTitle })).toBeVisible();
    await expect(page).toHaveTitle("«\u202fTencent\u202f» — Rechercher — Digimedia");
    await page.getByLabel("Rubrique", { exact: true }).selectOption("International");
    await expect(page).toHaveTitle("«\u202fTencent\u202f» (rubrique International) — Rechercher — Digimedia");
    await box.fill("");
    await expect(page).toHaveTitle("Rubrique International — Rechercher — Digimedia");
    await page.getByLabel("Rubrique", { exact: true }).selectOption("");
    await expect(page).toHaveTitle("Rechercher — Digimedia");
    await expect(page.getByRole("status")).toHaveText("");
    // A shared search's URL gives the page its title too.
    await page.goto("/recherche/?q=Tencent&annee=2020");
    await expect(page.getByRole("link", { name: seedTitle })).toBeVisible();
    await expect(page).toHaveTitle("«\u202fTencent\u202f» (année 2020) — Rechercher — Digimedia");
  });

  test("keeps and searches what the reader typed while the index was still loading (slow phone)", async ({ page }) => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pagefind/pagefind.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/recherche/");
    await page.getByLabel("Mots à chercher").fill("Tencent");
    release();
    await expect(page.getByRole("link", { name: seedTitle })).toBeVisible();
    await expect(page.getByLabel("Mots à chercher")).toHaveValue("Tencent");
    expect(new URL(page.url()).searchParams.get("q")).toBe("Tencent");
  });

  test("while the index loads, a shared search's words are in the field and the page does not say JavaScript is off", async ({
    page,
  }) => {
    let requested = (): void => undefined;
    const asked = new Promise<void>((resolve) => (requested = resolve));
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pagefind/pagefind.js", async (route) => {
      requested();
      await held;
      await route.continue();
    });
    await page.goto("/recherche/?q=cnil&rubrique=International");
    await asked;
    await expect(page.getByText("La recherche a besoin de JavaScript")).toBeHidden();
    await expect(page.getByLabel("Mots à chercher")).toHaveValue("cnil");
    await expect(page.getByLabel("Rubrique", { exact: true })).toHaveValue("International");
    release();
    await expect(page.getByRole("status")).toHaveText(
      /^Aucun résultat pour «\u202fcnil\u202f» \(rubrique International\)/,
    );
    await expect(page.getByLabel("Mots à chercher")).toHaveValue("cnil");
  });

  test("when the index cannot load, says only that the search is unavailable, the words still in the field", async ({
    page,
  }) => {
    await page.route("**/pagefind/pagefind.js", (route) => route.abort());
    await page.goto("/recherche/?q=cnil");
    await expect(page.getByRole("status")).toHaveText(
      "La recherche est indisponible pour le moment. Parcourez les rubriques ou les archives.",
    );
    await expect(page.getByText("La recherche a besoin de JavaScript")).toBeHidden();
    await expect(page.getByLabel("Mots à chercher")).toHaveValue("cnil");
  });

  test("reading pages load no search code or index", async ({ page }) => {
    const loaded: string[] = [];
    page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto("/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/");
    await page.goto("/");
    await page.goto("/categorie/international/");
    expect(loaded.filter((p) => p.startsWith("/pagefind/") || p.includes("recherche"))).toEqual([]);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's box still leads to the search page, which offers categories and archives", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("search", { name: "Rechercher sur le site" }).getByRole("searchbox").fill("Tencent");
    await page.getByRole("search", { name: "Rechercher sur le site" }).getByRole("button").click();
    await expect(page).toHaveURL(/\/recherche\/\?q=Tencent$/);
    await expect(page.getByText("La recherche a besoin de JavaScript")).toBeVisible();
    await expect(page.getByRole("link", { name: "archives par date" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "International" })).toBeVisible();
  });
});

/** Each result on the page as a reader sees it: title, excerpt, and the highlighted words. */
function shownResults(page: Page): Promise<{ title: string; excerpt: string; marks: string[] }[]> {
  return page.locator("#resultats li").evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector("h2")?.textContent ?? "",
      excerpt: item.querySelector(".excerpt")?.textContent ?? "",
      marks: [...item.querySelectorAll(".excerpt mark")].map((mark) => mark.textContent),
    })),
  );
}

test.describe("search in the 200-article corpus", () => {
  test("excerpts keep French spacing, so no line of a result starts with « : » or « ! »", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=Orange`);
    await expect(page.getByRole("status")).toHaveText(/^\d+\u00a0résultats? pour/);
    // The count is announced before the first results are drawn.
    await expect(page.locator("#resultats li .excerpt").first()).toBeVisible();
    const excerpts = await page.locator("#resultats li .excerpt").allTextContents();
    // The corpus's sentences hold « », colons and question marks: the check below has something to check.
    expect(excerpts.join(" ")).toMatch(/[«:?!]/);
    for (const text of excerpts) {
      expect(text).not.toMatch(/ [:;!?»]/);
      expect(text).not.toMatch(/« /);
    }
  });

  test("an excerpt cut from the middle of an article says so with « … »", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=transparence`);
    await expect(page.locator("#resultats li .excerpt").first()).toBeVisible();
    const results = await shownResults(page);
    // The indexed text of an article starts with its chapô; an excerpt from further on starts with "… " then a
    // word, never the punctuation that ended the text before the cut.
    for (const { title, excerpt } of results) expect(excerpt, title).toMatch(/^(… )?[^\s:;!?,.»)…]/);
    expect(results.filter(({ excerpt }) => excerpt.startsWith("… ")).length).toBeGreaterThan(0);
    expect(results.filter(({ excerpt }) => excerpt.endsWith(" …")).length).toBeGreaterThan(0);
  });

  test("a word after l’ or d’ is found and highlighted, and results keep their apostrophes curly", async ({ page }) => {
    // "Selon l’Arcep" and "L’Arcep teste…": Pagefind reads the typographic apostrophe as part of the word.
    await page.goto(`${corpusUrl}/recherche/?q=Arcep`);
    await expect(page.getByRole("status")).toHaveText(/^\d+\u00a0résultats? pour/);
    await expect(page.locator("#resultats li").first()).toBeVisible();
    const results = await shownResults(page);
    expect(results.length).toBeGreaterThan(0);
    for (const { title, excerpt, marks } of results) {
      expect(`${title} ${excerpt}`, title).toMatch(/Arcep/);
      for (const mark of marks) expect(mark, title).toMatch(/Arcep/);
      expect(`${title} ${excerpt}`, title).not.toContain("'");
    }
    expect(results.map((r) => r.excerpt).join(" ")).toMatch(/[lL]’Arcep/);
  });

  test("filtering by category narrows the results", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=annonce`);
    const status = page.getByRole("status");
    await expect(status).toHaveText(/^\d+\u00a0résultats pour/);
    const all = Number(/^(\d+)/.exec((await status.textContent()) ?? "")?.[1]);
    await page.getByLabel("Rubrique", { exact: true }).selectOption("Tech");
    await expect(status).not.toHaveText(new RegExp(`^${all}\u00a0`));
    const tech = Number(/^(\d+)/.exec((await status.textContent()) ?? "")?.[1]);
    expect(tech).toBeGreaterThan(0);
    expect(tech).toBeLessThan(all);
    await expect(page.locator("#resultats li .meta").first()).toHaveText(/^Tech · /);
    for (const meta of await page.locator("#resultats li .meta").allTextContents()) expect(meta).toMatch(/^Tech · /);
    expect(new URL(page.url()).searchParams.get("rubrique")).toBe("Tech");
    await expect(status).toHaveText(/\(rubrique Tech\)$/);
  });

  test("highlights the word found, not the punctuation after it", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=données`);
    await expect(page.locator("#resultats li").first()).toBeVisible();
    const marks = await page.locator("#resultats mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/\p{L}$/u);
  });

  test("a category chosen without a word lists its articles, newest first", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/`);
    const status = page.getByRole("status");
    await page.getByLabel("Rubrique", { exact: true }).selectOption("Tech");
    await expect(status).toHaveText(/^\d+\u00a0articles \(rubrique Tech\), du plus récent au plus ancien$/);
    // The count is written before the first results are fetched and shown.
    await expect(page.locator("#resultats li .meta").first()).toHaveText(/^Tech · /);
    const metas = await page.locator("#resultats li .meta").allTextContents();
    expect(metas.length).toBeGreaterThan(1);
    for (const meta of metas) expect(meta).toMatch(/^Tech · /);
    // Newest first: the dates of the metas ("Tech · 12 mars 2025") go down.
    const months = [
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ];
    const times = metas.map((meta) => {
      const [, day = "", month = "", year = ""] = /(\d+)(?:er)?\s(\p{L}+)\s(\d{4})/u.exec(meta) ?? [];
      return Date.UTC(Number(year), months.indexOf(month), Number(day));
    });
    expect(times.every((t) => !Number.isNaN(t))).toBe(true);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test("« Afficher plus » takes the focus to the first new result and says how many show; the last never leaves it on the hidden button", async ({
    page,
  }) => {
    await page.goto(`${corpusUrl}/recherche/?q=données`);
    const status = page.getByRole("status");
    await expect(status).toHaveText(/^\d+\u00a0résultats pour «\u202fdonnées\u202f»$/);
    const total = Number(/^(\d+)/.exec((await status.textContent()) ?? "")?.[1]);
    // Two clicks at least, the last one showing fewer than ten: every case is seen.
    expect(total).toBeGreaterThan(20);
    expect(total % 10).not.toBe(0);
    const items = page.locator("#resultats li");
    const more = page.getByRole("button", { name: "Afficher plus de résultats" });
    await expect(items).toHaveCount(10);
    for (let shown = 10; shown < total; shown += 10) {
      await more.focus();
      await page.keyboard.press("Enter");
      const now = Math.min(shown + 10, total);
      await expect(items).toHaveCount(now);
      await expect(items.nth(shown).getByRole("link")).toBeFocused();
      expect(await focusedTag(page)).toBe("A");
      await expect(status).toHaveText(`${now} résultats affichés sur ${total} pour «\u202fdonnées\u202f»`);
    }
    await expect(more).toBeHidden();
    await expect(items.nth(total - (total % 10)).getByRole("link")).toBeFocused();
  });

  test("« Afficher plus » on a category's list keeps its words", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?rubrique=Tech`);
    const status = page.getByRole("status");
    await expect(status).toHaveText(/^\d+\u00a0articles \(rubrique Tech\), du plus récent au plus ancien$/);
    const total = Number(/^(\d+)/.exec((await status.textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThan(10);
    // A list of articles, not results of words.
    await page.getByRole("button", { name: "Afficher plus d’articles" }).click();
    await expect(page.locator("#resultats li").nth(10).getByRole("link")).toBeFocused();
    await expect(status).toHaveText(
      `${Math.min(20, total)} articles affichés sur ${total} (rubrique Tech), du plus récent au plus ancien`,
    );
  });

  test.describe("on a 360 × 640 phone", () => {
    test.use({ viewport: { width: 360, height: 640 } });

    test("sending the search brings its answer into view", async ({ page }) => {
      await page.goto(`${corpusUrl}/recherche/`);
      const box = page.getByLabel("Mots à chercher");
      await box.fill("données");
      await box.press("Enter");
      const status = page.getByRole("status");
      await expect(status).toHaveText(/résultats? pour/);
      await expect(status).toBeInViewport();
      await expect(page.locator("#resultats li").first()).toBeInViewport();
      await expect(box).not.toBeFocused();
      // The focus is on the count, not lost on the page (where Tab would start again from the top).
      await expect(status).toBeFocused();
      expect(await focusedTag(page)).toBe("P");
    });
  });
});
