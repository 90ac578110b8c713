import { expect, test, type Page } from "@playwright/test";
import { accessibilityTree } from "./accessibility-tree.ts";
import { pageTypes } from "./pages.ts";
import { corpusUrl } from "./ports.ts";

/** The newest article of the 200-article corpus: it has « À lire aussi », a named link and a bare address. */
async function corpusArticle(page: Page): Promise<string> {
  await page.goto(`${corpusUrl}/`);
  const href = await page
    .getByRole("region", { name: "À la une" })
    .getByRole("heading")
    .getByRole("link")
    .getAttribute("href");
  expect(href).toMatch(/^\/articles\//);
  return `${corpusUrl}${String(href)}`;
}

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

test("a printed article shows its title, standfirst, byline and text, the addresses of its links to other sites once, and no site path nor « À lire aussi »", async ({
  page,
}) => {
  const url = await corpusArticle(page);
  await page.emulateMedia({ media: "print" });
  await page.goto(url);
  const story = page.locator("article.story");
  await expect(story.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(story.locator(".standfirst")).toBeVisible();
  await expect(story.getByText(/^Par /)).toBeVisible();
  await expect(story.locator(".byline time").first()).toBeVisible();
  await expect(story.locator(".prose p").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "À lire aussi" })).toBeHidden();

  // What every printed link writes after itself.
  const printed = await page.locator("main a").evaluateAll((links) =>
    links
      .filter((a) => a.checkVisibility())
      .map((a) => ({
        text: a.textContent.trim(),
        href: a.getAttribute("href") ?? "",
        inBody: a.closest(".prose") !== null,
        after: getComputedStyle(a, "::after").content,
      }))
      .filter((a) => a.after !== "none" && a.after !== "normal"),
  );
  const paths = printed.filter((a) => a.after.includes("(/"));
  expect(paths, "chemins du site imprimés").toEqual([]);
  expect(
    printed.filter((a) => !a.inBody),
    "adresses imprimées hors du texte",
  ).toEqual([]);
  expect(
    printed.filter((a) => a.text === a.href),
    "adresse imprimée deux fois",
  ).toEqual([]);
  // A named link to another site keeps its address on paper; one that shows it does not repeat it.
  expect(printed.map((a) => a.text)).toContain("le site officiel");
  expect(printed.find((a) => a.text === "le site officiel")?.after).toContain("https://example.com/annonce");
  await expect(story.locator(".prose a", { hasText: "https://example.org/page" })).toBeVisible();
});

/** The contrast ratio of two computed colours ("rgb(r, g, b)"), as WCAG defines it. */
function contrast(ink: string, paper: string): number {
  const luminance = (colour: string): number => {
    const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(ink), luminance(paper)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

test("printed from a browser in dark mode, an article keeps the light theme's inks on its white paper", async ({
  page,
}) => {
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await page.goto(pageTypes.article);
  const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(paper).toBe("rgb(255, 255, 255)");
  const story = page.locator("article.story");
  // The breadcrumb prints: it names the article's section.
  for (const [name, ink] of [
    ["signature", story.locator(".byline")],
    ["rubrique", page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "International" })],
    ["chapô", story.locator(".standfirst")],
  ] as const) {
    await expect(ink, name).toBeVisible();
    const colour = await ink.evaluate((element) => getComputedStyle(element).color);
    expect(contrast(colour, paper), `${name} : ${colour}`).toBeGreaterThanOrEqual(4.5);
  }
});

test.describe("with a large text size", () => {
  const sizes = [
    { width: 375, percents: [150, 200] },
    { width: 320, percents: [150, 200] },
  ];
  for (const { width, percents } of sizes) {
    for (const percent of percents) {
      test(`no page scrolls sideways at ${width} px with a ${percent} % root font size`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        const article = await corpusArticle(page);
        // Every page type: the 404's search row once ran off a 320 px screen at 200 %.
        const paths = [...Object.values(pageTypes), `${corpusUrl}/`, `${corpusUrl}/page/3/`];
        for (const path of [...paths, article]) {
          await page.goto(path);
          await page.addStyleTag({ content: `html { font-size: ${percent}% }` });
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth, `${path} : largeur de la page`).toBeLessThanOrEqual(width);
          const brand = await page.locator(".site-header .brand").boundingBox();
          expect((brand?.x ?? 0) + (brand?.width ?? 0), `${path} : « Digimedia » entier`).toBeLessThanOrEqual(width);
        }
      });
    }
  }

  // A phone has a link to the search page in its place (tests/e2e/phone.spec.ts).
  test("the header's search field shows its whole placeholder, from 640 px", async ({ page }) => {
    for (const width of [640, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/");
      const field = page.getByRole("search", { name: "Rechercher sur le site" }).getByRole("searchbox");
      const placeholder = (await field.getAttribute("placeholder")) ?? "";
      expect(placeholder).toBe("Rechercher…");
      // The same words typed in: they fit without scrolling the field, its clear button (×) included.
      await field.fill(placeholder);
      const { client, scroll } = await field.evaluate((input) => ({
        client: input.clientWidth,
        scroll: input.scrollWidth,
      }));
      expect(scroll, `${width}px : « Rechercher… » coupé`).toBeLessThanOrEqual(client);
    }
  });
});

test("after the skip link, the content is focused without a ring around the whole page; the next link shows its ring", async ({
  page,
}) => {
  await page.goto(pageTypes.article);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
  await page.keyboard.press("Enter");
  const main = page.locator("main");
  await expect(main).toBeFocused();
  expect(await main.evaluate((m) => getComputedStyle(m).outlineStyle)).toBe("none");
  await page.keyboard.press("Tab");
  const next = page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "Accueil" });
  await expect(next).toBeFocused();
  expect(await next.evaluate((a) => getComputedStyle(a).outlineStyle)).toBe("solid");
});

test("screen readers do not read the breadcrumb's « › » separators", async ({ page }) => {
  await page.goto(pageTypes.article);
  const breadcrumb = page.getByRole("navigation", { name: "Fil d’Ariane" });
  const separators = await breadcrumb
    .getByRole("listitem")
    .evaluateAll((items) => items.slice(1).map((li) => getComputedStyle(li, "::before").content));
  expect(separators).toEqual(['"›" / ""']);
  expect(await breadcrumb.ariaSnapshot()).not.toContain("›");
  await expect(breadcrumb.getByRole("listitem")).toHaveText(["Accueil", "International"]);
});

test("the breadcrumb's last item wraps its long word inside a 180 px screen at a 200 % text size", async ({ page }) => {
  await page.setViewportSize({ width: 180, height: 640 });
  await page.goto(pageTypes.article);
  await page.addStyleTag({ content: "html { font-size: 200% }" });
  const breadcrumb = page.getByRole("navigation", { name: "Fil d’Ariane" });
  // A word longer than the screen (the breadcrumb's labels are sections, tags, archives: a tag may be one).
  await breadcrumb
    .getByRole("link")
    .last()
    .evaluate((last) => (last.textContent = "Anticonstitutionnellement"));
  const { right, items } = await breadcrumb.locator("ol").evaluate((list) => ({
    right: list.getBoundingClientRect().right,
    items: [...list.children].map((li) => li.getBoundingClientRect().right),
  }));
  expect(right).toBeLessThanOrEqual(180);
  for (const [i, item] of items.entries()) expect(item, `élément ${String(i + 1)}`).toBeLessThanOrEqual(right);
});

// A screen reader lists a page's landmarks by name (« Rubriques, navigation »): two of one name, whatever their
// roles, cannot be told apart in that list; a name unlike its visible heading is not what a sighted helper sees.
for (const [type, path] of Object.entries(pageTypes)) {
  test(`the landmarks of the ${type} page have names of their own, each its visible heading if it has one`, async ({
    page,
  }) => {
    await page.goto(path);
    const landmarks = await page
      .locator(
        "nav, main, aside, section, form, [role=navigation], [role=region], [role=search], [role=complementary], [role=form]",
      )
      .evaluateAll((elements) =>
        elements.flatMap((element) => {
          const labelledBy = element.getAttribute("aria-labelledby");
          const name =
            labelledBy === null
              ? element.getAttribute("aria-label")
              : (document.getElementById(labelledBy)?.textContent ?? "").trim().replace(/\s+/g, " ");
          if (name === null || name === "") return [];
          const first = element.firstElementChild;
          const heading = first?.matches("h1, h2, h3") === true ? first.textContent.trim().replace(/\s+/g, " ") : null;
          return [{ name, heading }];
        }),
      );
    const names = landmarks.map((landmark) => landmark.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    for (const { name, heading } of landmarks) if (heading !== null) expect(heading, name).toContain(name);
  });
}

test("the archives of many years and a year of many months add a few landmarks, not one per year or month", async ({
  page,
}) => {
  for (const path of ["/archives/", "/2025/"]) {
    await page.goto(`${corpusUrl}${path}`);
    // The corpus spans several years, and its years several months.
    expect(await page.locator("h2.section-title").count(), path).toBeGreaterThan(3);
    const landmarks = (await accessibilityTree(page)).filter((node) =>
      ["navigation", "region", "main", "banner", "contentinfo", "search"].includes(node.role),
    );
    // Header (banner, its search and sections), breadcrumb, main, footer and its two navigations, and the page's own.
    expect(landmarks.length, path).toBeLessThanOrEqual(11);
  }
});

test("headings and kickers drawn in capitals are read as written, not spelt out in capitals", async ({ page }) => {
  // What Chromium gives screen readers (text-transform: uppercase reached it; small capitals do not).
  const read = async (path: string): Promise<string[]> => {
    await page.goto(`${corpusUrl}${path}`);
    return (await accessibilityTree(page))
      .filter((node) => node.role === "heading" || node.role === "link")
      .map((node) => node.name);
  };
  const home = await read("/");
  expect(home).toEqual(expect.arrayContaining(["Dernières actualités", "Nos rubriques"]));
  const kickers = await page.locator("main .kicker").allTextContents();
  expect(kickers.length).toBeGreaterThan(0);
  for (const kicker of kickers) expect(home).toContain(kicker.trim());
  // Still drawn in capitals.
  const drawn = await page
    .getByRole("heading", { name: "Nos rubriques" })
    .evaluate((h) => getComputedStyle(h).fontVariantCaps);
  expect(drawn).toBe("all-small-caps");
  expect(home.filter((name) => /^[\p{Lu}\s’]{6,}$/u.test(name))).toEqual([]);
});
