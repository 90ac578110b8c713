/**
 * A worker thread of the Markdown pool (markdown.ts): renders article bodies with the site's
 * pipeline and sends back what Astro stores (HTML, headings, image paths).
 */
import { workerData } from "node:worker_threads";
import type { AstroMarkdownOptions } from "@astrojs/markdown-remark";
import { articleMarkdown, type RenderRequest } from "./markdown.ts";
import { answerRequests } from "./worker-pool.ts";

const renderer = await articleMarkdown.createRenderer(workerData as AstroMarkdownOptions);

answerRequests((request: RenderRequest) =>
  renderer.render(request.content, {
    ...(request.fileURL === undefined ? {} : { fileURL: new URL(request.fileURL) }),
    ...(request.frontmatter === undefined ? {} : { frontmatter: request.frontmatter }),
  }),
);
