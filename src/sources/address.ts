// Classifies IP addresses so that a log reference cannot make skewbot read from the machine it runs on, its
// network or a cloud metadata endpoint (SSRF). Only globally routable unicast addresses count as public.
import { isIPv4, isIPv6 } from "node:net";

export type AddressClass =
  | "public"
  | "private"
  | "loopback"
  | "link-local"
  | "unspecified"
  | "multicast"
  | "shared"
  | "reserved"
  | "documentation"
  | "invalid";

type V4Range = [base: number, bits: number, cls: AddressClass];

const V4_RANGES: V4Range[] = [
  [v4("0.0.0.0"), 8, "unspecified"],
  [v4("10.0.0.0"), 8, "private"],
  [v4("100.64.0.0"), 10, "shared"],
  [v4("127.0.0.0"), 8, "loopback"],
  // Cloud metadata services (169.254.169.254) live here.
  [v4("169.254.0.0"), 16, "link-local"],
  [v4("172.16.0.0"), 12, "private"],
  [v4("192.0.0.0"), 24, "reserved"],
  [v4("192.0.2.0"), 24, "documentation"],
  [v4("192.88.99.0"), 24, "reserved"],
  [v4("192.168.0.0"), 16, "private"],
  [v4("198.18.0.0"), 15, "reserved"],
  [v4("198.51.100.0"), 24, "documentation"],
  [v4("203.0.113.0"), 24, "documentation"],
  [v4("224.0.0.0"), 4, "multicast"],
  [v4("240.0.0.0"), 4, "reserved"],
];

function v4(text: string): number {
  return text.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function classifyV4(value: number): AddressClass {
  for (const [base, bits, cls] of V4_RANGES) {
    const size = 2 ** (32 - bits);
    if (value >= base && value < base + size) return cls;
  }
  return "public";
}

/** Parses an IPv6 address (with optional zone and dotted IPv4 tail) into eight 16-bit groups. */
export function parseIPv6(text: string): number[] | undefined {
  let s = text.toLowerCase();
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!isIPv6(s)) return undefined;
  const lastColon = s.lastIndexOf(":");
  const last = s.slice(lastColon + 1);
  if (last.includes(".")) {
    const n = v4(last);
    s = `${s.slice(0, lastColon + 1)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const gap = s.indexOf("::");
  if (gap < 0) {
    const groups = parse(s);
    return groups.length === 8 ? groups : undefined;
  }
  const left = parse(s.slice(0, gap));
  const right = parse(s.slice(gap + 2));
  const zeros = 8 - left.length - right.length;
  if (zeros < 1) return undefined;
  return [...left, ...new Array<number>(zeros).fill(0), ...right];
}

function classifyV6(groups: number[]): AddressClass {
  const g = (i: number) => groups[i] ?? 0;
  const embeddedV4 = (hi: number, lo: number) => classifyV4(g(hi) * 65536 + g(lo));
  const allZero = (from: number, to: number) => groups.slice(from, to).every((x) => x === 0);
  if (allZero(0, 8)) return "unspecified";
  if (allZero(0, 7) && g(7) === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the embedded IPv4 address.
  if (allZero(0, 5) && g(5) === 0xffff) return embeddedV4(6, 7);
  if (allZero(0, 6)) return embeddedV4(6, 7);
  // NAT64 (64:ff9b::/96) translates to the embedded IPv4 address; the local-use prefix is site-specific.
  if (g(0) === 0x64 && g(1) === 0xff9b && allZero(2, 6)) return embeddedV4(6, 7);
  if (g(0) === 0x64 && g(1) === 0xff9b && g(2) === 1) return "private";
  // 6to4 (2002::/16) carries the relay's IPv4 address in groups 1-2.
  if (g(0) === 0x2002) return embeddedV4(1, 2);
  if (g(0) === 0x2001 && g(1) === 0x0db8) return "documentation";
  if (g(0) === 0x2001 && g(1) < 0x0200) return "reserved";
  if ((g(0) & 0xfe00) === 0xfc00) return "private";
  if ((g(0) & 0xffc0) === 0xfe80) return "link-local";
  if ((g(0) & 0xffc0) === 0xfec0) return "private";
  if ((g(0) & 0xff00) === 0xff00) return "multicast";
  if (g(0) === 0x0100 && allZero(1, 4)) return "reserved";
  // Everything outside global unicast 2000::/3 is unassigned or special.
  if ((g(0) & 0xe000) !== 0x2000) return "reserved";
  return "public";
}

/** What kind of address this is; anything but `public` is refused unless explicitly allowed. */
export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return classifyV4(v4(bare));
  const groups = parseIPv6(bare);
  return groups ? classifyV6(groups) : "invalid";
}

export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return isIPv4(bare) || isIPv6(bare.split("%")[0] ?? "");
}
