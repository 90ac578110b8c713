/**
 * What a phone downloads of a camera-sized photo: the smaller copy that fits its screen, not the
 * original. The site's articles have no photo, and none is shipped for a test: a one-article site with
 * a 2400 × 1600 JPEG (drawn here, always the same) in a public folder of its own (PUBLIC_DIR) is built
 * and served on the port after the corpus site's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { buildWith, projectRoot } from "../build/astro.ts";
import { port } from "./ports.ts";

const photosPort = port + 2;
const siteUrl = `http://127.0.0.1:${String(photosPort)}`;
const outDir = "dist-e2e-photos";
const folder = mkdtempSync(join(tmpdir(), "digimedia-e2e-photos-"));
const [contentDir, publicDir] = [join(folder, "articles"), join(folder, "public")];
let server: ChildProcess | undefined;

const article = `---
title: Un article avec une grande photo
description: Une photo d’appareil en tête, une autre dans le texte.
date: 2021-05-03
category: tech
image: /images/grande.jpg
imageAlt: Une grande photo
---

${"Un paragraphe qui fait descendre la photo du texte sous l’écran du téléphone. ".repeat(40)}

![Une photo dans le texte](/images/grande.jpg)
`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  mkdirSync(contentDir);
  cpSync(join(projectRoot, "public"), publicDir, { recursive: true });
  mkdirSync(join(publicDir, "images"));
  // A gradient: small, and the same bytes on every run.
  const gradient = Buffer.alloc(2400 * 1600 * 3);
  for (let i = 0; i < gradient.length; i++) gradient[i] = Math.floor((i / 3) % 2400) % 256;
  await sharp(gradient, { raw: { width: 2400, height: 1600, channels: 3 } })
    .jpeg()
    .toFile(join(publicDir, "images/grande.jpg"));
  writeFileSync(join(contentDir, "avec-photo.md"), article);
  const build = buildWith(contentDir, `./${outDir}`, {
    PUBLIC_DIR: publicDir,
    BUILD_NOW: "2026-06-01T00:00:00+02:00",
  });
  if (build.status !== 0) throw new Error(build.output.slice(-3000));
  server = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", "server/main.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(photosPort),
      DIST_DIR: join(projectRoot, outDir),
      DATA_DIR: "test-results/data-photos",
    },
    stdio: "ignore",
  });
  await expect(async () => {
    // This site's own article: another server left on the port would answer "/" too.
    expect((await fetch(`${siteUrl}/articles/avec-photo/`)).status).toBe(200);
  }).toPass({ timeout: 20_000 });
});

test.afterAll(() => {
  server?.kill();
  rmSync(folder, { recursive: true, force: true });
  rmSync(join(projectRoot, outDir), { recursive: true, force: true });
});

/** The address the browser chose for the <img> with this text, once loaded, as a path. */
async function chosen(page: Page, alt: string): Promise<string> {
  const img = page.getByAltText(alt);
  await img.scrollIntoViewIfNeeded();
  await expect(img).toHaveJSProperty("complete", true);
  return new URL(await img.evaluate((element: HTMLImageElement) => element.currentSrc)).pathname;
}

test.describe("on a 360 px phone with 2 pixels per point", () => {
  test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });

  test("the article's photo and the body's come as the 800 px copy, never the 2400 px original", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "image") fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(`${siteUrl}/articles/avec-photo/`);
    expect(await chosen(page, "Une grande photo")).toMatch(/^\/_photos\/images\/grande-[0-9a-f]{8}-800\.jpg$/);
    expect(await chosen(page, "Une photo dans le texte")).toMatch(/-800\.jpg$/);
    expect(fetched).not.toContain("/images/grande.jpg");
  });
});

test.describe("on a 1280 px screen", () => {
  test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });

  test("the photo, 640 px wide in the article's column, comes as the 800 px copy too", async ({ page }) => {
    await page.goto(`${siteUrl}/articles/avec-photo/`);
    expect(await chosen(page, "Une grande photo")).toMatch(/-800\.jpg$/);
    expect(await page.getByAltText("Une grande photo").evaluate((img) => img.getBoundingClientRect().width)).toBe(640);
  });
});

test.describe("on a 1280 px screen with 3 pixels per point", () => {
  test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 3 });

  test("the photo comes as the 1600 px copy, never the 2400 px original and its bytes", async ({ page }) => {
    await page.goto(`${siteUrl}/articles/avec-photo/`);
    expect(await chosen(page, "Une grande photo")).toMatch(/-1600\.jpg$/);
  });
});
