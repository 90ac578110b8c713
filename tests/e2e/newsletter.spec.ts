import { expect, test, type Locator } from "@playwright/test";
import { focusedTag } from "./focus.ts";

const article = "/articles/tencent-et-ant-group-dans-la-ligne-de-mire-des-etats-unis/";
/** What the field's description reads of the fine print at each focus: one short sentence, not the whole paragraph. */
const FINE_PRINT = "Un e-mail chaque semaine avec les articles de Digimedia, rien d’autre.";
const unique = (name: string, domain = "exemple.fr"): string =>
  `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@${domain}`;

/** What a screen reader reads after the field's label: the visible texts its aria-describedby names. */
function descriptions(field: Locator): Promise<string[]> {
  return field.evaluate((input) =>
    (input.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((id) => id !== "")
      .map((id) => {
        const named = document.getElementById(id);
        // Line breaks of the source folded, not \s: it would fold the narrow no-break spaces the French text has too.
        return named?.checkVisibility() === true ? named.textContent.replace(/[ \t\n]+/g, " ").trim() : `#${id} caché`;
      }),
  );
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the box under an article posts and the thank-you page shows; reloading does not post again", async ({
    page,
  }) => {
    await page.goto(article);
    const box = page.getByRole("region", { name: "Newsletter" });
    await box.getByLabel("Votre adresse e-mail").fill(unique("sansjs"));
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await box.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page).toHaveURL(/\/newsletter\/merci\/(\?|$)/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirmez votre inscription par e-mail");
    // Nothing is confirmed yet: no thanks, once or twice.
    await expect(page.getByRole("main")).not.toContainText("Merci");
    await page.reload();
    expect(posts).toHaveLength(1);
    // Back to the article, without JavaScript.
    await page.getByRole("link", { name: "Revenir à l’article" }).click();
    await expect(page).toHaveURL(new RegExp(`${article}$`));
  });

  test("an address the browser would not check is checked by the server, in French", async ({ page }) => {
    await page.goto("/newsletter/");
    await page.getByLabel("Votre adresse e-mail").fill("pas-une-adresse");
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page).toHaveURL(/\/api\/newsletter$/);
    // The address typed stays out of the URL (history, logs): the POST is answered with the page itself.
    expect(new URL(page.url()).search).toBe("");
    await expect(page.getByText("Il manque le «\u202f@\u202f»\u00a0: par exemple prenom@exemple.fr.")).toBeVisible();
  });

  test("a refused address comes back on the form with the error and the address kept", async ({ page }) => {
    await page.goto("/newsletter/");
    await page.getByLabel("Votre adresse e-mail").fill("lecteur@localhost");
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page).toHaveURL(/\/api\/newsletter$/);
    // The address typed stays out of the URL (history, logs): the POST is answered with the page itself.
    expect(new URL(page.url()).search).toBe("");
    await expect(page.getByText("Après le «\u202f@\u202f», il faut un domaine complet")).toBeVisible();
    await expect(page.getByLabel("Votre adresse e-mail")).toHaveValue("lecteur@localhost");
  });

  test("after a refused address, corrected and accepted, Back shows the refusal again, not the browser's error", async ({
    page,
  }) => {
    await page.goto("/newsletter/");
    await page.getByLabel("Votre adresse e-mail").fill("jean dupont@exemple.fr");
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inscription à corriger");
    await page.getByLabel("Votre adresse e-mail").fill(unique("retour"));
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page).toHaveURL(/\/newsletter\/merci\/(\?|$)/);
    // The refusal, answered to a POST, is kept by the browser for its history (private, no-cache, not no-store):
    // Chromium showed « ERR_CACHE_MISS » and offered to send the form again.
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inscription à corriger");
    await expect(page.getByText("Une adresse e-mail ne contient pas d’espace")).toBeVisible();
  });

  test("a mistyped domain is questioned, « S’inscrire avec … » signs up the address meant, « S’inscrire » the one typed", async ({
    page,
  }) => {
    const typed = unique("faute", "gmial.com");
    const meant = typed.replace("gmial.com", "gmail.com");
    await page.goto(article);
    const box = page.getByRole("region", { name: "Newsletter" });
    await box.getByLabel("Votre adresse e-mail").fill(typed);
    await box.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Adresse à vérifier");
    await expect(page.getByText(`Vouliez-vous dire ${meant}\u202f?`)).toBeVisible();
    await expect(page.getByLabel("Votre adresse e-mail")).toHaveValue(typed);
    await page.getByRole("button", { name: `S’inscrire avec ${meant}` }).click();
    await expect(page).toHaveURL(/\/newsletter\/merci\/(\?|$)/);

    // The reader who knows the domain is right sends it again as it was.
    const other = unique("juste", "gmial.com");
    await page.goto("/newsletter/");
    await page.getByLabel("Votre adresse e-mail").fill(other);
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page.getByText("Vouliez-vous dire")).toBeVisible();
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page).toHaveURL(/\/newsletter\/merci\/(\?|$)/);
  });

  test("sent from the keyboard, a refused address comes back with the focus on the field, which names the error", async ({
    page,
  }) => {
    await page.goto("/newsletter/");
    const field = page.getByLabel("Votre adresse e-mail");
    await field.fill("lecteur@localhost");
    await field.press("Enter");
    await expect(page).toHaveURL(/\/api\/newsletter$/);
    // The address typed stays out of the URL (history, logs): the POST is answered with the page itself.
    expect(new URL(page.url()).search).toBe("");
    await expect(field).toBeFocused();
    expect(await focusedTag(page)).toBe("INPUT");
    expect(await descriptions(field)).toEqual([
      expect.stringMatching(/^Après le «\u202f@\u202f», il faut un domaine complet/),
      FINE_PRINT,
    ]);
  });
});

test.describe("with JavaScript", () => {
  test("on a phone with its keyboard open, the answer shows above the field, in view, not under the keyboard", async ({
    page,
  }) => {
    // A 360 × 640 phone whose keyboard leaves 330 px of page: the field is scrolled into that space.
    await page.setViewportSize({ width: 360, height: 330 });
    await page.goto(article);
    const box = page.getByRole("region", { name: "Newsletter" });
    const field = box.getByLabel("Votre adresse e-mail");
    await field.fill("jean@exemple");
    await field.press("Enter");
    const status = box.getByRole("status");
    await expect(status).toHaveText(/Après le «\u202f@\u202f»/);
    await expect(status).toBeInViewport();
    await expect(field).toBeInViewport();
    const [answer, input] = await Promise.all([status.boundingBox(), field.boundingBox()]);
    expect(answer?.y ?? 0).toBeLessThan(input?.y ?? 0);
  });

  test("the answer appears in place, the button is disabled (aria-disabled) while sending, the URL does not change", async ({
    page,
  }) => {
    await page.goto(article);
    const box = page.getByRole("region", { name: "Newsletter" });
    const button = box.getByRole("button", { name: "S’inscrire" });
    // The live region is there (in the accessibility tree, which getByRole reads), empty, before its first words:
    // one that appears with them is often not read.
    await expect(box.getByRole("status")).toBeAttached();
    expect(await box.getByRole("status").evaluate((status) => status.textContent)).toBe("");
    await box.getByLabel("Votre adresse e-mail").fill(unique("avecjs"));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/newsletter", async (route) => {
      await held;
      await route.continue();
    });
    await button.click();
    await expect(button).toBeDisabled();
    release();
    await expect(box.getByRole("status")).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    await expect(button).toBeEnabled();
    expect(new URL(page.url()).pathname).toBe(article);
  });

  test("from the keyboard, the focus stays on « S’inscrire » while sending and after the answer; Enter again sends nothing more", async ({
    page,
  }) => {
    await page.goto(article);
    const box = page.getByRole("region", { name: "Newsletter" });
    const button = box.getByRole("button", { name: "S’inscrire" });
    const status = box.getByRole("status");
    await box.getByLabel("Votre adresse e-mail").focus();
    await page.keyboard.type(unique("clavier"));
    await page.keyboard.press("Tab");
    await expect(button).toBeFocused();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const posts: string[] = [];
    await page.route("**/api/newsletter", async (route) => {
      posts.push(route.request().url());
      await held;
      await route.continue();
    });
    await page.keyboard.press("Enter");
    await expect(status).toHaveText("Envoi en cours…");
    await expect(button).toHaveAttribute("aria-disabled", "true");
    expect(await focusedTag(page)).toBe("BUTTON");
    await page.keyboard.press("Enter");
    release();
    await expect(status).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    await expect(button).toBeFocused();
    expect(await focusedTag(page)).toBe("BUTTON");
    await expect(button).not.toHaveAttribute("aria-disabled", "true");
    expect(posts).toHaveLength(1);
  });

  test("from the keyboard, a refused address puts the focus back on the field, which names the error until it is fixed", async ({
    page,
  }) => {
    await page.goto("/newsletter/");
    const field = page.getByLabel("Votre adresse e-mail");
    const status = page.getByRole("status");
    await field.focus();
    await page.keyboard.type("lecteur@localhost");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(status).toHaveText(/Après le «\u202f@\u202f», il faut un domaine complet/);
    await expect(field).toBeFocused();
    expect(await focusedTag(page)).toBe("INPUT");
    expect(await descriptions(field)).toEqual([
      expect.stringMatching(/^Après le «\u202f@\u202f», il faut un domaine complet/),
      FINE_PRINT,
    ]);
    // Fixed and sent again with Enter in the field: the field names the fine print only.
    await field.fill(unique("corrigee"));
    await field.press("Enter");
    await expect(status).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute("aria-invalid", "false");
    expect(await descriptions(field)).toEqual([FINE_PRINT]);
  });

  test("the error page gives the field the focus, which names the error; sent again, the hidden error is no longer named", async ({
    page,
  }) => {
    await page.goto("/newsletter/erreur/?raison=domaine&email=lecteur%40localhost");
    const field = page.getByLabel("Votre adresse e-mail");
    await expect(field).toBeFocused();
    expect(await descriptions(field)).toEqual([
      expect.stringMatching(/^Après le «\u202f@\u202f», il faut un domaine complet/),
      FINE_PRINT,
    ]);
    await field.fill(unique("depuiserreur"));
    await field.press("Enter");
    await expect(page.getByRole("status")).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    await expect(page.getByText(/il faut un domaine complet/)).toBeHidden();
    // The page no longer says the signup is to be corrected: it takes the thank-you page's heading (the signup waits
    // for its confirmation), and thanks nobody either.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirmez votre inscription par e-mail");
    await expect(page).toHaveTitle(/^Confirmez votre inscription par e-mail/);
    await expect(page.getByRole("main")).not.toContainText("Merci");
    await expect(page.getByText("Votre inscription n’a pas été enregistrée")).toBeHidden();
    expect(await descriptions(field)).toEqual([FINE_PRINT]);
    await expect(field).toBeFocused();
  });

  test("tapping « S’inscrire » again after a success keeps the success and the address", async ({ page }) => {
    await page.goto(article);
    const box = page.getByRole("region", { name: "Newsletter" });
    const field = box.getByLabel("Votre adresse e-mail");
    const button = box.getByRole("button", { name: "S’inscrire" });
    const status = box.getByRole("status");
    const address = unique("deuxfois");
    await field.fill(address);
    await button.click();
    await expect(status).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    // The reader sees where the message went.
    await expect(field).toHaveValue(address);
    const answers: number[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/api/newsletter")) answers.push(r.status());
    });
    await button.click();
    await expect.poll(() => answers).toEqual([200]);
    await expect(status).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    await expect(field).toHaveValue(address);
    await expect(field).toHaveAttribute("aria-invalid", "false");
    await expect(status).not.toHaveAttribute("data-kind", "error");
  });

  test("an accented address, which the site accepts, is sent and accepted", async ({ page }) => {
    await page.goto("/newsletter/");
    await page.getByLabel("Votre adresse e-mail").fill(unique("josé"));
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page.getByRole("status")).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
  });

  test("a mistyped domain is questioned in place, and « S’inscrire avec … » puts the address meant in the field and sends it", async ({
    page,
  }) => {
    const typed = unique("faute", "hotmial.fr");
    const meant = typed.replace("hotmial.fr", "hotmail.fr");
    await page.goto("/newsletter/");
    const field = page.getByLabel("Votre adresse e-mail");
    await field.fill(typed);
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(
      `Vouliez-vous dire ${meant}\u202f? Si «\u202fhotmial.fr\u202f» est juste, cliquez de nouveau sur «\u202fS’inscrire\u202f».`,
    );
    await expect(field).toBeFocused();
    const offer = page.getByRole("button", { name: `S’inscrire avec ${meant}` });
    // An address edited after the warning is a new one: the offer for the old one goes, and comes back with it.
    await field.press("End");
    await field.press("Space");
    await expect(offer).toBeHidden();
    await field.fill(typed);
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await offer.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    await expect(field).toHaveValue(meant);
    await expect(offer).toBeHidden();
    // Pressed from the keyboard, the offer hides: the focus goes to « S’inscrire », not to the top of the page.
    await expect(page.getByRole("button", { name: "S’inscrire", exact: true })).toBeFocused();

    // Kept as typed: sent again unchanged after the warning, it is signed up.
    const other = unique("juste", "hotmial.fr");
    await field.fill(other);
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(/^Vouliez-vous dire/);
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(/Un e-mail de confirmation vous a été envoyé/);
    await expect(field).toHaveValue(other);
  });

  test("a screen reader hears a refusal once: with the field the focus moves to, or from the live region when it stays there", async ({
    page,
  }) => {
    await page.goto("/newsletter/");
    const field = page.getByLabel("Votre adresse e-mail");
    const status = page.getByRole("status");
    await field.fill("lecteur@localhost");
    await page.getByRole("button", { name: "S’inscrire", exact: true }).click();
    await expect(field).toBeFocused();
    // The focus moved to the field, read with its description, the error: the live region does not say it again.
    await expect(status).toHaveText(/Après le «\u202f@\u202f», il faut un domaine complet/);
    await expect(status).toHaveAttribute("aria-live", "off");
    expect((await descriptions(field))[0]).toMatch(/^Après le «\u202f@\u202f»/);
    // Enter in the field: the focus does not move (nothing is read), the live region says the new error.
    await field.fill("lecteur");
    await field.press("Enter");
    await expect(status).toHaveText(/Il manque le «\u202f@\u202f»/);
    await expect(status).toHaveAttribute("aria-live", "polite");
  });

  test("a refused address is explained in place", async ({ page }) => {
    await page.goto("/newsletter/");
    await page.getByLabel("Votre adresse e-mail").fill("lecteur@localhost");
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page.getByRole("status")).toHaveText(/Après le «\u202f@\u202f», il faut un domaine complet/);
    await expect(page).toHaveURL(/\/newsletter\/$/);
    // It reads as a refusal: in the error colour, not the text's, and the field is marked.
    const field = page.getByLabel("Votre adresse e-mail");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const colours = await page.evaluate(() => ({
      status: getComputedStyle(document.querySelector("[data-status]") ?? document.body).color,
      text: getComputedStyle(document.body).color,
    }));
    expect(colours.status).not.toBe(colours.text);
    await expect(field).toHaveCSS("border-color", colours.status);
  });

  test("on a phone, the answer shows right above the field, where the error page shows its error", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto("/newsletter/");
    const button = page.getByRole("button", { name: "S’inscrire" });
    await page.getByLabel("Votre adresse e-mail").fill("lecteur@localhost");
    await button.click();
    const status = page.getByRole("status");
    await expect(status).toHaveText(/Après le «\u202f@\u202f», il faut un domaine complet/);
    await expect(status).toBeInViewport();
    const answer = await status.boundingBox();
    const field = await page.getByLabel("Votre adresse e-mail").boundingBox();
    const heading = await page.getByRole("heading", { name: "Votre inscription" }).boundingBox();
    expect((answer?.y ?? 0) + (answer?.height ?? 0)).toBeLessThanOrEqual(field?.y ?? 0);
    expect(answer?.y ?? 0).toBeGreaterThan(heading?.y ?? 0);
    await expect(button).toBeInViewport();
  });

  test("a server that never answers is given up after 25 seconds, with the network failure's words", async ({
    page,
  }) => {
    await page.clock.install();
    await page.goto("/newsletter/");
    // The request reaches nobody who answers: no reply, ever.
    await page.route("**/api/newsletter", () => undefined);
    const field = page.getByLabel("Votre adresse e-mail");
    const button = page.getByRole("button", { name: "S’inscrire" });
    await field.fill(unique("muet"));
    await button.click();
    await expect(page.getByRole("status")).toHaveText("Envoi en cours…");
    await page.clock.runFor(24_000);
    await expect(button).toHaveAttribute("aria-disabled", "true");
    await page.clock.runFor(2_000);
    await expect(page.getByRole("status")).toHaveText(/Impossible de joindre le serveur.*réessayez/);
    await expect(button).not.toHaveAttribute("aria-disabled");
    await expect(field).toBeFocused();
  });

  test("a network failure says what to do", async ({ page }) => {
    await page.goto("/newsletter/");
    await page.route("**/api/newsletter", (route) => route.abort("internetdisconnected"));
    await page.getByLabel("Votre adresse e-mail").fill(unique("horsligne"));
    await page.getByRole("button", { name: "S’inscrire" }).click();
    await expect(page.getByRole("status")).toHaveText(/Impossible de joindre le serveur.*réessayez/);
    await expect(page.getByLabel("Votre adresse e-mail")).not.toHaveValue("");
    // The address is fine: not marked invalid, which a screen reader would say.
    await expect(page.getByLabel("Votre adresse e-mail")).toHaveAttribute("aria-invalid", "false");
    // Back on the field, to send it again.
    await expect(page.getByLabel("Votre adresse e-mail")).toBeFocused();
  });
});
