import { expect, test } from "@playwright/test";
import { pageTypes } from "./pages.ts";
import { corpusUrl } from "./ports.ts";

for (const colorScheme of ["light", "dark"] as const) {
  test(`with forced colours (${colorScheme}), the current section, page number and feed stand out from the others`, async ({
    page,
  }) => {
    await page.emulateMedia({ forcedColors: "active", colorScheme });
    // Contrast themes paint every border: a transparent one showed like the current one's.
    await page.goto(pageTypes.article);
    const sections = await page
      .getByRole("navigation", { name: "Rubriques" })
      .getByRole("link")
      .evaluateAll((links) =>
        links.map((a) => ({ current: a.hasAttribute("aria-current"), line: getComputedStyle(a).borderBottomColor })),
      );
    const current = sections.filter((s) => s.current).map((s) => s.line);
    const others = new Set(sections.filter((s) => !s.current).map((s) => s.line));
    expect(current).toHaveLength(1);
    expect(others.size, "les autres rubriques ont un même trait").toBe(1);
    expect(others.has(current[0] ?? ""), "le trait de la rubrique courante diffère des autres").toBe(false);

    // The current page number's dark background is dropped by forced colours: it must keep another.
    await page.goto(`${corpusUrl}/page/3/`);
    const { number, page: background } = await page
      .getByRole("navigation", { name: "Pagination" })
      .locator('[aria-current="page"]')
      .evaluate((span) => ({
        number: getComputedStyle(span).backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
      }));
    expect(number, "fond du numéro de la page courante").not.toBe(background);
    expect(number).not.toMatch(/^rgba\(.*, 0\)$/);

    await page.goto("/flux-rss/#flux-international");
    const feeds = await page
      .locator(".feeds li")
      .evaluateAll((items) =>
        items.map((li) => ({ target: li.matches(":target"), line: getComputedStyle(li).borderLeftColor })),
      );
    const target = feeds.filter((f) => f.target).map((f) => f.line);
    expect(target).toHaveLength(1);
    expect(
      feeds.filter((f) => !f.target).some((f) => f.line === target[0]),
      "le flux visé se distingue des autres",
    ).toBe(false);
  });
}
