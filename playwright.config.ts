import { existsSync } from "node:fs";
import { defineConfig, chromium } from "@playwright/test";
// The second site, built from the 200-article corpus (scripts/corpus-site.ts), serves tests that need many articles.
import { baseUrl, corpusUrl, port } from "./tests/e2e/ports.ts";

/** A Chromium to drive: $CHROME_PATH, then Playwright's own, then Debian's. */
function findChromium(): string | undefined {
  const fromEnv = process.env["CHROME_PATH"];
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} n’existe pas.`);
    return fromEnv;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled !== undefined && existsSync(bundled)) return undefined;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error(
    "Aucun Chromium trouvé. Installez-en un : `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
      "ou `npx playwright install chromium`, ou indiquez son chemin dans CHROME_PATH.",
  );
}

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
    launchOptions: {
      ...(executablePath !== undefined ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
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
