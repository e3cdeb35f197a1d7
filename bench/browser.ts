// A minimal browser for load benchmarks: a cookie jar (names, paths, deletion), GET and form POST
// that follow redirects as a browser does (303 → GET), the static assets a page links to (fetched
// once per browser unless the server lets them be cached), and a parser for the forms of our own
// server-rendered pages. It counts every request it makes, so a walk's cost is visible.
import { gunzipSync } from 'node:zlib';
import { benchFetch, type BenchResponse } from './http-client.ts';

export interface Page {
  url: string;
  status: number;
  /**
   * The page's bytes read as Latin-1, not UTF-8: our markup (tags, attribute names, field names
   * and values) is ASCII and parses the same, `attrs` reads a value with other bytes back as
   * UTF-8, and decoding 100 KB of Thai text as UTF-8 cost the client, which shares the server's
   * cores, more than gunzip and parsing together. Not for reading the page's words.
   */
  html: string;
}

export interface FormField {
  name: string;
  value: string;
  type: string;
}

export interface ParsedForm {
  action: string;
  method: string;
  /** Hidden, text-like inputs, textareas and selects (first option), in document order. */
  fields: FormField[];
  /** Radio groups: name → values offered, in document order. */
  radios: Map<string, string[]>;
  /** Named submit buttons (name → value), in document order. */
  buttons: FormField[];
}

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** Assets whose cacheability is known, shared by every browser of the run (url → cacheable). */
const assetCacheable = new Map<string, Promise<boolean>>();

/** A value read from Latin-1 text (see `Page.html`), as the UTF-8 the page holds. */
const utf8 = (s: string) =>
  // eslint-disable-next-line no-control-regex
  /[^\x00-\x7f]/.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;

const decode = (raw: string) => {
  const s = utf8(raw);
  return !s.includes('&')
    ? s
    : s
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&#x27;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
};

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
// [\w:-]: what an attribute name is made of here.
const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 65 && c <= 90) ||
  (c >= 48 && c <= 57) ||
  c === 95 ||
  c === 58 ||
  c === 45;

/**
 * A tag's attributes (the first of a repeated name wins, names lower-cased, values unescaped): a
 * scanner rather than a regular expression, as the bench client parses every page it gets on the
 * cores the server also runs on.
 */
function attrs(tag: string): Attrs {
  const out = new Map<string, string>();
  const n = tag.length;
  let i = 0;
  while (i < n) {
    if (!isNameChar(tag.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isNameChar(tag.charCodeAt(j))) j++;
    const name = tag.slice(i, j).toLowerCase();
    let k = j;
    while (k < n && isSpace(tag.charCodeAt(k))) k++;
    let value = '';
    i = j;
    if (tag.charCodeAt(k) === 61) {
      k++;
      while (k < n && isSpace(tag.charCodeAt(k))) k++;
      const q = tag.charCodeAt(k);
      const close = q === 34 || q === 39 ? tag.indexOf(q === 34 ? '"' : "'", k + 1) : -1;
      if (close >= 0) {
        value = tag.slice(k + 1, close);
        i = close + 1;
      } else {
        let e = k;
        while (e < n && !isSpace(tag.charCodeAt(e)) && tag.charCodeAt(e) !== 62) e++;
        if (e > k) {
          value = tag.slice(k, e);
          i = e;
        }
      }
    }
    if (!out.has(name)) out.set(name, value);
  }
  return new Attrs(out);
}

/** A tag's attributes, each value unescaped (and read as UTF-8) only when asked for. */
class Attrs {
  constructor(private readonly raw: Map<string, string>) {}
  get(name: string): string | undefined {
    const v = this.raw.get(name);
    return v === undefined ? undefined : decode(v);
  }
  has(name: string): boolean {
    return this.raw.has(name);
  }
}

/** A hidden input's value: what differs between two servings of one page (token, sealed id). */
const HIDDEN_VALUE = /(<input type="hidden" name="[^"]*" value=")([^"]*)"/g;

/**
 * The forms of pages seen before, by their text with the hidden inputs' values taken out. A
 * survey's start page is the same 100 KB for every respondent but for its token and sealed id,
 * and this client shares the server's cores: it parses each such page once and puts each
 * serving's own hidden values in (the values a browser would send are the same).
 */
const seenForms = new Map<string, ParsedForm[]>();

const withHidden = (forms: ParsedForm[], hidden: string[]): ParsedForm[] => {
  let i = 0;
  return forms.map((f) => ({
    ...f,
    fields: f.fields.map((x) => (x.type === 'hidden' ? { ...x, value: hidden[i++]! } : x)),
  }));
};

/** The forms of a page (`Page.html`: read as Latin-1; our own markup, no nested forms). */
export function parseForms(html: string): ParsedForm[] {
  const hidden: string[] = [];
  const skeleton = html.replace(HIDDEN_VALUE, (_, head: string, value: string) => {
    hidden.push(decode(value));
    return `${head}"`;
  });
  const known = seenForms.get(skeleton);
  if (known) return withHidden(known, hidden);
  const forms = scanForms(html);
  // Kept only when the pattern found exactly the hidden fields the scanner did, in order.
  const scanned = forms.flatMap((f) => f.fields.filter((x) => x.type === 'hidden'));
  if (
    seenForms.size < 256 &&
    scanned.length === hidden.length &&
    scanned.every((x, i) => x.value === hidden[i])
  )
    seenForms.set(skeleton, forms);
  return withHidden(forms, hidden.length === scanned.length ? hidden : scanned.map((x) => x.value));
}

function scanForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const a = attrs(m[1]!);
    const body = m[2]!;
    const form: ParsedForm = {
      action: a.get('action') ?? '',
      method: (a.get('method') ?? 'get').toLowerCase(),
      fields: [],
      radios: new Map(),
      buttons: [],
    };
    for (const t of body.matchAll(/<(input|select|textarea|button)\b([^>]*)>/gi)) {
      const kind = t[1]!.toLowerCase();
      const at = attrs(t[2]!);
      const name = at.get('name');
      if (kind === 'button') {
        if ((at.get('type') ?? 'submit') === 'submit' && name !== undefined)
          form.buttons.push({ name, value: at.get('value') ?? '', type: 'submit' });
        continue;
      }
      if (name === undefined || at.has('disabled')) continue;
      if (kind === 'select') {
        const rest = body.slice(t.index + t[0].length);
        const options = rest.slice(0, rest.search(/<\/select>/i));
        const opt = [...options.matchAll(/<option\b([^>]*)>/gi)]
          .map((o) => attrs(o[1]!).get('value') ?? '')
          .find((v) => v !== '');
        form.fields.push({ name, value: opt ?? '', type: 'select' });
        continue;
      }
      if (kind === 'textarea') {
        form.fields.push({ name, value: '', type: 'textarea' });
        continue;
      }
      const type = (at.get('type') ?? 'text').toLowerCase();
      if (type === 'radio') {
        const list = form.radios.get(name) ?? [];
        list.push(at.get('value') ?? 'on');
        form.radios.set(name, list);
      } else if (type === 'submit') {
        form.buttons.push({ name, value: at.get('value') ?? '', type });
      } else if (type === 'checkbox') {
        if (at.has('checked')) form.fields.push({ name, value: at.get('value') ?? 'on', type });
      } else if (type !== 'file' && type !== 'reset' && type !== 'button' && type !== 'image') {
        form.fields.push({ name, value: at.get('value') ?? '', type });
      }
    }
    forms.push(form);
  }
  return forms;
}

/** The stylesheets, scripts and icons a page makes a browser fetch on its own. */
export function assetsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(link|script)\b([^>]*)>/gi)) {
    const a = attrs(m[2]!);
    const src = a.get('src');
    const href = a.get('href');
    if (m[1]!.toLowerCase() === 'script' && src) out.push(src);
    const rel = (a.get('rel') ?? '').toLowerCase();
    if (m[1]!.toLowerCase() === 'link' && href && /stylesheet|icon|modulepreload/.test(rel))
      out.push(href);
  }
  return out;
}

function cacheable(res: BenchResponse): boolean {
  const cc = (res.headers.get('cache-control') ?? '').toLowerCase();
  if (/no-store|no-cache/.test(cc)) return false;
  const age = /max-age=(\d+)/.exec(cc);
  return cc.includes('immutable') || (age !== null && Number(age[1]) > 0);
}

export class Browser {
  private jar: Cookie[] = [];
  /** Assets this browser has fetched (or, being cacheable, need not fetch again). */
  private seen = new Set<string>();
  requests = 0;
  gets = 0;
  posts = 0;
  assetRequests = 0;

  constructor(readonly base: string) {}

  private cookieHeader(path: string): string {
    return this.jar
      .filter(
        (c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private keep(res: BenchResponse, requestPath: string) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...opts] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = requestPath.slice(0, requestPath.lastIndexOf('/')) || '/';
      let gone = value === '';
      for (const o of opts) {
        const [k, v = ''] = o.split('=');
        const key = k!.toLowerCase();
        if (key === 'path') path = v;
        if (key === 'max-age' && Number(v) <= 0) gone = true;
        if (key === 'expires' && Date.parse(v) < Date.now()) gone = true;
      }
      this.jar = this.jar.filter((c) => !(c.name === name && c.path === path));
      if (!gone) this.jar.push({ name, value, path });
    }
  }

  /** A cookie's value as the browser would send it to `path`. */
  cookie(name: string, path = '/'): string | undefined {
    return this.jar
      .filter((c) => c.name === name && (path === c.path || path.startsWith(c.path)))
      .sort((a, b) => b.path.length - a.path.length)[0]?.value;
  }

  private async request(
    method: 'GET' | 'POST',
    url: string,
    body?: string,
    contentType = 'application/x-www-form-urlencoded',
  ): Promise<Page> {
    let u = new URL(url, this.base);
    let m = method;
    let b = body;
    for (let hops = 0; hops < 10; hops++) {
      const headers: Record<string, string> = {
        accept: 'text/html,application/xhtml+xml',
        'accept-language': 'th,en;q=0.8',
        // As every browser: pages come compressed, and the walk pays for unpacking them.
        'accept-encoding': 'gzip',
      };
      const cookie = this.cookieHeader(u.pathname);
      if (cookie) headers.cookie = cookie;
      if (b !== undefined) headers['content-type'] = contentType;
      this.requests++;
      if (m === 'GET') this.gets++;
      else this.posts++;
      const res = await benchFetch(u.toString(), {
        method: m,
        headers,
        ...(b !== undefined ? { body: b } : {}),
      });
      const buf = await res.arrayBuffer();
      this.keep(res, u.pathname);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        u = new URL(location, u);
        if (res.status === 303 || ((res.status === 301 || res.status === 302) && m === 'POST')) {
          m = 'GET';
          b = undefined;
        }
        continue;
      }
      const raw = Buffer.from(buf);
      const html = (
        res.headers.get('content-encoding') === 'gzip' ? gunzipSync(raw) : raw
      ).toString('latin1');
      if (res.status === 200 && m === 'GET') await this.loadAssets(html, u);
      return { url: u.pathname + u.search, status: res.status, html };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Fetches what the page links to, as a first visit does; cached assets only once per run. */
  private async loadAssets(html: string, at: URL) {
    for (const href of assetsOf(html)) {
      const u = new URL(href, at);
      if (u.origin !== new URL(this.base).origin) continue;
      const key = u.pathname + u.search;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const known = assetCacheable.get(key);
      if (known) {
        // Cacheable: in the browser's cache after its first visit, not a request per respondent.
        if (await known) continue;
        this.assetRequests++;
        this.requests++;
        const res = await benchFetch(u.toString());
        await res.arrayBuffer();
        continue;
      }
      const probe = (async () => {
        this.assetRequests++;
        this.requests++;
        const res = await benchFetch(u.toString());
        await res.arrayBuffer();
        return res.status === 200 && cacheable(res);
      })();
      assetCacheable.set(key, probe);
      await probe;
    }
  }

  get(url: string): Promise<Page> {
    return this.request('GET', url);
  }

  /** Submits a form as a browser does (application/x-www-form-urlencoded), following redirects. */
  post(url: string, fields: [string, string][]): Promise<Page> {
    return this.request('POST', url, new URLSearchParams(fields).toString());
  }

  /** A POST with any body (e.g. a script's fetch), following redirects. */
  postRaw(url: string, body: string, contentType: string): Promise<Page> {
    return this.request('POST', url, body, contentType);
  }
}
