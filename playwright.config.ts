import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./tests/chromium.ts";
// The second site, built from the 200-article corpus (scripts/corpus-site.ts), serves tests that need many articles.
import { baseUrl, corpusUrl, port } from "./tests/e2e/ports.ts";

const executablePath = findChromium();

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  timeout: 90_000,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: baseUrl,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium" }],
  webServer: [
    {
      command: "node server/main.ts",
      url: `${baseUrl}/`,
      env: { HOST: "127.0.0.1", PORT: String(port), DATA_DIR: "test-results/data" },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node scripts/corpus-site.ts",
      url: `${corpusUrl}/`,
      env: {
        HOST: "127.0.0.1",
        PORT: String(port + 1),
        DATA_DIR: "test-results/data-corpus",
        ASTRO_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
    },
  ],
});
