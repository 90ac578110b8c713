/**
 * Wide tables and long code lines of an article's body, on a phone and on paper. The site's articles have
 * neither: the body below is rendered by the site's own Markdown pipeline and put in a built article page.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { articleMarkdown } from "../../src/lib/markdown.ts";
import { pageTypes } from "./pages.ts";

const body = `Le comparatif des forfaits du mois.

| Opérateur | Données mensuelles | Prix mensuel | Engagement | Appels internationaux | Couverture 5G |
| --- | --- | ---: | --- | --- | ---: |
| Orange | 100 Go | 19,99 € | Sans engagement | Illimités vers l’Europe | 98 % |
| Bouygues Telecom | 150 Go | 16,99 € | Douze mois | Cent minutes | 96 % |

Et le code de l’exemple :

\`\`\`js
const reponse = await fetch("https://example.com/une/adresse/tres/longue/qui/deborde/de/la/page?avec=des&parametres=nombreux");
\`\`\`
`;

// Astro's default options, as the site's build has them (the code block highlighted, its colours inline).
const renderer = await articleMarkdown.createRenderer({});
const html = (await renderer.render(body)).code;

/** The seed article's page with the body above in place of its own. */
async function articleWithTableAndCode(page: Page): Promise<void> {
  await page.goto(pageTypes.article);
  await page.locator(".prose").evaluate((prose, markup) => (prose.innerHTML = markup), html);
}

test.describe("on a 360 × 740 phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`a six-column table scrolls in its own box, reached with Tab, not the page (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await articleWithTableAndCode(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const region = page.getByRole("region", { name: "Tableau", exact: true });
      const { scroll, client } = await region.evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
      expect(scroll, "le tableau est plus large que sa boîte").toBeGreaterThan(client);

      // The keyboard scrolls it: focused with Tab from the link before it (the byline's date), then the arrow key.
      await page.locator(".byline a").focus();
      await page.keyboard.press("Tab");
      await expect(region).toBeFocused();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
      await region.evaluate((box) => {
        box.scrollTo({ left: box.scrollWidth, behavior: "instant" });
      });
      const last = await page.getByRole("columnheader", { name: "Couverture 5G" }).boundingBox();
      expect((last?.x ?? Infinity) + (last?.width ?? 0), "dernière colonne lisible").toBeLessThanOrEqual(360);

      // A plain style: headers read from the left, rows apart, each column a few words wide.
      const header = page.getByRole("columnheader", { name: "Opérateur" });
      expect(await header.evaluate((th) => getComputedStyle(th).textAlign)).toBe("left");
      expect(
        await page.getByRole("cell", { name: "Orange" }).evaluate((td) => getComputedStyle(td).borderBottomStyle),
      ).toBe("solid");
      const { height, lineHeight } = await page
        .getByRole("columnheader", { name: "Données mensuelles" })
        .evaluate((th) => ({ height: th.clientHeight, lineHeight: parseFloat(getComputedStyle(th).lineHeight) }));
      expect(height, "deux mots sur deux lignes au plus").toBeLessThan(3 * lineHeight);

      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }
});

test("on paper, long code lines and wide tables wrap instead of being cut, and code prints in black", async ({
  page,
}) => {
  await page.emulateMedia({ media: "print" });
  await articleWithTableAndCode(page);
  const pre = page.locator(".prose pre");
  const code = await pre.evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
  expect(code.scroll, "ligne de code coupée").toBeLessThanOrEqual(code.client);
  const box = page.locator(".prose .table-scroll");
  const table = await box.evaluate((div) => ({ scroll: div.scrollWidth, client: div.clientWidth }));
  expect(table.scroll, "tableau coupé").toBeLessThanOrEqual(table.client);
  // The highlighter's light inks are for its dark background, which printers leave out.
  const inks = await pre.locator("span").evaluateAll((spans) => spans.map((s) => getComputedStyle(s).color));
  expect(new Set(inks)).toEqual(new Set(["rgb(0, 0, 0)"]));
});

test("in forced colours, which drop backgrounds, the code block and the wide table that scroll are framed", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.emulateMedia({ forcedColors: "active" });
  await articleWithTableAndCode(page);
  for (const box of [page.locator(".prose pre"), page.locator(".prose .table-scroll")]) {
    const frame = await box.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        width: style.borderTopWidth,
        style: style.borderLeftStyle,
        scrolls: element.scrollWidth > element.clientWidth,
      };
    });
    expect(frame).toEqual({ width: "1px", style: "solid", scrolls: true });
  }
});
