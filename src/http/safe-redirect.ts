// The one check for every redirect target taken from a request (`next=`, `return=`): only a path
// on this site. Browsers are lenient about what they treat as "another host": `//evil`, `/\evil`,
// `/<TAB>/evil` (tabs and newlines are dropped from URLs), and the same spelled with percent
// escapes once the target is decoded again further along. Anything doubtful falls back to a
// fixed page; nothing is repaired, because a repaired hostile value is still hostile.

/** A safe same-site path taken from `raw`, or `fallback` when it is not plainly one. */
export function safeRedirectPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  // Printable ASCII only: control characters (CR/LF would also break the Location header),
  // spaces and non-ASCII never appear in a path this app wrote (it percent-encodes them).
  if (!/^[\x21-\x7e]+$/.test(raw)) return fallback;
  let v = raw;
  // Decoded up to three times: a target may be decoded again by whatever reads it next.
  for (let i = 0; i < 4; i++) {
    if (!plainPath(v)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(v);
    } catch {
      return fallback; // a malformed escape: not something this site wrote
    }
    if (decoded === v) break;
    if (i === 3) return fallback; // still changing: layered encoding is an attack, not a link
    v = decoded;
  }
  // Whatever the browser makes of it must stay on this origin.
  const base = 'http://same-origin.invalid';
  let resolved: URL;
  try {
    resolved = new URL(raw, base);
  } catch {
    return fallback;
  }
  return resolved.origin === base ? raw : fallback;
}

/** Starts with one slash, and holds no backslash, control character or a second leading slash. */
function plainPath(v: string): boolean {
  return (
    v.startsWith('/') &&
    !v.startsWith('//') &&
    !v.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\x00-\x1f\x7f]/.test(v)
  );
}
