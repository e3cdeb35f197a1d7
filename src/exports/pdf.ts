// Renders agency reports to A4 PDFs with headless Chromium, as a product rather than a side
// effect of a request:
// - The page is addressed at the app's own origin (PUBLIC_URL), never the request's Host header,
//   and the renderer has no network at all: every request it makes is answered from memory (the
//   page itself and the hashed /static/ assets: stylesheet, Sarabun fonts) or aborted. A hostile
//   Host header, or any URL in the page, can make it fetch nothing.
// - One shared browser (relaunched if it dies); at most `concurrency` renders at once, a bounded
//   queue behind them, and a cache of finished PDFs keyed by the caller (agency, year, language
//   and a hash of the printed HTML, so new data means a new PDF).
// - The caller waits a little for the PDF; if it is not ready by then it tells the user it is
//   being made and asks again later (the render goes on meanwhile).
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Where Debian puts Chromium; main.ts passes CHROMIUM_PATH from the configuration (config.ts). */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function pdfAvailable(chromiumPath = DEFAULT_CHROMIUM): boolean {
  return existsSync(chromiumPath);
}

export interface StaticAsset {
  body: Uint8Array;
  type: string;
}

export interface PdfRendererOptions {
  /** The app's public origin (config.publicUrl): the page's address, so links in the PDF work. */
  origin: string;
  /** Renders at once (config.pdfConcurrency). */
  concurrency: number;
  /** Resolves `/static/<name>` for the renderer (the same bytes the site serves). */
  asset: (name: string) => StaticAsset | undefined;
  /** Renders waiting for a slot; past this the renderer is busy (503). */
  maxQueued?: number;
  /** Finished PDFs kept (least recently used go first). */
  cacheEntries?: number;
  chromiumPath?: string;
  /** Told of a failed render (the next request tries again). */
  onError?: (err: unknown) => void;
  /** Told of each finished render and how long it took (the log: render times, cache misses). */
  onRendered?: (key: string, ms: number) => void;
}

export type PdfResult =
  { state: 'ready'; pdf: Uint8Array<ArrayBuffer> } | { state: 'pending' } | { state: 'busy' };

export interface PdfRenderer {
  /**
   * The PDF for `key`: from the cache, or rendered from `html` (a full page whose path is
   * `path`). Waits up to `waitMs` for a render in progress, then answers `pending`; `busy` when
   * the queue is full.
   */
  get(key: string, path: string, html: string, waitMs: number): Promise<PdfResult>;
  /** Figures for tests and logs. */
  stats(): { renders: number; cached: number; active: number; queued: number };
  close(): Promise<void>;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Belt and braces behind page.route: no host name resolves, so even a request that slipped
  // past the interception (a prefetch, a preconnect) reaches nothing.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable',
];

export function createPdfRenderer(opts: PdfRendererOptions): PdfRenderer {
  const origin = new URL(opts.origin).origin;
  const maxQueued = opts.maxQueued ?? 50;
  const cacheEntries = opts.cacheEntries ?? 64;
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  const inflight = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let renders = 0;
  let browser: Promise<Browser> | null = null;

  function remember(key: string, pdf: Uint8Array<ArrayBuffer>) {
    cache.delete(key);
    cache.set(key, pdf);
    while (cache.size > cacheEntries) cache.delete(cache.keys().next().value!);
  }

  async function theBrowser(): Promise<Browser> {
    if (!browser) {
      browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath: opts.chromiumPath ?? DEFAULT_CHROMIUM,
          headless: true,
          args: ARGS,
        }),
      );
      browser.then(
        (b) => b.on('disconnected', () => (browser = null)),
        () => (browser = null),
      );
    }
    return browser;
  }

  async function slot(): Promise<void> {
    if (active < opts.concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  function release() {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  async function render(key: string, path: string, html: string): Promise<Uint8Array<ArrayBuffer>> {
    await slot();
    const started = performance.now();
    try {
      const context = await (await theBrowser()).newContext({ serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        const url = new URL(path, origin).toString();
        // Nothing leaves the renderer: the page and its assets come from memory, the rest is
        // refused (no request to the Host a client named, to internal addresses, or anywhere).
        await page.route('**/*', async (route) => {
          const u = new URL(route.request().url());
          if (u.origin === origin && u.toString() === url)
            return route.fulfill({
              status: 200,
              contentType: 'text/html; charset=utf-8',
              body: html,
            });
          if (u.origin === origin && u.pathname.startsWith('/static/')) {
            const a = opts.asset(decodeURIComponent(u.pathname.slice('/static/'.length)));
            if (a)
              return route.fulfill({ status: 200, contentType: a.type, body: Buffer.from(a.body) });
          }
          return route.abort('blockedbyclient');
        });
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        await page.evaluate(() => document.fonts.ready);
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        renders++;
        opts.onRendered?.(key, Math.round(performance.now() - started));
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    } finally {
      release();
    }
  }

  return {
    async get(key, path, html, waitMs) {
      const cached = cache.get(key);
      if (cached) {
        remember(key, cached);
        return { state: 'ready', pdf: cached };
      }
      let job = inflight.get(key);
      if (!job) {
        if (active >= opts.concurrency && waiting.length >= maxQueued) return { state: 'busy' };
        job = render(key, path, html);
        inflight.set(key, job);
        job.then(
          (pdf) => {
            remember(key, pdf);
            inflight.delete(key);
          },
          (e: unknown) => {
            inflight.delete(key);
            opts.onError?.(e);
          },
        );
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
      try {
        const pdf = await Promise.race([job, timeout]);
        return pdf ? { state: 'ready', pdf } : { state: 'pending' };
      } finally {
        clearTimeout(timer);
      }
    },
    stats: () => ({ renders, cached: cache.size, active, queued: waiting.length }),
    async close() {
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
  };
}
