/**
 * The Markdown processor of article bodies: Astro's unified pipeline with remark-smartypants
 * set for French quotes (inches and elided years spared, remark-primes.ts), HTML comments dropped, then French spacing on the rendered HTML. Shared by the site's
 * config and the tests, so both render bodies exactly alike. Links that read as their own address
 * are marked for the print stylesheet (rehype-bare-urls.ts); images of public/ get their size and load
 * lazily (rehype-image-sizes.ts); an image alone with a title gets it as its caption (rehype-figures.ts);
 * tables scroll in their own box (rehype-tables.ts); headings get ids the page does not already use
 * (rehype-heading-ids.ts).
 *
 * Rendering is most of the content sync (≈ 3 ms an article, 12 s at 4,000), and each article
 * renders on its own: the renderer given to Astro sends bodies to worker threads running the
 * very same pipeline (markdown-worker.ts), so every core renders. Where workers cannot run
 * TypeScript (Node < 22.18) or the options cannot cross to a thread, it renders in-process.
 */
import {
  unified,
  type AstroMarkdownOptions,
  type MarkdownProcessor,
  type MarkdownRenderer,
  type MarkdownRenderResult,
  type RemarkPlugin,
  type UnifiedResolvedOptions,
} from "@astrojs/markdown-remark";
import type { ElementContent } from "hast";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import remarkSmartypants from "remark-smartypants";
import rehypeBareUrls from "./rehype-bare-urls.ts";
import rehypeFigures from "./rehype-figures.ts";
import rehypeFrenchSpacing from "./rehype-french-spacing.ts";
import rehypeHeadingIds from "./rehype-heading-ids.ts";
import rehypeImageSizes from "./rehype-image-sizes.ts";
import rehypeTables from "./rehype-tables.ts";
import remarkDropComments from "./remark-drop-comments.ts";
import remarkPrimes from "./remark-primes.ts";
import { FRENCH_SMARTYPANTS } from "./typography.ts";
import { CAN_RUN_TS_WORKERS, WorkerPool } from "./worker-pool.ts";

/** The pipeline itself, run in this thread. */
export const articleMarkdown = unified({
  smartypants: false,
  // remark-smartypants is typed against another copy of unified's types; it is a remark plugin.
  // Inch marks and elided years first, which smartypants would take for quotation marks.
  // Editors' HTML comments are notes, never published.
  remarkPlugins: [remarkDropComments, remarkPrimes, [remarkSmartypants as RemarkPlugin, FRENCH_SMARTYPANTS]],
  // Links are compared with their text as written, before the French spacing.
  // rehype-figures after French spacing: it sets its captions itself (a title is no text node).
  // Heading ids last, from the text as the page shows it (Astro's own pass, after these, would make them alike).
  rehypePlugins: [rehypeBareUrls, rehypeFrenchSpacing, rehypeFigures, rehypeImageSizes, rehypeTables, rehypeHeadingIds],
  // GFM footnotes: remark-rehype's heading and back links are in English by default.
  remarkRehype: {
    footnoteLabel: "Notes",
    footnoteBackLabel: (reference: number, again: number) =>
      `Revenir à l’appel de note ${String(reference + 1)}${again > 1 ? `-${String(again)}` : ""}`,
    // « ↩ » as text, not the emoji iOS draws for it (variation selector 15); a second call's number after it, as by default.
    footnoteBackContent: (_reference: number, again: number): ElementContent[] => {
      const arrow: ElementContent[] = [{ type: "text", value: "↩\uFE0E" }];
      if (again <= 1) return arrow;
      return [
        ...arrow,
        { type: "element", tagName: "sup", properties: {}, children: [{ type: "text", value: String(again) }] },
      ];
    },
    // Note ids without GitHub's « user-content- » (#fn-1, #fnref-1): a feed reader such as NetNewsWire opens a
    // note in place only for « #fn… ». The prefix guards a page's scripts against ids that shadow globals;
    // an article's page runs none of its text's.
    clobberPrefix: "",
  },
});

/** What crosses to a worker for one body. */
export interface RenderRequest {
  content: string;
  fileURL: string | undefined;
  frontmatter: Record<string, unknown> | undefined;
}

function canClone(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** The same pipeline, spread over worker threads. */
async function pooledRenderer(shared: AstroMarkdownOptions): Promise<MarkdownRenderer> {
  if (!CAN_RUN_TS_WORKERS || !canClone(shared)) return articleMarkdown.createRenderer(shared);
  const pool = new WorkerPool<RenderRequest, MarkdownRenderResult>(
    new URL("./markdown-worker.ts", import.meta.url),
    shared,
  );
  return {
    render: (content, opts) =>
      pool.run({
        content,
        fileURL: opts?.fileURL?.href,
        frontmatter: canClone(opts?.frontmatter) ? opts?.frontmatter : undefined,
      }),
  };
}

/** The processor for `markdown.processor` in astro.config (named "unified", as Astro expects of it). */
export const markdownProcessor: MarkdownProcessor<UnifiedResolvedOptions> = {
  ...articleMarkdown,
  createRenderer: pooledRenderer,
};

/** The files of this folder the pipeline runs: a change to one changes how bodies render. */
const PIPELINE_FILE = /^(?:markdown.*|typography|french-.*|remark-.*|rehype-.*|photo-.*|slug|urls)\.ts$/u;

/**
 * A fingerprint of the pipeline's code (its files here and the locked package versions): the articles loader
 * renders every body again when it differs from the one their stored HTML was rendered with, since Astro's
 * glob loader keeps a stored file's HTML while the file is unchanged, and its own config digest leaves plugins out.
 */
export function markdownPipelineVersion(): string {
  const hash = createHash("sha256");
  const folder = new URL("./", import.meta.url);
  for (const name of readdirSync(folder)
    .filter((file) => PIPELINE_FILE.test(file))
    .sort())
    hash.update(name).update(readFileSync(new URL(name, folder)));
  try {
    hash.update(readFileSync(new URL("../../package-lock.json", import.meta.url)));
  } catch {
    // No lock file (a copy of the sources alone): the pipeline's own files still count.
  }
  return hash.digest("hex").slice(0, 16);
}
