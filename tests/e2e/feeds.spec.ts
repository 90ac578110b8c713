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

test("a person opening a feed reads each standfirst as the page prints it, « & » and « < » included", async ({
  page,
}) => {
  // RSS's description is HTML: the feed writes « R&D <div> » as R&amp;D &lt;div&gt;, then escapes that as XML.
  const feed = `<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="/rss.xsl" type="text/xsl"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Essai</title><link>/</link><description>d</description>
<atom:link href="/essai.xml" rel="self" type="application/rss+xml"/>
<item><title>Un titre</title><link>/articles/x/</link><description>R&amp;amp;D, l&amp;apos;&amp;lt;div&amp;gt; et &amp;quot;AT&amp;amp;T&amp;quot; &amp;amp;lt;</description>
<pubDate>Mon, 12 Oct 2020 00:00:00 +0200</pubDate><category>International</category></item></channel></rss>`;
  await page.route("**/essai.xml", (route) => route.fulfill({ contentType: "application/xml", body: feed }));
  await page.goto("/essai.xml");
  await expect(page.locator("ul.items > li p").last()).toHaveText(`R&D, l'<div> et "AT&T" &lt;`);
});
