// Fetches one URL for the OIT link checker: status, final URL after redirects, content type,
// page title, size, content hash and time taken. Guards against SSRF: every address a host
// resolves to (and every redirect's) must be public; loopback only when the test-only option
// allows it.
import { createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressAllowed } from '../domain/oit/link-findings.ts';
import type { LinkCheckFinding } from '../domain/oit/sheet.ts';

export interface LinkCheckOptions {
  /** Test-only: lets the checker reach 127.0.0.0/8 and ::1 (a local fixture server). Never in production. */
  allowLoopback: boolean;
  /** Per URL, redirects included. */
  timeoutMs: number;
  /** Bytes read at most; the hash and size cover what was read. */
  maxBytes: number;
  maxRedirects: number;
  /** URLs in flight at once; one host is never asked more than once at a time. */
  concurrency: number;
}

export const DEFAULT_LINK_CHECK: LinkCheckOptions = {
  allowLoopback: false,
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
  concurrency: 4,
};

/** What one fetch found: the fields a link check's finding keeps, and whether it was refused. */
export type FetchedLink = Pick<
  LinkCheckFinding,
  | 'url'
  | 'httpStatus'
  | 'finalUrl'
  | 'contentType'
  | 'title'
  | 'sizeBytes'
  | 'contentHash'
  | 'durationMs'
  | 'error'
> & { blocked: boolean };

class BlockedAddress extends Error {}

/** Resolves a host and refuses it unless every address is allowed. */
async function vettedAddress(
  host: string,
  allowLoopback: boolean,
): Promise<{ address: string; family: number }> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const addrs = isIP(bare)
    ? [{ address: bare, family: isIP(bare) }]
    : await dnsLookup(bare, { all: true, verbatim: true });
  if (addrs.length === 0) throw new Error(`no address for ${bare}`);
  for (const a of addrs)
    if (!addressAllowed(a.address, allowLoopback))
      throw new BlockedAddress(`address not allowed: ${a.address}`);
  return addrs[0]!;
}

function extractTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (!m) return null;
  const t = m[1]!
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return t ? t.slice(0, 300) : null;
}

interface Hop {
  status: number;
  location: string | null;
  contentType: string | null;
  size: number;
  hash: string;
  head: string;
}

/** One request to a vetted address (pinned, so a second DNS answer cannot redirect it). */
function requestOnce(
  url: URL,
  address: { address: string; family: number },
  opts: LinkCheckOptions,
  signal: AbortSignal,
): Promise<Hop> {
  const pinned: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all)
      (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        address,
      ]);
    else cb(null, address.address, address.family);
  };
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method: 'GET',
        lookup: pinned,
        // A fresh connection per check: Node 20's global agent keeps sockets alive, and a pooled
        // socket the site has since closed reads as ECONNRESET — a working link reported dead.
        agent: false,
        signal,
        headers: {
          'user-agent': 'OpenITAS-LinkCheck/1.0 (+OIT link check)',
          accept: 'text/html,*/*;q=0.8',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        const contentType = res.headers['content-type'] ?? null;
        if (status >= 300 && status < 400 && location) {
          res.resume();
          resolve({ status, location, contentType, size: 0, hash: '', head: '' });
          return;
        }
        const hash = createHash('sha256');
        let size = 0;
        const headParts: Buffer[] = [];
        let headSize = 0;
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          resolve({
            status,
            location,
            contentType,
            size,
            hash: hash.digest('hex'),
            head: Buffer.concat(headParts).toString('utf8'),
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (finished) return;
          const room = opts.maxBytes - size;
          const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
          hash.update(part);
          size += part.length;
          if (headSize < 65_536) {
            headParts.push(part);
            headSize += part.length;
          }
          if (size >= opts.maxBytes) {
            res.destroy();
            finish();
          }
        });
        res.on('end', finish);
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Fetches one URL following redirects, each hop's host vetted again. Never throws. */
export async function fetchLink(
  raw: string,
  opts: LinkCheckOptions = DEFAULT_LINK_CHECK,
): Promise<FetchedLink> {
  const started = performance.now();
  const result: FetchedLink = {
    url: raw,
    httpStatus: null,
    finalUrl: null,
    contentType: null,
    title: null,
    sizeBytes: null,
    contentHash: null,
    durationMs: 0,
    error: null,
    blocked: false,
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    let url = new URL(raw);
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error(`unsupported scheme ${url.protocol}`);
      const address = await vettedAddress(url.hostname, opts.allowLoopback);
      const r = await requestOnce(url, address, opts, controller.signal);
      result.httpStatus = r.status;
      result.finalUrl = url.toString();
      if (r.location && r.status >= 300 && r.status < 400) {
        if (hop >= opts.maxRedirects) throw new Error('too many redirects');
        url = new URL(r.location, url);
        continue;
      }
      result.contentType = r.contentType;
      result.sizeBytes = r.size;
      result.contentHash = r.hash;
      if (r.contentType?.includes('html')) result.title = extractTitle(r.head);
      break;
    }
  } catch (e) {
    result.blocked = e instanceof BlockedAddress;
    result.error = controller.signal.aborted
      ? 'timeout'
      : e instanceof Error
        ? e.message.slice(0, 300)
        : String(e);
  } finally {
    clearTimeout(timer);
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Runs tasks with a global limit, one at a time per key (host): polite to small web servers. */
export async function politely<T>(
  tasks: { key: string; run: () => Promise<T> }[],
  concurrency: number,
): Promise<T[]> {
  const byKey = new Map<string, number[]>();
  tasks.forEach((t, i) => byKey.set(t.key, [...(byKey.get(t.key) ?? []), i]));
  const queues = [...byKey.values()];
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  async function lane() {
    while (next < queues.length) {
      const q = queues[next++]!;
      for (const i of q) out[i] = await tasks[i]!.run();
    }
  }
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, queues.length)) }, lane),
  );
  return out;
}

export const hostOf = (u: string) => {
  try {
    return new URL(u).host;
  } catch {
    return u;
  }
};
