import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pageTypes } from "./pages.ts";

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
