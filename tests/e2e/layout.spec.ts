import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CATEGORIES } from "../../src/config.ts";
import { pageTypes } from "./pages.ts";
import { corpusUrl } from "./ports.ts";

const widths = [360, 1280] as const;
const schemes = ["light", "dark"] as const;

for (const [type, path] of Object.entries(pageTypes)) {
  test(`${type} (${path}) has no axe violation and no sideways scroll at 360 and 1280 px, light and dark`, async ({
    page,
  }) => {
    await page.goto(path);
    for (const width of widths) {
      for (const colorScheme of schemes) {
        const where = `${width}px, ${colorScheme}`;
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `la page défile horizontalement (${where})`).toBeLessThanOrEqual(0);
        const results = await new AxeBuilder({ page }).analyze();
        const violations = results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(violations, where).toEqual([]);
      }
    }
  });
}

test.describe("screenshots (artifacts to look at, not compared)", () => {
  for (const type of ["home", "article", "category", "month"] as const) {
    for (const width of widths) {
      test(`${type} at ${width}px`, async ({ page }, info) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(pageTypes[type]);
        await page.screenshot({ path: info.outputPath(`${type}-${width}.png`), fullPage: true });
        await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      });
    }
  }
});

test("from 640 px, every section shows without opening a menu (one row on a desktop), the current one marked, and each link reached with Tab shows whole, focus ring included", async ({
  page,
}) => {
  // The phone's menu (tests/e2e/phone.spec.ts) is the same list: from 640 px it shows, closed or not.
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto("/categorie/reseaux-sociaux/");
  const menu = page.getByRole("navigation", { name: "Rubriques" });
  const links = menu.getByRole("link");
  await expect(menu.getByText("Rubriques", { exact: true })).toBeHidden();
  await expect(links).toHaveText(CATEGORIES.map((c) => c.label));
  await expect(menu.locator('[aria-current="page"]')).toHaveText("Réseaux sociaux");
  for (const width of [640, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const link of await links.all()) await expect(link).toBeInViewport({ ratio: 1 });
    const rows = await links.evaluateAll((all) => new Set(all.map((a) => a.getBoundingClientRect().top)).size);
    // Two rows on a 640 px tablet, as before the phone's menu; one on a desktop.
    expect(rows, `${width}px : rangées de rubriques`).toBe(width === 640 ? 2 : 1);
  }
  // On an article, its section is marked too.
  await page.goto("/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/");
  await expect(menu.locator('[aria-current="true"]')).toHaveText("International");
  // From the header's search button, the next stop is the menu's first link.
  await page.getByRole("search").getByRole("button").focus();
  const box = await menu.evaluate((nav) => nav.getBoundingClientRect().toJSON() as DOMRect);
  for (const link of await links.all()) {
    await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    const ring = await link.evaluate((a) => {
      const style = getComputedStyle(a);
      const out = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      const r = a.getBoundingClientRect();
      return { left: r.left - out, right: r.right + out, top: r.top - out, bottom: r.bottom + out };
    });
    const name = await link.textContent();
    expect(ring.left, `${name} : bord gauche`).toBeGreaterThanOrEqual(box.left);
    expect(ring.right, `${name} : bord droit`).toBeLessThanOrEqual(box.right);
    expect(ring.top, `${name} : haut de l’anneau`).toBeGreaterThanOrEqual(box.top);
    expect(ring.bottom, `${name} : bas de l’anneau`).toBeLessThanOrEqual(box.bottom);
  }
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("a card's section label is a link as wide as its word and 24 px tall, not its whole row", async ({ page }) => {
    await page.goto(`${corpusUrl}/`);
    const kicker = page.locator("article .kicker").first();
    const box = await kicker.boundingBox();
    const card = await page.locator("article:has(.kicker)").first().boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(24);
    expect(box?.width ?? 0).toBeLessThan((card?.width ?? 0) / 2);
  });

  test("pagination keeps its numbers on one row and its links in the same place on every page", async ({ page }) => {
    await page.goto(`${corpusUrl}/`);
    const pages = page.getByRole("navigation", { name: "Pagination" });
    const last = await pages.locator("ol a").last().getAttribute("href");
    expect(last).toMatch(/^\/page\/\d+\/$/);
    const places = new Map<string, { x: number; y: number }[]>();
    for (const path of ["/", "/page/2/", "/page/4/", "/page/5/", String(last)]) {
      // On the smallest phone too: page 4 shows its seven numbers, 1 to 7, without an ellipsis.
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`${corpusUrl}${path}`);
      const rowsOf = () =>
        pages.locator("ol > li").evaluateAll((lis) => new Set(lis.map((li) => li.getBoundingClientRect().top)).size);
      expect(await rowsOf(), `${path} : numéros sur une ligne à 320 px`).toBe(1);
      await page.setViewportSize({ width: 360, height: 800 });
      const rows = await rowsOf();
      expect(rows, `${path} : numéros sur une ligne`).toBe(1);
      for (const rel of ["prev", "next"]) {
        const link = pages.locator(`a[rel="${rel}"]`);
        if ((await link.count()) === 0) continue;
        const box = await link.evaluate((a) => a.getBoundingClientRect().toJSON() as DOMRect);
        const nav = await pages.evaluate((n) => n.getBoundingClientRect().toJSON() as DOMRect);
        // "Plus récents" on the left edge, "Plus anciens" on the right edge, one height relative to the nav.
        const x = rel === "prev" ? box.x - nav.x : nav.x + nav.width - (box.x + box.width);
        places.set(rel, [...(places.get(rel) ?? []), { x: Math.round(x), y: Math.round(box.y - nav.y) }]);
      }
    }
    for (const [rel, seen] of places) {
      expect(seen.length, rel).toBeGreaterThan(1);
      for (const place of seen) expect(place, rel).toEqual({ x: 0, y: seen[0]?.y });
    }
  });
});

test("the home page's latest news fill every row of their grid, at every width", async ({ page }) => {
  await page.goto(`${corpusUrl}/`);
  const cards = page.getByRole("region", { name: "Dernières actualités" }).locator(".cards > li");
  for (const width of [360, 800, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const rows = await cards.evaluateAll((items) => {
      const byTop = new Map<number, number>();
      for (const li of items) {
        const top = Math.round(li.getBoundingClientRect().top);
        byTop.set(top, (byTop.get(top) ?? 0) + 1);
      }
      return [...byTop.values()];
    });
    expect(rows.length, `${width}px : plusieurs rangées`).toBeGreaterThan(1);
    // As many cards on the last row as on the first: no hole at the end of the grid.
    expect(new Set(rows).size, `${width}px : cartes par rangée ${rows.join(", ")}`).toBe(1);
  }
});
