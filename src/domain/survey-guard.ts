// Pure parts of abuse resistance: network prefixes, fixed windows, and short codes.

/** The network a client address belongs to: IPv4 /24, IPv6 /48 ('unknown' when unparseable). */
export function networkPrefix(address: string | undefined): string {
  if (!address) return 'unknown';
  let a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1]!;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (a.includes(':')) {
    const [head = '', tail = ''] = a.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const fill: string[] = Array.from({ length: Math.max(0, 8 - h.length - t.length) }, () => '0');
    const groups = a.includes('::') ? [...h, ...fill, ...t] : h;
    if (groups.length !== 8) return 'unknown';
    return `${groups
      .slice(0, 3)
      .map((g: string) => g.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  }
  return 'unknown';
}

/** The fixed window an instant falls in: its start (seconds since epoch) and its end. */
export function fixedWindow(now: Date, seconds: number): { start: number; endsAt: Date } {
  const t = Math.floor(now.getTime() / 1000);
  const start = t - (t % seconds);
  return { start, endsAt: new Date((start + seconds) * 1000) };
}

/** Letters and digits that cannot be confused when read aloud or printed (no 0/o, 1/l/i). */
export const CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** A code of `length` characters from random bytes (one byte per character, rejection-free). */
export function codeFromBytes(bytes: Uint8Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[(bytes[i] ?? 0) % CODE_ALPHABET.length];
  return s;
}

/** Normalises a typed access code: lower case, no spaces or dashes. */
export function normaliseCode(s: string): string {
  return s.toLowerCase().replace(/[\s-]/g, '');
}
