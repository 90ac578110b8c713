/**
 * Tells the site's code whether it runs under `astro dev`, from Astro's own command: only there are
 * drafts and scheduled articles shown (as « Aperçu »). Not import.meta.env.DEV, which a build run with
 * NODE_ENV=test (or anything but production) also sets: a build must never publish a draft.
 */
import type { AstroIntegration } from "astro";

export function devPreview(): AstroIntegration {
  return {
    name: "digimedia-dev-preview",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { "import.meta.env.PREVIEW_UNPUBLISHED": JSON.stringify(command === "dev") } },
        });
      },
    },
  };
}
