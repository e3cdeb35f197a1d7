// Pure rules of the OIT link checker: which network addresses it must never contact (SSRF guard)
// and what a fetched link's result means for the agency (dead, not HTTPS, home page, off site).

/** IPv4 dotted quad → 32-bit number, or undefined. */
function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

function inV4(ip: number, base: string, bits: number): boolean {
  const b = ipv4ToInt(base)!;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (ip & mask) >>> 0 === (b & mask) >>> 0;
}

/** IPv6 text → 8 groups, or undefined. Handles `::` and an embedded IPv4 tail. */
function ipv6Groups(ip: string): number[] | undefined {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 tail (::ffff:127.0.0.1) becomes two hex groups.
    const v4 = ipv4ToInt(s.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) =>
    h === '' ? [] : h.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  let groups = head;
  if (halves.length === 2) {
    const fill = 8 - head.length - rest.length;
    if (fill < 0) return undefined;
    groups = [...head, ...Array<number>(fill).fill(0), ...rest];
  }
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return undefined;
  return groups;
}

export type AddressVerdict = 'public' | 'loopback' | 'private' | 'invalid';

/** Classifies an IP address (v4 or v6) the resolver returned. */
export function classifyAddress(ip: string): AddressVerdict {
  const v4 = ipv4ToInt(ip);
  if (v4 !== undefined) {
    if (inV4(v4, '127.0.0.0', 8)) return 'loopback';
    return V4_BLOCKED.some(([b, bits]) => inV4(v4, b, bits)) ? 'private' : 'public';
  }
  const g = ipv6Groups(ip);
  if (!g) return 'invalid';
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g6 = 0, h = 0] = g;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0 && g6 === 0 && h === 1)
    return 'loopback';
  if (g.every((x) => x === 0)) return 'private';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d):
  // judge the embedded IPv4 address.
  const embedded = `${g6 >>> 8}.${g6 & 255}.${h >>> 8}.${h & 255}`;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && (f === 0xffff || f === 0))
    return classifyAddress(embedded);
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0)
    return classifyAddress(embedded);
  if ((a & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return 'private'; // link-local fe80::/10
  if ((a & 0xffc0) === 0xfec0) return 'private'; // site-local (deprecated)
  if ((a & 0xff00) === 0xff00) return 'private'; // multicast
  if (a === 0x2001 && b === 0x0db8) return 'private'; // documentation
  if (a === 0x2002) return 'private'; // 6to4 can hide any IPv4 address
  if (a === 0x2001 && b === 0) return 'private'; // Teredo can hide any IPv4 address
  return 'public';
}

/** Whether the checker may connect to this address; loopback only with the test-only flag. */
export function addressAllowed(ip: string, allowLoopback: boolean): boolean {
  const v = classifyAddress(ip);
  return v === 'public' || (v === 'loopback' && allowLoopback);
}

export const LINK_FLAGS = ['dead', 'not_https', 'redirect_home', 'off_site', 'blocked'] as const;
export type LinkFlag = (typeof LINK_FLAGS)[number];

export interface LinkFetchResult {
  url: string;
  httpStatus: number | null;
  finalUrl: string | null;
  /** Set when nothing usable came back: timeout, DNS failure, refused address, … */
  error: string | null;
  blocked?: boolean;
}

/** The host an agency's website is on, without "www.", or null when none is recorded. */
export function siteHost(website: string | null): string | null {
  if (!website) return null;
  try {
    const u = new URL(/^https?:\/\//i.test(website) ? website : `http://${website}`);
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

function onSite(url: string, host: string): boolean {
  try {
    const h = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    return h === host || h.endsWith(`.${host}`);
  } catch {
    return false;
  }
}

const isHome = (u: URL) =>
  u.pathname === '/' || u.pathname === '' || /^\/(index\.(php|html?|aspx?))?$/i.test(u.pathname);

/** What a checked link's result means: dead, not HTTPS, redirected to a home page, off site. */
export function linkFlags(r: LinkFetchResult, agencyWebsite: string | null): LinkFlag[] {
  const flags: LinkFlag[] = [];
  if (r.blocked) flags.push('blocked');
  if (r.error !== null || r.httpStatus === null || r.httpStatus >= 400) flags.push('dead');
  const last = r.finalUrl ?? r.url;
  if (!r.url.startsWith('https:') || !last.startsWith('https:')) flags.push('not_https');
  if (r.finalUrl && r.finalUrl !== r.url) {
    try {
      const from = new URL(r.url);
      const to = new URL(r.finalUrl);
      if (isHome(to) && !isHome(from)) flags.push('redirect_home');
    } catch {
      /* an unparsable URL is already dead */
    }
  }
  const host = siteHost(agencyWebsite);
  if (host && (!onSite(r.url, host) || (r.finalUrl !== null && !onSite(r.finalUrl, host))))
    flags.push('off_site');
  return flags;
}

/** Why a link could not be read, in words an agency officer can act on (the raw error stays in the data). */
export type LinkProblem =
  | 'timeout'
  | 'no_such_host'
  | 'refused'
  | 'tls'
  | 'blocked'
  | 'too_many_redirects'
  | 'bad_url'
  | 'unreachable';

/** Classifies a fetch error message (Node's error codes and our own) into a LinkProblem. */
export function linkProblem(r: Pick<LinkFetchResult, 'error' | 'blocked'>): LinkProblem | null {
  if (r.error === null) return null;
  if (r.blocked) return 'blocked';
  const e = r.error;
  if (e === 'timeout' || /ETIMEDOUT|ESOCKETTIMEDOUT/.test(e)) return 'timeout';
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME/.test(e)) return 'no_such_host';
  if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH/.test(e)) return 'refused';
  if (/CERT|certificate|SSL|TLS|self[- ]signed/i.test(e)) return 'tls';
  if (/too many redirects/.test(e)) return 'too_many_redirects';
  if (/Invalid URL|unsupported scheme/i.test(e)) return 'bad_url';
  return 'unreachable';
}
