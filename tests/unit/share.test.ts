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

  it("carry the article's whole address, encoded, so that a query or fragment in it stays the article's", () => {
    const tricky = "https://www.digimedia.fr/articles/x/?a=1&b=2#note";
    for (const link of shareLinks(tricky, title)) {
      const query = link.href.startsWith("mailto:") ? link.href.slice("mailto:?".length) : new URL(link.href).search;
      const values = [...new URLSearchParams(query).values()];
      expect(
        values.some((v) => v.includes(tricky)),
        link.name,
      ).toBe(true);
      expect(link.href, link.name).not.toContain(tricky);
    }
  });

  it("lead each to a different service's page", () => {
    const web = links.filter((l) => !l.href.startsWith("mailto:"));
    expect(new Set(web.map((l) => new URL(l.href).host)).size).toBe(web.length);
    expect(new Set(links.map((l) => l.name)).size).toBe(links.length);
  });

  it("are all https links or mailto", () => {
    for (const link of links) expect(link.href).toMatch(/^(https:\/\/|mailto:)/);
    expect(links.find((l) => l.href.startsWith("mailto:"))?.action).toBe("Envoyer par");
  });
});
