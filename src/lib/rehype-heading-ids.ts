/**
 * Rehype plugin giving each heading of a body its id (its anchor, « #les-reactions ») as Astro would, from its
 * text with GitHub's slugger, but never one the page around the text already has: « ## Newsletter » made a second
 * id="newsletter" (the signup box's, which « S’inscrire » links lead to) and « ## Contenu » took the skip link's
 * target; such a heading gets « newsletter-1 ». A heading with no letter nor digit (« ## 🔐 ») got id="", which
 * HTML forbids; it gets « intertitre ». Astro's own pass keeps the ids set here, and lists the headings with them.
 */
import GithubSlugger, { slug } from "github-slugger";
import type { Element, Root, Text } from "hast";
import { visit } from "unist-util-visit";
import { HONEYPOT_FIELD } from "./newsletter/policy.ts";

/**
 * The ids an article's page holds around its text (layout, header, newsletter box, share box, « À lire aussi »,
 * footer), and the footnotes' heading; tests/build/site.test.ts checks the list against a built page.
 */
export const PAGE_IDS: readonly string[] = [
  "contenu",
  "recherche-entete",
  "newsletter",
  "newsletter-titre",
  "newsletter-email",
  "newsletter-consentement",
  "newsletter-erreur",
  "newsletter-reponse",
  `${HONEYPOT_FIELD}-champ`,
  "share-title",
  "related-title",
  "footer-archives",
  "footer-site",
  "footnote-label",
];

/** The id a heading with nothing to make one of gets (numbered after the first). */
const FALLBACK = "intertitre";

/** A heading's text as Astro reads it for its id: its text nodes, in order. */
function textOf(heading: Element): string {
  let text = "";
  visit(heading, "text", (node: Text) => {
    text += node.value;
  });
  return text;
}

export default function rehypeHeadingIds() {
  return (tree: Root): void => {
    const slugger = new GithubSlugger();
    // Taken first, as if headings above had them: a heading of the same words is numbered.
    for (const id of PAGE_IDS) slugger.slug(id);
    visit(tree, "element", (node: Element) => {
      if (!/^h[1-6]$/.test(node.tagName) || typeof node.properties["id"] === "string") return;
      const text = textOf(node);
      node.properties["id"] = slugger.slug(slug(text) === "" ? FALLBACK : text);
    });
  };
}
