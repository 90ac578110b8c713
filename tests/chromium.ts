/** The Chromium that browser tests drive (Playwright, Lighthouse), and the flags this sandbox needs. */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Flags for headless runs on a machine with no network: no background calls, no GPU, no sandbox as root. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Path of a Chromium: $CHROME_PATH, then Playwright's own, then Debian's; says how to get one if none. */
export function findChromium(): string {
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
  if (bundled !== undefined && existsSync(bundled)) return bundled;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error(
    "Aucun Chromium trouvé. Installez-en un : `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
      "ou `npx playwright install chromium`, ou indiquez son chemin dans CHROME_PATH.",
  );
}
