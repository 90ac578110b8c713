/**
 * Progressive enhancement of /flux-rss/: a « Copier l’adresse » button by each feed, where the browser has a
 * clipboard (https pages, localhost). On a phone, a long press selects a word of the address, not all of it;
 * without JavaScript the buttons stay hidden and the address is there to select. (The share box's copy, in
 * share.ts, is written apart: a module both import would be one more file for every article page to load.)
 */

/** Attaches the enhancement to every button marked data-copy-feed (its address in the attribute). */
export function enhanceFeedCopies(): void {
  if (!("clipboard" in navigator)) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy-feed]")) {
    const address = button.dataset["copyFeed"] ?? "";
    const holder = button.parentElement;
    const status = holder?.querySelector<HTMLElement>("[data-copy-status]");
    if (!holder || !status) continue;
    holder.hidden = false;
    // Emptied, then written on the next frame: the same message said twice is heard twice.
    const say = (text: string): void => {
      status.textContent = "";
      requestAnimationFrame(() => {
        status.textContent = text;
      });
    };
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(address).then(
        () => {
          say("Adresse copiée\u00a0: collez-la dans votre lecteur de flux.");
        },
        () => {
          say(`Copie impossible. Voici l’adresse\u00a0: ${address}`);
        },
      );
    });
  }
}
