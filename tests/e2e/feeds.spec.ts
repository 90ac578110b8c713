import { expect, test } from "@playwright/test";

test("a person opening the feed of a category without articles reads that it has none yet, under the heading", async ({
  page,
}) => {
  // The seed article is in International: Tech has no article.
  await page.goto("/categorie/tech/rss.xml");
  const heading = page.getByRole("heading", { level: 2, name: "Derniers articles" });
  await expect(heading).toBeVisible();
  await expect(page.locator("ul.items > li")).toHaveCount(0);
  const empty = page.getByText("Aucun article dans cette rubrique pour le moment.", { exact: true });
  await expect(empty).toBeVisible();
  // Right under the heading, not elsewhere on the page.
  expect(await heading.evaluate((h) => h.nextElementSibling?.textContent.trim())).toBe(
    "Aucun article dans cette rubrique pour le moment.",
  );
  // A feed with articles lists them, and says nothing of the kind.
  await page.goto("/categorie/international/rss.xml");
  await expect(page.locator("ul.items > li")).toHaveCount(1);
  await expect(page.getByText("Aucun article")).toHaveCount(0);
});
