/**
 * A worker thread of the Markdown pool (markdown.ts): renders article bodies with the site's
 * pipeline and sends back what Astro stores (HTML, headings, image paths).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { AstroMarkdownOptions } from "@astrojs/markdown-remark";
import { articleMarkdown, type RenderRequest } from "./markdown.ts";

const renderer = await articleMarkdown.createRenderer(workerData as AstroMarkdownOptions);

parentPort?.on("message", ({ id, request }: { id: number; request: RenderRequest }) => {
  renderer
    .render(request.content, {
      ...(request.fileURL === undefined ? {} : { fileURL: new URL(request.fileURL) }),
      ...(request.frontmatter === undefined ? {} : { frontmatter: request.frontmatter }),
    })
    .then(
      (value) => parentPort?.postMessage({ id, value }),
      (error: unknown) =>
        parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
});
