import { describe, expect, it } from "vitest";
import { clientKey } from "../../src/lib/newsletter/client.ts";

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
});
