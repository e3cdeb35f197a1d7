// Cheap responses for pages that are the same for everyone but for a few per-request values (a
// form's CSRF token, a sealed response id) and for what holds nothing personal (ADR 0017).
//
// A page template is rendered once with placeholders, split there, and each fixed part is
// compressed once into a gzip member's deflate blocks, ending on a byte boundary (a sync flush):
// filling it in costs storing the few per-request values and combining CRCs, not
// rendering and compressing a 100 KB document. Anything personal is still sent `no-store`.
import { createHash } from 'node:crypto';
import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { crc32Combine, shiftFor } from './crc32-combine.ts';

/** Text that survives HTML escaping unchanged and appears nowhere else. */
export const placeholder = (name: string) => `itas0placeholder0${name}0`;

/** A page filled in: its text, its gzip member, and its ETag when it is the same for everyone. */
export interface FilledPage {
  text: string;
  gzip: () => Buffer;
  etag?: string;
}

export interface PageTemplate {
  fill(values: string[]): FilledPage;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const FLUSHED = { level: 6, finishFlush: constants.Z_SYNC_FLUSH };

/**
 * `data` as deflate stored blocks (not final), starting and ending on a byte boundary: a token of
 * 43 characters is not worth a compressor (creating one costs more than the page's template).
 */
function storedBlocks(data: Buffer): Buffer {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length || at === 0; at += 65_535) {
    const chunk = data.subarray(at, at + 65_535);
    const head = Buffer.alloc(5);
    head[0] = 0; // BFINAL 0, BTYPE 00 (stored), padded to the byte
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    out.push(head, chunk);
    if (data.length === 0) break;
  }
  return Buffer.concat(out);
}

/** A piece of a page: its text, deflated, and its CRC-32 with the operator for its length. */
interface Piece {
  text: Buffer;
  deflated: Buffer;
  crc: number;
  shift: number;
}

const pieceOf = (text: Buffer, deflated: Buffer): Piece => ({
  text,
  deflated,
  crc: crc32(text),
  shift: shiftFor(text.length),
});

/** A gzip member of these pieces, their CRCs combined (the fixed ones' made beforehand). */
function gzipOf(pieces: Piece[]): Buffer {
  let crc = 0;
  let size = 0;
  for (const p of pieces) {
    crc = crc32Combine(crc, p.crc, p.shift);
    size += p.text.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  return Buffer.concat([GZIP_HEADER, ...pieces.map((p) => p.deflated), trailer]);
}

/**
 * Splits `html` at the placeholders `names` (each exactly once, in this order) and compresses
 * the fixed parts once.
 */
export function pageTemplate(html: string, names: string[]): PageTemplate {
  const texts: string[] = [];
  let rest = html;
  for (const name of names) {
    const at = rest.indexOf(placeholder(name));
    if (at < 0 || rest.indexOf(placeholder(name), at + 1) >= 0)
      throw new Error(`page template: ${name} must appear exactly once`);
    texts.push(rest.slice(0, at));
    rest = rest.slice(at + placeholder(name).length);
  }
  texts.push(rest);
  // Raw deflate of each fixed part, flushed to a byte boundary (the last one finished).
  const parts: Piece[] = texts.map((t, i) => {
    const text = Buffer.from(t, 'utf8');
    const last = i === texts.length - 1;
    return pieceOf(text, deflateRawSync(text, last ? { level: 6 } : FLUSHED));
  });
  if (names.length === 0) {
    // Nothing per request (the thanks page): one text, one gzip member, one ETag, made once.
    const text = texts[0]!;
    let gzipped: Buffer | undefined;
    const page: FilledPage = {
      text,
      gzip: () => (gzipped ??= gzipOf(parts)),
      etag: etagOf(text),
    };
    return { fill: () => page };
  }
  return {
    fill(values) {
      let text = texts[0]!;
      for (let i = 0; i < values.length; i++) text += values[i]! + texts[i + 1]!;
      return {
        text,
        gzip: () => {
          const pieces: Piece[] = [parts[0]!];
          for (let i = 0; i < values.length; i++) {
            const v = Buffer.from(values[i]!, 'utf8');
            pieces.push(pieceOf(v, storedBlocks(v)), parts[i + 1]!);
          }
          return gzipOf(pieces);
        },
      };
    },
  };
}

/** Which compression the client takes: br, gzip or none (q=0 refuses). */
export function acceptedEncoding(header: string | undefined, offer: ('br' | 'gzip')[]) {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const item of header.toLowerCase().split(',')) {
    const [name, ...params] = item.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name!.trim(), q === undefined ? 1 : Number(q));
  }
  const star = accepted.get('*');
  return offer.find((e) => (accepted.get(e) ?? star ?? 0) > 0);
}

/** Below this, compressing costs more than the bytes it saves. */
const MIN_COMPRESS = 1024;

/**
 * An HTML page as the response: gzip when the client takes it (the template's, or compressed
 * now), `Vary: Accept-Encoding`, and the caching said by `cache`.
 */
export function sendHtml(
  c: Context<AppEnv>,
  page: string | FilledPage,
  status: number,
  cache: string,
): Response {
  const text = typeof page === 'string' ? page : page.text;
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=UTF-8',
    'Cache-Control': cache,
    Vary: 'Accept-Encoding',
  };
  if (text.length >= MIN_COMPRESS && acceptedEncoding(c.req.header('accept-encoding'), ['gzip'])) {
    const body =
      typeof page === 'string' ? gzipSync(Buffer.from(text, 'utf8'), { level: 4 }) : page.gzip();
    headers['Content-Encoding'] = 'gzip';
    return c.body(body as Uint8Array<ArrayBuffer>, status as 200, headers);
  }
  return c.body(text, status as 200, headers);
}

/** A strong validator of some content. */
export function etagOf(content: string | Uint8Array): string {
  return `"${createHash('sha1').update(content).digest('base64url').slice(0, 22)}"`;
}

/** Whether the client's If-None-Match holds this ETag (or a variant of it, "-gz"/"-br"). */
export function notModified(c: Context<AppEnv>, etag: string): boolean {
  const sent = c.req.header('if-none-match');
  if (!sent) return false;
  if (sent.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '').replace(/"$/, '');
  return (sent.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => {
    const t = tag.replace(/^W\//, '').replace(/"$/, '');
    return t === bare || t === `${bare}-gz` || t === `${bare}-br`;
  });
}

/**
 * A page that holds nothing personal (no form token, no state): revalidated with its ETag, so a
 * browser that has it gets 304 and no body. `private`: it may still name the signed-in person.
 */
export function sendRevalidated(
  c: Context<AppEnv>,
  page: string | FilledPage,
  status: number,
): Response {
  // A signed-in person's pages name them: never kept (session.ts).
  if (c.get('actor')?.kind === 'user') return sendHtml(c, page, status, 'no-store');
  const etag = typeof page === 'string' ? etagOf(page) : (page.etag ?? etagOf(page.text));
  if (status === 200 && notModified(c, etag)) {
    return c.body(null, 304, {
      ETag: etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Accept-Encoding',
    });
  }
  c.header('ETag', etag);
  return sendHtml(c, page, status, 'private, no-cache');
}
