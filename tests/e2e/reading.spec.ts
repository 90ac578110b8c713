import { expect, test } from "@playwright/test";
import { CATEGORIES, SITE } from "../../src/config.ts";

const seedTitle = "Tencent et Ant Group dans la ligne de mire des États-Unis";

test("a reader goes from the home page to the seed article, its section, its month and its day, and back", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: seedTitle }).first().click();
  await expect(page).toHaveURL(/\/articles\/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedTitle);
  await expect(page.locator(".byline time").first()).toHaveText("12 octobre 2020");
  await expect(page.getByText("Après TikTok, c’est maintenant contre Tencent et Ant Group")).toBeVisible();

  const breadcrumb = page.getByRole("navigation", { name: "Fil d’Ariane" });
  await expect(breadcrumb.getByRole("listitem")).toHaveText(["Accueil", "International"]);
  await breadcrumb.getByRole("link", { name: "International" }).click();
  await expect(page).toHaveURL(/\/categorie\/international\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("International");

  await page.getByRole("contentinfo").getByRole("link", { name: "2020" }).click();
  await expect(page).toHaveURL(/\/2020\/$/);
  await page.getByRole("link", { name: "Octobre 2020" }).click();
  await expect(page).toHaveURL(/\/2020\/10\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Octobre 2020");
  // The way up is heard by its words, not as « flèche vers le haut ».
  await expect(page.getByRole("link", { name: "Toute l’année 2020", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "12 octobre", exact: false }).first().click();
  await expect(page).toHaveURL(/\/2020\/10\/12\/$/);
  await expect(page.getByRole("link", { name: "Tout le mois d’octobre 2020", exact: true })).toBeVisible();
  await page.getByRole("link", { name: seedTitle }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedTitle);
});

test("the counts after tags and months are read « (1 article) », not a bare number, and show « (1) »", async ({
  page,
}) => {
  for (const [path, list] of [
    ["/tag/", ".tag-cloud"],
    ["/archives/", ".archive-nav"],
  ] as const) {
    await page.goto(path);
    const item = page.locator(`${list} li`).first();
    expect(await item.ariaSnapshot(), path).toMatch(/- text: \(1 article ?\)$/m);
    expect(await item.locator(".meta").textContent(), path).toBe("\u00a0(1\u00a0article)");
    // Seen: the number alone, the word hidden off-screen.
    const shown = await item.locator(".meta .visually-hidden").evaluate((word) => word.getBoundingClientRect().width);
    expect(shown, path).toBeLessThanOrEqual(1);
  }
});

test("the skip link takes keyboard users to the content", async ({ page }) => {
  await page.goto("/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("an unknown address answers 404 with a French page", async ({ page }) => {
  const response = await page.goto("/cette-page-n-existe-pas/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("link", { name: "Revenir à l’accueil" })).toBeVisible();
  // A search for the article the reader was after, on the page itself, finds it.
  const search = page.getByRole("search", { name: "Rechercher un article" });
  await search.getByRole("searchbox").fill("Tencent");
  await search.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/recherche\/\?q=Tencent$/);
  await expect(page.getByRole("link", { name: /Tencent et Ant Group/ }).first()).toBeVisible();
});

test("a link cut short leads to a 404 page that suggests the article it meant, and fills its search", async ({
  page,
  browser,
}) => {
  const cut = "/articles/tencent-et-ant-group-dans-la-ligne-de-mi";
  const response = await page.goto(cut);
  expect(response?.status()).toBe(404);
  const suggestions = page.getByRole("region", { name: "Vous cherchiez peut-être" });
  await expect(suggestions.getByRole("heading", { level: 3 })).toHaveText([seedTitle]);
  await expect(suggestions.getByText("International · 12 octobre 2020")).toBeVisible();
  await expect(page.getByRole("search", { name: "Rechercher un article" }).getByRole("searchbox")).toHaveValue(
    "tencent ant group ligne",
  );
  await suggestions.getByRole("link", { name: seedTitle }).click();
  await expect(page).toHaveURL(/\/articles\/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis\/$/);

  // A word no article holds is searched without it, and the field keeps the words that found the article.
  await page.goto("/articles/tencentt-ant-groupe-zzyzx/");
  await expect(suggestions.getByRole("link")).toHaveText([seedTitle]);
  await expect(page.getByRole("search", { name: "Rechercher un article" }).getByRole("searchbox")).toHaveValue(
    "tencentt ant groupe",
  );
  // Words no article holds: nothing is suggested.
  await page.goto("/articles/zzyzx-qwxkj/");
  await expect(page.getByRole("search", { name: "Rechercher un article" }).getByRole("searchbox")).toHaveValue(
    "zzyzx qwxkj",
  );
  await expect(page.getByRole("heading", { name: "Vous cherchiez peut-être" })).toBeHidden();

  // Without JavaScript the page is as it was: no empty heading.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto(new URL(cut, page.url()).href);
  await expect(still.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(still.getByRole("heading", { name: "Vous cherchiez peut-être" })).toBeHidden();
  await noScript.close();
});

// Which addresses print: tests/e2e/presentation.spec.ts.
test("printing hides navigation, and prints no path of the site after a tag", async ({ page }) => {
  await page.goto("/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Rubriques" })).toBeHidden();
  await expect(page.locator("footer.site-footer")).toBeHidden();
  const tag = page.locator("main .tags a").first();
  await expect(tag).toBeVisible();
  expect(await tag.evaluate((a) => getComputedStyle(a, "::after").content)).toBe("none");
});

test("the feed announced in a page's head is XML, and a person opening it reads a French explanation", async ({
  page,
  request,
}) => {
  await page.goto("/categorie/international/");
  const hrefs = await page
    .locator('head link[rel="alternate"][type="application/rss+xml"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
  expect(hrefs).toEqual(["/rss.xml", "/categorie/international/rss.xml"]);
  for (const href of hrefs) {
    const response = await request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^(application|text)\/(rss\+)?xml/);
  }
  // Shown by its CSS stylesheet (rss.css, tests/e2e/feeds.spec.ts): the explanation, then the articles' titles.
  await page.goto("/rss.xml");
  expect(
    await page.evaluate(
      () => getComputedStyle(document.querySelector("channel > description") as Element, "::after").content,
    ),
  ).toContain("Vous lisez un flux RSS");
  await expect(page.locator("item > title").first()).toHaveText(seedTitle);
});

test("« S’abonner au flux RSS » leads a reader to the feeds page, at the category's feed, whose address serves it", async ({
  page,
  request,
}) => {
  await page.goto("/categorie/international/");
  await page.getByRole("link", { name: "S’abonner au flux RSS" }).click();
  await expect(page).toHaveURL(/\/flux-rss\/#flux-international$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Suivre ${SITE.name} par flux RSS`);
  // The category's entry is the one marked.
  const entry = page.locator("li:target");
  await expect(entry.getByRole("heading", { level: 3 })).toHaveText("International");
  expect(await entry.evaluate((li) => getComputedStyle(li).borderLeftColor)).not.toBe("rgba(0, 0, 0, 0)");
  // Every address shown to copy is the public one, and the site serves a feed at its path.
  const items = page.locator(".feeds li");
  await expect(items).toHaveCount(CATEGORIES.length + 1);
  for (const item of await items.all()) {
    const label = (await item.getByRole("heading", { level: 3 }).textContent()) ?? "";
    const address = new URL((await item.locator("code").textContent()) ?? "");
    expect(address.origin, label).toBe(new URL(SITE.url).origin);
    expect(await item.getByRole("link").getAttribute("href"), label).toBe(address.pathname);
    const response = await request.get(address.pathname);
    expect(response.status(), label).toBe(200);
    const xml = await response.text();
    expect(xml, label).toContain("<rss");
    // The feed's own name is the one the pages announce it with.
    const name = label === "Tous les articles" ? "tous les articles" : label;
    expect(xml, label).toContain(`<title>${SITE.name}\u00a0: ${name}</title>`);
  }
});

test.describe("sharing an article", () => {
  const article = "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/";
  const address = `${SITE.url}${article}`;

  test("links to each service carry the article's public address and title, and say what they do", async ({ page }) => {
    await page.goto(article);
    const box = page.getByRole("region", { name: "Partager cet article" });
    const whatsapp = box.getByRole("link", { name: "Partager sur WhatsApp" });
    await expect(whatsapp).toBeVisible();
    const text = new URL((await whatsapp.getAttribute("href")) ?? "").searchParams.get("text");
    expect(text).toBe(`${seedTitle} ${address}`);
    const mail = await box.getByRole("link", { name: "Envoyer par e-mail", exact: true }).getAttribute("href");
    expect(new URLSearchParams(mail?.replace(/^mailto:\?/, "")).get("body")).toContain(address);
    await expect(box.getByRole("link")).toHaveCount(6);
  });

  test("each link is heard as a French sentence (« Envoyer par e-mail », no capital after « par ») holding its visible label", async ({
    page,
  }) => {
    await page.goto(article);
    const box = page.getByRole("region", { name: "Partager cet article" });
    const services = ["WhatsApp", "Facebook", "X", "LinkedIn", "Bluesky"];
    for (const name of [...services.map((service) => `Partager sur ${service}`), "Envoyer par e-mail"])
      await expect(box.getByRole("link", { name, exact: true })).toHaveCount(1);
    for (const label of [...services, "E-mail"]) await expect(box.getByText(label, { exact: true })).toBeVisible();
  });

  test("« Copier le lien » puts the public address on the clipboard and says so", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(article);
    const box = page.getByRole("region", { name: "Partager cet article" });
    await box.getByRole("button", { name: "Copier le lien" }).click();
    await expect(box.getByRole("status")).toHaveText("Lien copié.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  });

  test("on /flux-rss/, « Copier l’adresse » puts a feed's whole public address on the clipboard and says so", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/flux-rss/");
    const feed = page.locator("#flux-international");
    await feed.getByRole("button", { name: "Copier l’adresse du flux « International »" }).click();
    await expect(feed.getByRole("status")).toHaveText("Adresse copiée\u00a0: collez-la dans votre lecteur de flux.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "https://www.digimedia.fr/categorie/international/rss.xml",
    );
    // One button a feed, each with its own name.
    await expect(page.getByRole("button", { name: /^Copier l’adresse du flux/ })).toHaveCount(7);
  });

  test("without a share sheet (desktop browsers), « Partager… » does not show", async ({ page }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(Navigator.prototype, "share");
    });
    await page.goto(article);
    const box = page.getByRole("region", { name: "Partager cet article" });
    await expect(box.getByRole("button", { name: "Copier le lien" })).toBeVisible();
    await expect(box.getByRole("button", { name: "Partager…" })).toBeHidden();
  });

  test("on a device with a share sheet, « Partager… » opens it with the title and address", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "share", {
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData }).shared = data;
          return Promise.resolve();
        },
      });
    });
    await page.goto(article);
    await page.getByRole("button", { name: "Partager…" }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: ShareData }).shared)).toEqual({
      title: seedTitle,
      url: address,
    });
  });
});

test.describe("sharing without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("shows the links and no button that would do nothing", async ({ page }) => {
    await page.goto("/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/");
    const box = page.getByRole("region", { name: "Partager cet article" });
    await expect(box.getByRole("link")).toHaveCount(6);
    await expect(box.getByRole("button")).toHaveCount(0);
  });
});
