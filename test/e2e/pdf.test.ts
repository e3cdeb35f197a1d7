// The agency report as a PDF (issue 14 point 3): made by one shared Chromium from the app's own
// origin with no network, so a hostile Host header makes it fetch nothing from the host it names;
// served from a cache on repeat (no second render); "being made" (202, refreshing, no JavaScript)
// while it renders; styled for A4 in Sarabun with no site chrome (read back with poppler's
// pdftotext/pdfinfo/pdffonts). Needs Debian's Chromium; the last test also poppler-utils.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from './helpers.ts';

const REPORT = '/results/2563/agencies/51-PRV';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const noChromium = existsSync(CHROMIUM) ? '' : `no Chromium at ${CHROMIUM}`;
const noPoppler =
  spawnSync('pdftotext', ['-v']).status === 0 ? '' : 'no pdftotext (apt-get install poppler-utils)';
const skipped = (why: string) => (why ? ` — skipped: ${why}` : '');

let server: Server;
let fixture: HttpServer;
let fixtureHost = '';
const hits: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'itas-pdf-'));

/** The server's "PDF rendered" log lines: one per render, with its time. */
const renders = () =>
  server
    .output()
    .split('\n')
    .filter((l) => l.includes('"PDF rendered"'))
    .map((l) => JSON.parse(l) as { key: string; ms: number });

/**
 * The render count once the server's log has caught up: its "PDF rendered" line travels through
 * a pipe and may reach this process a moment after the PDF itself did.
 */
async function rendersReaching(count: number, withinMs = 10_000) {
  const until = Date.now() + withinMs;
  while (renders().length < count && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  return renders().length;
}

/** GET with any Host header (fetch cannot set one). */
function get(path: string, headers: Record<string, string> = {}) {
  const u = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        { host: u.hostname, port: u.port, path, headers: { connection: 'close', ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

/** Asks again like the "being made" page does, until the PDF is there. */
async function untilPdf(path: string, headers: Record<string, string> = {}) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const r = await get(path, headers);
    if (r.status !== 202) return r;
    if (Date.now() > deadline) throw new Error('the PDF was never made');
    await new Promise((res) => setTimeout(res, 1000));
  }
}

describe.skipIf(!!noChromium)(`the agency report as a PDF${skipped(noChromium)}`, () => {
  beforeAll(async () => {
    // A server an attacker would like the renderer to call: it records every request, and
    // answers with a stylesheet that would call it again.
    fixture = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end('body { background: url(/exfiltrate); }');
    });
    await new Promise<void>((r) => fixture.listen(0, '127.0.0.1', r));
    fixtureHost = `127.0.0.1:${(fixture.address() as { port: number }).port}`;
    server = await startServer({ LOG_LEVEL: 'info' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await new Promise<void>((r) => (fixture ? fixture.close(() => r()) : r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('says it is being made (202, Thai and English, refreshes itself) while it renders', async () => {
    const r = await get(`${REPORT}.pdf`, { prefer: 'respond-async' });
    expect(r.status).toBe(202);
    expect(r.headers['retry-after']).toBe('3');
    const html = r.body.toString();
    expect(html).toContain('กำลังจัดทำไฟล์ PDF');
    expect(html).toContain('Making the PDF');
    // Works without JavaScript: the page asks again at the same address.
    expect(html).toContain(`<meta http-equiv="refresh" content="3; url=${REPORT}.pdf"`);
  });

  it('renders from its own origin: a hostile Host header makes it fetch nothing from that host', async () => {
    // The fixture does record what reaches it.
    await fetch(`http://${fixtureHost}/probe`);
    expect(hits).toEqual(['GET /probe']);
    hits.length = 0;
    // The Thai render the first test started finishes first, so it is not counted below.
    expect((await untilPdf(`${REPORT}.pdf`)).status).toBe(200);
    // English: a report not rendered yet, so this request starts a render of its own. (The Thai
    // render is the server's first: its log line is awaited too, so it is not counted below.)
    const before = await rendersReaching(1);
    const r = await untilPdf(`${REPORT}.pdf?lang=en`, { host: fixtureHost });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await rendersReaching(before + 1)).toBe(before + 1);
    expect(hits).toEqual([]);
  }, 180_000);

  it('serves a repeated request from its cache: no second render, the same bytes, at once', async () => {
    const first = await untilPdf(`${REPORT}.pdf`);
    expect(first.status).toBe(200);
    const rendered = renders();
    const started = performance.now();
    const again = await get(`${REPORT}.pdf`);
    const ms = Math.round(performance.now() - started);
    expect(again.status).toBe(200);
    expect(renders()).toEqual(rendered);
    expect(Buffer.compare(again.body, first.body)).toBe(0);
    expect(ms).toBeLessThan(2000);
    writeFileSync(join(dir, 'report.pdf'), first.body);
    console.log(
      `agency report PDF: rendered in ${rendered.map((x) => `${x.ms} ms (${x.key})`).join(', ')}; ` +
        `served from cache in ${ms} ms`,
    );
  }, 180_000);

  it.skipIf(!!noPoppler)(
    `is an A4 report in Sarabun without the site's skip link, menu, footer or downloads${skipped(noPoppler)}`,
    () => {
      const file = join(dir, 'report.pdf');
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      // The report is there…
      expect(text).toContain('จังหวัดลำพูน');
      expect(text).toContain('87.96');
      // …and the site around it is not.
      for (const chrome of [
        'ข้ามไปยังเนื้อหาหลัก', // skip link
        'ข้อมูลเปิด', // menu
        'หน้าแรก', // menu
        'Open ITAS เป็นซอฟต์แวร์โอเพนซอร์ส', // footer
        'Creative Commons', // footer
        'ดาวน์โหลด', // download links
        'English', // language switch
      ])
        expect(text, chrome).not.toContain(chrome);
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/Sarabun/);
      expect(fonts).not.toMatch(/Serif/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      console.log(`agency report PDF: ${pages} A4 pages; fonts:\n${fonts}`);
    },
  );
});
