/**
 * An article on a phone: its first screen shows what the reader came for (title, standfirst, byline and the
 * start of the text), the header's menu reaches every section without JavaScript, and what a thumb taps is
 * 24 px at least (WCAG 2.2, 2.5.8).
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CATEGORIES } from "../../src/config.ts";
import { articleMarkdown } from "../../src/lib/markdown.ts";
import { pageTypes } from "./pages.ts";
import { corpusUrl } from "./ports.ts";

const phones = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
] as const;

// The corpus's longest title (81 characters, on five lines at 360 px) with a two-sentence standfirst and a time
// of publication; and an article updated since, by a named author: four lines of byline.
const articles = {
  seed: pageTypes.article,
  "titre long": `${corpusUrl}/articles/mistral-ai-teste-son-assistant-d-intelligence-artificielle-56/`,
  "mis à jour": `${corpusUrl}/articles/la-cnil-suspend-un-service-de-streaming-126/`,
};

/** The first line of the body's first paragraph, where the screen shows it. */
function firstLine(page: Page): Promise<{ top: number; bottom: number; text: string }> {
  return page
    .locator(".prose > p")
    .first()
    .evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const line = range.getClientRects()[0];
      return { top: line?.top ?? Infinity, bottom: line?.bottom ?? Infinity, text: p.textContent.slice(0, 40) };
    });
}

for (const viewport of phones) {
  test.describe(`on a ${viewport.width} × ${viewport.height} phone`, () => {
    test.use({ viewport });

    for (const [name, url] of Object.entries(articles)) {
      test(`the first screen of an article (${name}) shows its title, standfirst, byline and the first line of its text`, async ({
        page,
      }) => {
        await page.goto(url);
        const story = page.locator("article.story");
        const title = story.getByRole("heading", { level: 1 });
        if (name === "titre long") expect((await title.textContent())?.trim().length).toBeGreaterThan(75);
        await expect(title).toBeInViewport({ ratio: 1 });
        await expect(story.locator(".standfirst")).toBeInViewport({ ratio: 1 });
        const byline = story.locator(".byline");
        await expect(byline).toBeInViewport({ ratio: 1 });
        await expect(byline).toContainText("Par ");
        await expect(byline.locator("time").first()).toBeVisible();
        await expect(byline).toContainText("min de lecture");
        const line = await firstLine(page);
        expect(line.bottom, `première ligne du texte (« ${line.text}… »)`).toBeLessThanOrEqual(viewport.height);
      });
    }

    test("an article with a photo above its text shows the top of the photo on its first screen", async ({ page }) => {
      await page.goto(articles["titre long"]);
      // The corpus has no photo: one of 3:2, sized by its attributes as the layout writes it, where it puts it.
      await page.locator(".prose").evaluate((prose) => {
        const photo = document.createElement("img");
        for (const attribute of prose.getAttributeNames().filter((a) => a.startsWith("data-astro-cid"))) {
          photo.setAttribute(attribute, "");
        }
        Object.assign(photo, { className: "hero", width: 1200, height: 800, alt: "" });
        photo.src = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='1200' height='800'/>";
        prose.before(photo);
      });
      const photo = await page.locator("img.hero").boundingBox();
      expect(photo?.height ?? 0).toBeGreaterThan(150);
      // At least a finger's width of it: a reader sees there is a photo.
      expect(photo?.y ?? Infinity).toBeLessThanOrEqual(viewport.height - 48);
    });
  });
}

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test("nothing above the title repeats it or the element above: the breadcrumb leads to the section, which shows once", async ({
    page,
  }) => {
    await page.goto(pageTypes.article);
    const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
    const breadcrumb = page.getByRole("navigation", { name: "Fil d’Ariane" });
    await expect(breadcrumb.getByRole("listitem")).toHaveText(["Accueil", "International"]);
    await expect(breadcrumb).not.toContainText(title);
    const above = await page.locator("main").evaluate((main) => {
      const h1 = main.querySelector("h1")?.getBoundingClientRect().top ?? 0;
      return [...main.querySelectorAll("*")]
        .filter((e) => e.children.length === 0 && e.checkVisibility() && e.getBoundingClientRect().bottom <= h1)
        .map((e) => e.textContent.trim());
    });
    expect(above).toEqual(["Accueil", "International"]);
  });
});

/** Width and height of a target, and its text's size. */
async function sizes(targets: Locator): Promise<{ name: string; width: number; height: number; font: number }[]> {
  return targets.evaluateAll((all) =>
    all.map((t) => {
      const box = t.getBoundingClientRect();
      const name = t.getAttribute("aria-label") ?? t.textContent.trim();
      return { name, width: box.width, height: box.height, font: parseFloat(getComputedStyle(t).fontSize) };
    }),
  );
}

// Two footnotes, rendered by the site's own pipeline: the site's articles have none.
const renderer = await articleMarkdown.createRenderer({});
const notes = (await renderer.render("Un fait[^1], puis un autre[^2].\n\n[^1]: Une source.\n[^2]: Une autre.\n")).code;

test.describe("what a thumb taps on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 640 } });

  test("the header's links, the menu, the breadcrumb, the tags, the footnote calls and the footer's links are 24 × 24 px at least; the navigation's text 15 px", async ({
    page,
  }) => {
    await page.goto(pageTypes.article);
    await page.locator(".prose").evaluate((prose, html) => (prose.innerHTML = html), notes);
    const header = page.locator("header.site-header");
    const groups = {
      "fil d’Ariane": page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link"),
      étiquettes: page.getByRole("list", { name: "Étiquettes" }).getByRole("link"),
      notes: page.locator(".prose a:is([data-footnote-ref], [data-footnote-backref])"),
      "pied de page": page.locator("footer.site-footer a"),
      // Last, with its menu open.
      "en-tête": header.locator("a:visible, summary"),
    };
    for (const [group, targets] of Object.entries(groups)) {
      if (group === "en-tête") await header.getByText("Rubriques", { exact: true }).click();
      const measured = await sizes(targets);
      expect(measured.length, group).toBeGreaterThan(group === "notes" ? 3 : 1);
      for (const t of measured) {
        expect(t.width, `${group} : largeur de « ${t.name} »`).toBeGreaterThanOrEqual(24);
        expect(t.height, `${group} : hauteur de « ${t.name} »`).toBeGreaterThanOrEqual(24);
      }
    }
    const navigation = [...(await sizes(header.locator("nav a, summary"))), ...(await sizes(groups["fil d’Ariane"]))];
    expect(navigation.length).toBe(CATEGORIES.length + 1 + 2);
    for (const t of navigation) expect(t.font, `taille du texte de « ${t.name} »`).toBeGreaterThanOrEqual(15);
  });

  test("every tag of the tags' page, a two-letter one too (« IA »), is 24 × 24 px at least", async ({ page }) => {
    await page.goto(`${corpusUrl}/tag/`);
    const measured = await sizes(page.locator(".tag-cloud a"));
    expect(measured.map((t) => t.name)).toContain("IA");
    for (const t of measured) {
      expect(t.width, `largeur de « ${t.name} »`).toBeGreaterThanOrEqual(24);
      expect(t.height, `hauteur de « ${t.name} »`).toBeGreaterThanOrEqual(24);
    }
  });
});

for (const width of [360, 320]) {
  test.describe(`without JavaScript, on a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 640 }, javaScriptEnabled: false });

    test("the header's menu opens on every section, each whole on the screen and uncovered, and the page never scrolls sideways", async ({
      page,
    }) => {
      const overflow = (): Promise<number> =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.goto(pageTypes.article);
      const menu = page.getByRole("navigation", { name: "Rubriques" });
      const links = menu.getByRole("link");
      await expect(links.first()).toBeHidden();
      expect(await overflow(), "menu fermé").toBeLessThanOrEqual(0);
      await menu.getByText("Rubriques", { exact: true }).click();
      await expect(links).toHaveText(CATEGORIES.map((c) => c.label));
      for (const link of await links.all()) {
        await expect(link).toBeInViewport({ ratio: 1 });
        // What a tap at its middle reaches is the link itself, not the article under the menu.
        const tapped = await link.evaluate((a) => {
          const box = a.getBoundingClientRect();
          return a.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
        });
        expect(tapped, `${String(await link.textContent())} sous le doigt`).toBe(true);
      }
      await expect(menu.locator('[aria-current="true"]')).toHaveText("International");
      expect(await overflow(), "menu ouvert").toBeLessThanOrEqual(0);

      await links.last().click();
      await expect(page).toHaveURL(/\/categorie\/reseaux-sociaux\/$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réseaux sociaux");
      // The keyboard opens it too, and Tab then goes through the sections.
      await menu.getByText("Rubriques", { exact: true }).focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await expect(links.first()).toBeFocused();
      await expect(menu.locator('[aria-current="page"]')).toHaveText("Réseaux sociaux");
      expect(await overflow(), "rubrique, menu ouvert").toBeLessThanOrEqual(0);
    });
  });
}

test.describe("with JavaScript, on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the header's menu closes as a menu does: Escape, a tap outside, the keyboard's focus leaving it", async ({
    page,
  }) => {
    await page.goto(pageTypes.article);
    const menu = page.getByRole("navigation", { name: "Rubriques" });
    const summary = menu.getByText("Rubriques", { exact: true });
    const links = menu.getByRole("link");
    // Escape closes it and gives the focus back to « Rubriques ».
    await summary.click();
    await expect(links.first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(links.first()).toBeHidden();
    await expect(summary).toBeFocused();
    // A tap on the page under it closes it, and only closes it.
    await summary.click();
    await expect(links.first()).toBeVisible();
    // In the page's left margin, at the foot of the screen: the article, not a link.
    await page.mouse.click(4, 830);
    await expect(links.first()).toBeHidden();
    await expect(page).toHaveURL(pageTypes.article);
    // Tab past its last section: the focus goes on, to a link no longer under the open list.
    await summary.focus();
    await page.keyboard.press("Enter");
    for (let i = 0; i < CATEGORIES.length; i++) await page.keyboard.press("Tab");
    await expect(links.last()).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(links.first()).toBeHidden();
    const focused = page.locator(":focus");
    await expect(focused).toBeInViewport();
    const uncovered = await focused.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
    });
    expect(uncovered).toBe(true);
  });
});

// The header is one row down to a 320 px phone (logo, search link, menu), the menu's text at 15 px; on a narrower
// one the menu goes under the logo. Nothing touches the screen's edges (16 px, the page's margin).
for (const width of [280, 320, 340, 360]) {
  test(`on a ${width} px phone, the header's logo, search link and menu keep the page's margins${width >= 320 ? " on one row" : ""}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 640 });
    await page.goto(pageTypes.article);
    const header = page.getByRole("banner");
    const boxOf = async (target: Locator): Promise<{ x: number; y: number; width: number; height: number }> => {
      await expect(target).toBeVisible();
      const box = await target.boundingBox();
      if (box === null) throw new Error("élément de l’en-tête sans boîte");
      return box;
    };
    const logo = await boxOf(header.getByRole("link", { name: "Digimedia" }));
    const search = await boxOf(header.getByRole("link", { name: "Rechercher" }));
    const menu = await boxOf(header.getByText("Rubriques", { exact: true }));
    const boxes = [logo, search, menu];
    for (const box of boxes) {
      expect(box.x, "marge de gauche").toBeGreaterThanOrEqual(16);
      expect(box.x + box.width, "marge de droite").toBeLessThanOrEqual(width - 16);
    }
    const middle = (box: { y: number; height: number }): number => box.y + box.height / 2;
    expect(Math.abs(middle(search) - middle(logo)), "le logo et la recherche sur une ligne").toBeLessThanOrEqual(4);
    if (width >= 320) expect(Math.abs(middle(menu) - middle(logo)), "le menu sur la même ligne").toBeLessThanOrEqual(4);
    else expect(menu.y, "le menu sous le logo").toBeGreaterThan(logo.y + logo.height);
    const menuFont = await header.locator("summary").evaluate((s) => parseFloat(getComputedStyle(s).fontSize));
    expect(menuFont, "taille du texte du menu").toBeGreaterThanOrEqual(15);
  });
}
