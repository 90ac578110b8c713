/** Heading ids of an article's text (src/lib/rehype-heading-ids.ts), through the site's own Markdown processor. */
import { describe, expect, it } from "vitest";
import { articleMarkdown } from "../../src/lib/markdown.ts";

const renderer = await articleMarkdown.createRenderer({ syntaxHighlight: false });
const ids = async (body: string): Promise<string[]> =>
  [...(await renderer.render(body, {})).code.matchAll(/<h[2-6][^>]* id="([^"]*)"/g)].map((m) => m[1] ?? "");

describe("heading ids", () => {
  it("makes them from the heading's words, as Astro does, accents kept", async () => {
    expect(await ids("## Les « réactions » : oui !\n\n## L’iPhone 17")).toEqual(["les-réactions-oui", "liphone-17"]);
  });

  it("never gives one the page around the text has (the newsletter box's, the skip link's target)", async () => {
    expect(await ids("## Newsletter\n\n## Contenu\n\n## Newsletter")).toEqual([
      "newsletter-1",
      "contenu-1",
      "newsletter-2",
    ]);
  });

  it("gives a heading of no letter nor digit an id of its own, never an empty one", async () => {
    expect(await ids("## 🔐\n\n## 🔑\n\n## Intertitre")).toEqual(["intertitre", "intertitre-1", "intertitre-2"]);
  });

  it("lists the headings with the ids of the page, for the checks of links to them", async () => {
    const { metadata } = await renderer.render("## Newsletter", {});
    expect(metadata.headings).toEqual([{ depth: 2, slug: "newsletter-1", text: "Newsletter" }]);
  });
});
