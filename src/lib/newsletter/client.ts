/**
 * Who sent a signup, for the per-client limit: the connection's address, an IPv6 host counted by its
 * /64 (one subscriber line gets a whole /64). Loopback and private addresses are a proxy or a load balancer that
 * every reader shares, as are the addresses of TRUSTED_PROXIES (a CDN's, whose rewrites reach this server): the
 * client is then the address such a proxy says it forwarded (X-Forwarded-For, read from the right), and when none
 * says, there is no key (a limit would shut all readers out).
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";
import { commaList } from "../comma-list.ts";

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

/** An address as a connection or X-Forwarded-For gives it: an IPv4 mapped in IPv6 unwrapped, a zone or a port dropped. */
function plainAddress(written: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(written)?.[1];
  const withoutPort = bracketed ?? written.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const raw = withoutPort.replace(/%.*$/, "");
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw)?.[1] ?? raw;
}

/** True for an address of a proxy: a private or loopback one, or one of `proxies` (TRUSTED_PROXIES). */
function isProxy(ip: string, proxies: BlockList): boolean {
  const family = isIPv4(ip) ? "ipv4" : "ipv6";
  return shared.check(ip, family) || proxies.check(ip, family);
}

/** The key of one client's address: an IPv4 address, or an IPv6 address's /64. */
function keyOf(ip: string): string {
  if (isIPv4(ip)) return ip;
  // An IPv4 written inside an IPv6 address (NAT64) is one client: the whole address.
  return ip.includes(".") ? ip.toLowerCase() : `${ipv6Groups(ip).slice(0, 4).join(":")}::/64`;
}

/** No proxy besides the private and loopback addresses. */
export const NO_PROXIES = new BlockList();

/**
 * The key the per-client limit counts for a request: its connection's `address` (Astro's clientAddress), or, when
 * that is a proxy's, the address it forwarded (`forwardedFor`, X-Forwarded-For: each proxy appends the address it
 * received from, so the list is read from the right, past every proxy). Undefined when the first address that is no
 * proxy's is unreadable, or when all are proxies'.
 */
export function clientKey(
  address: string | undefined,
  forwardedFor: string | null = null,
  proxies: BlockList = NO_PROXIES,
): string | undefined {
  for (const hop of [...commaList(forwardedFor), address ?? ""].reverse()) {
    const ip = plainAddress(hop);
    if (!isIPv4(ip) && !isIPv6(ip)) return undefined;
    if (!isProxy(ip, proxies)) return keyOf(ip);
  }
  return undefined;
}

/**
 * TRUSTED_PROXIES: addresses or networks (« 203.0.113.7, 173.245.48.0/20, 2400:cb00::/32 »), separated by commas,
 * of proxies whose X-Forwarded-For is believed, besides the private and loopback ones; and the entries that are none.
 */
export function trustedProxies(setting: string | undefined): { proxies: BlockList; invalid: string[] } {
  const proxies = new BlockList();
  const invalid: string[] = [];
  for (const entry of commaList(setting)) {
    const [network = "", prefix] = entry.split("/");
    const family = isIPv4(network) ? "ipv4" : isIPv6(network) ? "ipv6" : undefined;
    const bits = prefix === undefined ? (family === "ipv4" ? 32 : 128) : Number(prefix);
    const badPrefix = prefix !== undefined && !/^\d{1,3}$/.test(prefix);
    if (family === undefined || badPrefix || bits > (family === "ipv4" ? 32 : 128)) {
      invalid.push(entry);
      continue;
    }
    proxies.addSubnet(network, bits, family);
  }
  return { proxies, invalid };
}

/** The startup warning for TRUSTED_PROXIES entries that are no address nor network, or undefined. */
export function trustedProxiesWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { invalid } = trustedProxies(env["TRUSTED_PROXIES"]);
  if (invalid.length === 0) return undefined;
  const listed = invalid.map((e) => `«\u202f${e}\u202f»`).join(", ");
  return invalid.length === 1
    ? `Attention\u00a0: dans TRUSTED_PROXIES, ${listed} n’est ni une adresse IP ni un réseau (203.0.113.0/24)\u00a0: ignoré.`
    : `Attention\u00a0: dans TRUSTED_PROXIES, ${listed} ne sont ni des adresses IP ni des réseaux (203.0.113.0/24)\u00a0: ignorés.`;
}
