/**
 * Progressive enhancement of the phone's sections menu (Header.astro, a <details> that opens without
 * JavaScript): it closes as a menu does, on Escape (focus back on « Rubriques »), on a tap or a click
 * outside it, and when the keyboard's focus leaves it, which would otherwise go to links under the open
 * list, out of sight. From 40rem the sections show as a row whatever the menu's state.
 */
export function enhanceSectionsMenu(): void {
  const menu = document.querySelector<HTMLDetailsElement>(".sections details");
  const summary = menu?.querySelector("summary");
  if (!menu || !summary) return;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !menu.open) return;
    menu.open = false;
    summary.focus();
  });
  // pointerdown, not click: iOS Safari sends no click to the document from a tap on text.
  document.addEventListener("pointerdown", (event) => {
    if (menu.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false;
  });
  menu.addEventListener("focusout", (event) => {
    if (menu.open && event.relatedTarget instanceof Node && !menu.contains(event.relatedTarget)) menu.open = false;
  });
}
