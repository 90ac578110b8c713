import type { Page } from "@playwright/test";

/** The focused element's tag: "BODY" when the focus was lost, as a keyboard user finds it at the top of the page. */
export function focusedTag(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.tagName);
}
