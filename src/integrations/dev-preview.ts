/**
 * Tells the site's code whether it runs under `astro dev`, from Astro's own command: only there are
 * drafts and scheduled articles shown (as « Aperçu »). Not import.meta.env.DEV, which a build run with
 * NODE_ENV=test (or anything but production) also sets: a build must never publish a draft.
 * There too, and only there, every page loads the marks' stylesheet (src/styles/preview.css): a
 * component's <style> would be inlined into each built page, which never shows them.
 * And there the open pages reload when the list of refused article files changes (src/lib/dev-refusals.ts):
 * a file saved with a problem changes no content, so Astro would not reload them.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { onRefusalsChange } from "../lib/dev-refusals.ts";

const PREVIEW_STYLES = fileURLToPath(new URL("../styles/preview.css", import.meta.url));

export function devPreview(): AstroIntegration {
  return {
    name: "digimedia-dev-preview",
    hooks: {
      "astro:config:setup": ({ command, updateConfig, injectScript }) => {
        updateConfig({
          vite: { define: { "import.meta.env.PREVIEW_UNPUBLISHED": JSON.stringify(command === "dev") } },
        });
        if (command === "dev") injectScript("page-ssr", `import ${JSON.stringify(PREVIEW_STYLES)};`);
      },
      "astro:server:setup": ({ server }) => {
        const stop = onRefusalsChange(() => {
          server.environments.client.hot.send({ type: "full-reload", path: "*" });
        });
        server.httpServer?.once("close", stop);
      },
    },
  };
}
