/**
 * Progressive enhancement of the share box (ShareBox.astro): the device's own share sheet where
 * the browser has one (phones), and a button that copies the article's address. Without
 * JavaScript both stay hidden and the links to each service work alone.
 */
const FAILED = "Le partage n’a pas abouti. Copiez le lien ou choisissez un service.";

/** Attaches the enhancement to every element marked data-share. */
export function enhanceShareBoxes(): void {
  for (const box of document.querySelectorAll<HTMLElement>("[data-share]")) {
    const url = box.dataset["url"] ?? location.href;
    const title = box.dataset["title"] ?? document.title;
    const status = box.querySelector<HTMLElement>("[data-share-status]");
    // Emptied, then written on the next frame: the same message said twice is heard twice.
    const say = (text: string): void => {
      if (status === null) return;
      status.textContent = "";
      requestAnimationFrame(() => {
        status.textContent = text;
      });
    };
    const native = box.querySelector<HTMLButtonElement>("[data-native-share]");
    if (native?.parentElement && typeof navigator.share === "function") {
      native.parentElement.hidden = false;
      native.addEventListener("click", () => {
        navigator.share({ title, url }).catch((error: unknown) => {
          // The reader closed the sheet: nothing to say.
          if (!(error instanceof DOMException && error.name === "AbortError")) say(FAILED);
        });
      });
    }
    const copy = box.querySelector<HTMLButtonElement>("[data-copy-link]");
    // The clipboard exists only on https pages (and localhost).
    if (copy?.parentElement && "clipboard" in navigator) {
      copy.parentElement.hidden = false;
      copy.addEventListener("click", () => {
        navigator.clipboard.writeText(url).then(
          () => {
            say("Lien copié.");
          },
          () => {
            say(`Copie impossible. Voici le lien\u00a0: ${url}`);
          },
        );
      });
    }
  }
}
