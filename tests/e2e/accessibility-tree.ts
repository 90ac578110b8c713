import type { Page } from "@playwright/test";

/** A node of what Chromium gives screen readers: its role and its name, as they would announce them. */
export interface ReadNode {
  role: string;
  name: string;
}

/**
 * What Chromium gives screen readers for the page, its ignored nodes left out: Chromium's own accessibility tree
 * (CDP), which applies CSS (text-transform, visibility) where Playwright's role queries read the DOM.
 */
export async function accessibilityTree(page: Page): Promise<ReadNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
      nodes: { ignored: boolean; role?: { value?: string }; name?: { value?: string } }[];
    };
    return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value ?? "", name: n.name?.value ?? "" }));
  } finally {
    await cdp.detach();
  }
}
