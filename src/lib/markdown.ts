/**
 * The Markdown processor of article bodies: Astro's unified pipeline with remark-smartypants
 * set for French quotes, then French spacing on the rendered HTML. Shared by the site's
 * config and the tests, so both render bodies exactly alike.
 */
import { unified, type RemarkPlugin } from "@astrojs/markdown-remark";
import remarkSmartypants from "remark-smartypants";
import rehypeFrenchSpacing from "./rehype-french-spacing.ts";
import { FRENCH_SMARTYPANTS } from "./typography.ts";

/** The processor for `markdown.processor` in astro.config. */
export const markdownProcessor = unified({
  smartypants: false,
  // remark-smartypants is typed against another copy of unified's types; it is a remark plugin.
  remarkPlugins: [[remarkSmartypants as RemarkPlugin, FRENCH_SMARTYPANTS]],
  rehypePlugins: [rehypeFrenchSpacing],
});
