import { describe, expect, it } from "vitest";
import { shareLinks } from "../../src/lib/share.ts";

const url = "https://www.digimedia.fr/articles/tencent-et-ant-group/";
const title = "Tencent et Ant Group\u00a0: l’étau se resserre & après\u202f?";

describe("share links", () => {
  const links = shareLinks(url, title);
  const param = (href: string, name: string): string | null => new URL(href).searchParams.get(name);

  it("give each service the article's address and title, whole, French characters included", () => {
    const by = new Map(links.map((l) => [l.name, l.href]));
    expect(param(by.get("WhatsApp") ?? "", "text")).toBe(`${title} ${url}`);
    expect(param(by.get("Facebook") ?? "", "u")).toBe(url);
    expect(param(by.get("X") ?? "", "text")).toBe(title);
    expect(param(by.get("X") ?? "", "url")).toBe(url);
    expect(param(by.get("LinkedIn") ?? "", "url")).toBe(url);
    expect(param(by.get("Bluesky") ?? "", "text")).toBe(`${title} ${url}`);
  });

  it("write the e-mail with %20 for spaces (mail clients show a + as a +)", () => {
    const mail = links.find((l) => l.name === "E-mail")?.href ?? "";
    expect(mail.startsWith("mailto:?subject=")).toBe(true);
    expect(mail).not.toContain("+");
    const query = new URLSearchParams(mail.slice("mailto:?".length));
    expect(query.get("subject")).toBe(title);
    expect(query.get("body")).toBe(`${title}\r\n\r\n${url}`);
  });

  it("lead to each service's own share page", () => {
    expect(links.map((l) => l.href.replace(/\?.*/, ""))).toEqual([
      "https://wa.me/",
      "https://www.facebook.com/sharer/sharer.php",
      "https://x.com/intent/post",
      "https://www.linkedin.com/sharing/share-offsite/",
      "https://bsky.app/intent/compose",
      "mailto:",
    ]);
  });

  it("are all https links or mailto", () => {
    for (const link of links) expect(link.href).toMatch(/^(https:\/\/|mailto:)/);
    expect(links.find((l) => l.href.startsWith("mailto:"))?.action).toBe("Envoyer par");
  });
});
