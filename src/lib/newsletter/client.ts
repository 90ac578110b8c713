/**
 * Who sent a signup, for the per-client limit: the connection's address, an IPv6 host counted by its
 * /64 (one subscriber line gets a whole /64). Loopback and private addresses give no key: there, the
 * server sees a proxy or a load balancer that every reader shares, and a limit would shut all out.
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";

const shared = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  shared.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
] as const)
  shared.addSubnet(network, prefix, "ipv6");

/** The eight groups of an IPv6 address, "::" expanded. */
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const part = (s: string): string[] => (s === "" ? [] : s.split(":"));
  const groups =
    tail === undefined
      ? part(head)
      : [...part(head), ...Array<string>(8 - part(head).length - part(tail).length).fill("0"), ...part(tail)];
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}

/** The key the per-client limit counts for `address` (Astro's clientAddress), or none. */
export function clientKey(address: string | undefined): string | undefined {
  const raw = (address ?? "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw)?.[1];
  const ip = mapped ?? raw;
  if (isIPv4(ip)) return shared.check(ip, "ipv4") ? undefined : ip;
  if (!isIPv6(ip) || shared.check(ip, "ipv6")) return undefined;
  // An IPv4 written inside an IPv6 address (NAT64) is one client: the whole address.
  return ip.includes(".") ? ip.toLowerCase() : `${ipv6Groups(ip).slice(0, 4).join(":")}::/64`;
}
