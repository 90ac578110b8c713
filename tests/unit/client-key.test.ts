import { describe, expect, it } from "vitest";
import { clientKey, trustedProxies, trustedProxiesWarning } from "../../src/lib/newsletter/client.ts";

describe("the client a signup comes from", () => {
  it("is the public IPv4 address, mapped or not", () => {
    expect(clientKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  });

  it("is an IPv6 address's /64, however the address is written", () => {
    expect(clientKey("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(clientKey("2001:0db8:00aa:00bb::5")).toBe("2001:db8:aa:bb::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("2001:DB8:AA:BB::1%eth0")).toBe("2001:db8:aa:bb::/64");
  });

  it("is unknown for loopback, private and link-local addresses (a proxy every reader shares) and for garbage", () => {
    for (const shared of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.5",
      "192.168.1.10",
      "100.64.0.1",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
    ])
      expect(clientKey(shared), shared).toBeUndefined();
    for (const junk of [undefined, "", "localhost", "1.2.3", "2001:db8::g"])
      expect(clientKey(junk), String(junk)).toBeUndefined();
  });

  it("is, behind a proxy, the address the proxy forwarded (X-Forwarded-For, read from the right)", () => {
    // nginx on the same machine: the reader's address, as nginx appended it.
    expect(clientKey("127.0.0.1", "203.0.113.9")).toBe("203.0.113.9");
    // What the reader wrote in the header is left of what the proxy appended: never believed.
    expect(clientKey("127.0.0.1", "198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
    // Through a load balancer then nginx, both private.
    expect(clientKey("10.0.0.2", "2001:db8:aa:bb::1, 10.0.0.7")).toBe("2001:db8:aa:bb::/64");
    // Ports and brackets some proxies write.
    expect(clientKey("127.0.0.1", "203.0.113.9:51234")).toBe("203.0.113.9");
    expect(clientKey("127.0.0.1", "[2001:db8:aa:bb::1]:443")).toBe("2001:db8:aa:bb::/64");
    // A proxy that says nothing, or garbage: no key, as before.
    expect(clientKey("127.0.0.1", null)).toBeUndefined();
    expect(clientKey("127.0.0.1", "unknown")).toBeUndefined();
  });

  it("believes X-Forwarded-For from a public address only when TRUSTED_PROXIES names it", () => {
    // A reader connecting directly cannot choose its key by writing the header.
    expect(clientKey("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    const { proxies, invalid } = trustedProxies(" 173.245.48.0/20, 2400:cb00::/32 ,192.0.2.7");
    expect(invalid).toEqual([]);
    // A CDN's rewrite: its egress address, then the reader's.
    expect(clientKey("173.245.50.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientKey("2400:cb00::5", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientKey("192.0.2.7", "203.0.113.4, 198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(clientKey("192.0.2.8", "198.51.100.1", proxies)).toBe("192.0.2.8");
  });

  it("refuses, with a French warning, TRUSTED_PROXIES entries that are no address nor network", () => {
    expect(trustedProxies("10.0.0.0/, cloudflare, 1.2.3.4/33, 2001:db8::/129, 1.2.3.4").invalid).toEqual([
      "10.0.0.0/",
      "cloudflare",
      "1.2.3.4/33",
      "2001:db8::/129",
    ]);
    expect(trustedProxiesWarning({ TRUSTED_PROXIES: "cloudflare" })).toBe(
      "Attention\u00a0: dans TRUSTED_PROXIES, «\u202fcloudflare\u202f» n’est ni une adresse IP ni un réseau (203.0.113.0/24)\u00a0: ignoré.",
    );
    expect(trustedProxiesWarning({ TRUSTED_PROXIES: "203.0.113.0/24" })).toBeUndefined();
    expect(trustedProxiesWarning({})).toBeUndefined();
  });
});
