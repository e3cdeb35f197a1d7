// Renders a page's HTML to an A4 PDF with headless Chromium (the print stylesheet and Sarabun web
// font apply). Only offered when Chromium is installed; one render at a time on a shared machine.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function pdfAvailable(): boolean {
  return existsSync(CHROMIUM);
}

let queue: Promise<unknown> = Promise.resolve();

/** `html` is a full page; `baseUrl` lets its stylesheet and fonts load from this server. */
export function renderPdf(html: string, baseUrl: string): Promise<Buffer> {
  const job = queue.then(() => render(html, baseUrl));
  queue = job.catch(() => undefined);
  return job;
}

async function render(html: string, baseUrl: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'itas-pdf-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await context.newPage();
    const withBase = html.replace('<head>', `<head><base href="${baseUrl}/">`);
    await page.setContent(withBase, { waitUntil: 'load', timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
