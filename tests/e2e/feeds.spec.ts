import { expect, test, type Page } from "@playwright/test";
import { accessibilityTree } from "./accessibility-tree.ts";

/** What a pseudo-element of the first element `selector` finds shows (its CSS content, "none" when it has none). */
const pseudoContent = (page: Page, selector: string, pseudo: "::before" | "::after"): Promise<string> =>
  page.evaluate(
    ([s, p]) => {
      const element = document.querySelector(s);
      return element === null ? "absent" : getComputedStyle(element, p).content;
    },
    [selector, pseudo] as const,
  );

test("a person opening a feed reads, in French, what it is and how to subscribe, then each article's rubrique and title", async ({
  page,
}) => {
  await page.goto("/rss.xml");
  expect(await pseudoContent(page, "channel", "::before")).toBe('"Flux RSS"');
  expect(await pseudoContent(page, "channel > description", "::after")).toContain(
    "Pour vous abonner, copiez l’adresse de cette page et collez-la dans votre lecteur de flux",
  );
  expect(await pseudoContent(page, "channel > language", "::before")).toBe('"Derniers articles"');
  await expect(page.locator("channel > title")).toBeVisible();
  // What a screen reader reads: the heading of the list, not the feed's language code after it.
  const read = (await accessibilityTree(page)).map((node) => node.name);
  expect(read).toContain("Derniers articles");
  expect(read.join(" ")).not.toContain("fr-FR");
  const item = page.locator("item").first();
  await expect(item.locator("> title")).toBeVisible();
  await expect(item.locator("> title")).toHaveText("Tencent et Ant Group dans la ligne de mire des États-Unis");
  // The rubrique above the title; addresses, the English date, the full text and the author's element not shown.
  const [rubrique, title] = await Promise.all([
    item.locator("> category").first().boundingBox(),
    item.locator("> title").boundingBox(),
  ]);
  expect(rubrique?.y ?? Infinity).toBeLessThan(title?.y ?? 0);
  for (const hidden of ["link", "guid", "pubDate", "description"])
    await expect(item.locator(`> ${hidden}`)).toBeHidden();
  // The channel's own address and its atom:link (both « link » to CSS), its image, its dates.
  const shown = await page
    .locator("channel > *:not(title, description, language, item)")
    .evaluateAll((elements) => elements.filter((e) => getComputedStyle(e).display !== "none").map((e) => e.tagName));
  expect(shown).toEqual([]);
  // Nothing of the feed is wider than a phone.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("a person opening the feed of a category without articles reads that it has none yet, under the heading", async ({
  page,
}) => {
  // The seed article is in International: Tech has no article.
  await page.goto("/categorie/tech/rss.xml");
  await expect(page.locator("item")).toHaveCount(0);
  expect(await pseudoContent(page, "channel > language", "::before")).toBe('"Derniers articles"');
  expect(await pseudoContent(page, "channel", "::after")).toBe('"Aucun article dans cette rubrique pour le moment."');
  // A feed with articles lists them, and says nothing of the kind.
  await page.goto("/categorie/international/rss.xml");
  await expect(page.locator("item")).toHaveCount(1);
  expect(await pseudoContent(page, "channel", "::after")).toBe("none");
});
