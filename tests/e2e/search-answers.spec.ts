/**
 * What the search page answers, as the phone reader and the copy editor found it wanting: results that
 * match the words, tags found, an answer while the index loads, Back to where the reader was, the page
 * without JavaScript, excerpts without the title, and the wording of a list and of a straight apostrophe.
 */
import { expect, test } from "@playwright/test";
import { corpusUrl } from "./ports.ts";

const results = "#resultats li";

test.describe("search in the 200-article corpus: results match the words", () => {
  test("a misspelt word says there is no result, instead of listing every « a » and « à »", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=allibaba`);
    await expect(page.getByRole("status")).toHaveText(
      "Aucun résultat pour « allibaba ». Vérifiez l’orthographe, ou essayez un autre mot.",
    );
    await expect(page.locator(results)).toHaveCount(0);
  });

  test("of several words, names the one no article holds", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=allibaba%20orange`);
    await expect(page.getByRole("status")).toHaveText(
      "Aucun résultat pour « allibaba orange » : aucun article ne contient « allibaba ». Vérifiez l’orthographe, ou essayez un autre mot.",
    );
    await expect(page.locator(results)).toHaveCount(0);
  });

  test("« États-Unis » finds the articles tagged so, and never highlights « Et »", async ({ page }) => {
    await page.goto(`${corpusUrl}/tag/etats-unis/`);
    const tagged = await page.locator("main article h2 a, main article h3 a").count();
    expect(tagged).toBeGreaterThan(0);
    await page.goto(`${corpusUrl}/recherche/?q=%C3%89tats-Unis`);
    await expect(page.getByRole("status")).toHaveText(`${tagged} résultat${tagged > 1 ? "s" : ""} pour « États-Unis »`);
    for (const mark of await page.locator(`${results} mark`).allTextContents()) expect(mark).not.toMatch(/^et$/i);
  });

  for (const [tag, slug] of [
    ["IA", "ia"],
    ["rançongiciel", "rancongiciel"],
  ] as const) {
    test(`a tag's name (« ${tag} ») finds the articles of its tag page`, async ({ page }) => {
      await page.goto(`${corpusUrl}/tag/${slug}/`);
      const titles = await page.locator("main article h2 a, main article h3 a").allTextContents();
      expect(titles.length).toBeGreaterThan(0);
      await page.goto(`${corpusUrl}/recherche/?q=${encodeURIComponent(tag)}`);
      await expect(page.getByRole("status")).toHaveText(new RegExp(`^\\d+\\u00a0résultats? pour`));
      await expect(page.locator(results).first()).toBeVisible();
      const found = await page.locator(`${results} h2 a`).allTextContents();
      for (const title of titles.slice(0, 10)) expect(found.map((t) => t.trim())).toContain(title.trim());
    });
  }

  test("an excerpt starts at the chapô, not with the title again", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=cnil`);
    await expect(page.locator(results).first()).toBeVisible();
    const items = await page.locator(results).evaluateAll((lis) =>
      lis.map((li) => ({
        title: li.querySelector("h2")?.textContent.trim() ?? "",
        excerpt: li.querySelector(".excerpt")?.textContent.trim() ?? "",
      })),
    );
    expect(items.length).toBeGreaterThan(1);
    for (const { title, excerpt } of items) expect(excerpt.startsWith(title), title).toBe(false);
  });

  test("results sorted by date come newest first, and the address keeps the order", async ({ page }) => {
    const months = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" ");
    /** « International · 1er octobre 2024 » → "2024-10-01", to compare. */
    const day = (meta: string): string => {
      const [, d = "", m = "", y = ""] = /(\d+)(?:er)?\s(\S+) (\d{4})/u.exec(meta) ?? [];
      return `${y}-${String(months.indexOf(m) + 1).padStart(2, "0")}-${d.padStart(2, "0")}`;
    };
    await page.goto(`${corpusUrl}/recherche/?q=orange`);
    await expect(page.getByRole("status")).toHaveText(/^\d+\srésultats pour «\sorange\s»$/);
    await page.getByLabel("Trier par").selectOption({ label: "Date" });
    await expect(page.getByRole("status")).toHaveText(/résultats pour «\sorange\s», du plus récent au plus ancien$/);
    expect(new URL(page.url()).searchParams.get("tri")).toBe("date");
    const dates = (await page.locator(`${results} .meta`).allTextContents()).map(day);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(dates).toEqual([...dates].sort().reverse());
    // Shared, the address gives the same order.
    await page.reload();
    await expect(page.getByLabel("Trier par")).toHaveValue("date");
    await expect(page.getByRole("status")).toHaveText(/, du plus récent au plus ancien$/);
    expect((await page.locator(`${results} .meta`).allTextContents()).map(day)).toEqual(dates);
  });

  test("a list without words offers « Afficher plus d’articles »", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?annee=2025`);
    await expect(page.getByRole("status")).toHaveText(/articles \(année 2025\), du plus récent au plus ancien$/);
    await expect(page.getByRole("button", { name: "Afficher plus d’articles" })).toBeVisible();
  });

  test("words typed with a straight apostrophe are shown with the typographic one, as the results are", async ({
    page,
  }) => {
    await page.goto(`${corpusUrl}/recherche/?q=l'Arcep`);
    await expect(page.getByRole("status")).toHaveText(/^\d+\u00a0résultats pour «\u202fl’Arcep\u202f»$/);
    await expect(page).toHaveTitle("«\u202fl’Arcep\u202f» — Rechercher — Digimedia");
  });

  test("while typing, the count is announced once the typing pauses, not at each letter", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/`);
    await page.locator("[data-count]").evaluate((count) => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(count.textContent)).observe(count, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    // 300 ms between letters: each one's results are drawn (200 ms), the reader is still typing.
    await page.getByLabel("Mots à chercher").pressSequentially("donn", { delay: 300 });
    await expect(page.getByRole("status")).toHaveText(/résultats pour «\u202fdonn\u202f»$/);
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said.filter((text) => text !== "" && text !== "Recherche en cours…")).toEqual([
      await page.getByRole("status").textContent(),
    ]);
  });

  test("Back from a result shows as many results as before, where the reader was", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=donn%C3%A9es`);
    await expect(page.locator(results)).toHaveCount(10);
    await page.getByRole("button", { name: "Afficher plus de résultats" }).click();
    await expect(page.locator(results)).toHaveCount(20);
    const fifteenth = page.locator(results).nth(14).getByRole("link");
    await fifteenth.scrollIntoViewIfNeeded();
    const title = (await fifteenth.textContent()) ?? "";
    const y = await page.evaluate(() => scrollY);
    expect(y).toBeGreaterThan(500);
    // A page the browser kept whole (back-forward cache) needs nothing: this one is loaded again.
    await page.evaluate(() => {
      addEventListener("unload", () => undefined);
    });
    await fifteenth.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.goBack();
    await expect(page.locator(results)).toHaveCount(20);
    await expect(page.getByRole("status")).toHaveText(/^20\u00a0résultats affichés sur \d+/);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(y - 50);
    await expect(page.getByRole("link", { name: title })).toBeInViewport();
  });
});

test.describe("search on a slow phone", () => {
  test("a shared search says it is searching at once, and Rechercher waits for the index instead of reloading", async ({
    page,
  }) => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pagefind/pagefind.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${corpusUrl}/recherche/?q=Orange`);
    await expect(page.getByRole("status")).toHaveText("Recherche en cours…");
    // A page loaded again would lose this.
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    await page
      .getByRole("search", { name: "Rechercher un article" })
      .getByRole("button", { name: "Rechercher" })
      .click();
    await expect(page.getByRole("status")).toHaveText("Recherche en cours…");
    release();
    await expect(page.getByRole("status")).toHaveText(/^\d+\u00a0résultats? pour «\u202fOrange\u202f»$/);
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  });
});

test.describe("the search page's forms", () => {
  test("each search landmark has a name, and the header's field shows the words searched", async ({ page }) => {
    await page.goto(`${corpusUrl}/recherche/?q=Orange`);
    await expect(page.getByRole("status")).toHaveText(/résultats? pour/);
    const names = await page
      .getByRole("search")
      .evaluateAll((forms) => forms.map((form) => form.getAttribute("aria-label") ?? ""));
    expect(names).toEqual(["Rechercher sur le site", "Rechercher un article"]);
    await expect(page.getByRole("search", { name: "Rechercher sur le site" }).getByRole("searchbox")).toHaveValue(
      "Orange",
    );
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the notice comes first, and the form that cannot search is not shown", async ({ page }) => {
      await page.goto(`${corpusUrl}/recherche/?q=fibre`);
      const notice = page.getByText("La recherche a besoin de JavaScript");
      await expect(notice).toBeVisible();
      await expect(page.getByRole("search", { name: "Rechercher un article" })).toBeHidden();
      await expect(page.getByRole("button", { name: "Afficher plus de résultats" })).toBeHidden();
      const top = await notice.boundingBox();
      const h1 = await page.getByRole("heading", { level: 1 }).boundingBox();
      expect(top?.y).toBeGreaterThan(h1?.y ?? Infinity);
      expect(top?.y).toBeLessThan((h1?.y ?? 0) + 200);
    });
  });
});
