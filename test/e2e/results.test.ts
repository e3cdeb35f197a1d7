// The results pages in Chromium over the demo (2563 published): the province unit's report with its
// figures, recommendations and OIT comments; A4 print without overflow; the XLSX download; axe.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, runAxe, startServer, type Browser, type Server } from './helpers.ts';

let server: Server;
let browser: Browser;
const REPORT = '/results/2563/agencies/51-PRV';

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser({ viewport: { width: 1024, height: 900 } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  const r = await page.goto(`${server.url}${path}`);
  expect(r?.status(), path).toBe(200);
  return page;
}

describe('the agency report of จังหวัดลำพูน (51-PRV), 2563', () => {
  it('shows its figures, recommendations for the tool below target and its OIT comments', async () => {
    const page = await open(REPORT);
    expect(await page.locator('h1').textContent()).toContain('จังหวัดลำพูน');
    expect(await page.getByTestId('overall').textContent()).toBe('87.96');
    expect(await page.getByTestId('level').textContent()).toBe('A');
    const tools = await page.getByTestId('tools').textContent();
    for (const s of ['88.51', '81.81', '92.17']) expect(tools).toContain(s);
    const first = page.getByTestId('indicators').locator('tbody tr').first();
    expect(await first.textContent()).toContain('การป้องกันการทุจริต');
    const rec = await page.getByTestId('recommendations').textContent();
    expect(rec).toContain('แบบวัด EIT ได้ 81.81 คะแนน ต่ำกว่าเกณฑ์เป้าหมาย');
    expect(rec).toContain('การปรับปรุงการทำงาน (79.43 คะแนน)');
    expect(rec).not.toContain('แบบวัด IIT ได้');
    const oit = await page.getByTestId('oit').textContent();
    expect(oit).toContain('ไม่ปรากฏอำนาจหน้าที่ของหน่วยงาน (จังหวัด)');
    // The trend has the imported 2562 score beside 2563.
    expect(await page.getByTestId('trend').textContent()).toContain('90.35');
    await page.close();
  });

  it('prints on A4 without horizontal overflow', async () => {
    const page = await browser.context.newPage();
    // A4 is 210 mm = 794 CSS px; the print stylesheet's margins leave 186 mm of content.
    await page.setViewportSize({ width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.url}${REPORT}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Nothing is cut at the right edge either: every element ends inside the page width.
    const widest = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right),
      ),
    );
    expect(widest).toBeLessThanOrEqual(703 + 1);
    const shot = await page.screenshot({ fullPage: true });
    expect(shot.readUInt32BE(16)).toBe(703); // PNG width from the IHDR chunk
    expect(await page.locator('.downloads').isVisible()).toBe(false);
    await page.close();
  });

  it('downloads an XLSX that opens with the same numbers', async () => {
    const page = await open(REPORT);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel (XLSX)' }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'itas-xlsx-'));
    const file = join(dir, 'report.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const numbers = wb.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v) => typeof v === 'number');
    expect(numbers).toEqual(expect.arrayContaining([87.96, 88.51, 81.81, 92.17]));
    // The year is a label in a column of two-decimal scores, so it is text ("2563", not "2563.00").
    expect(wb.worksheets[0]!.getSheetValues().flat()).toContain('2563');
    const oitSheet = wb.getWorksheet('OIT')!;
    const o3 = oitSheet.getRows(2, 43)!.find((r) => r.getCell(1).value === 'O3')!;
    expect(o3.getCell(3).text).toContain('ไม่ปรากฏอำนาจหน้าที่');
    // The score column found by its header (columns may be added before it).
    const header = (oitSheet.getRow(1).values as unknown[]).map(String);
    expect(o3.getCell(header.indexOf('คะแนน')).value).toBe(0);
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  });

  it.runIf(existsSync('/usr/bin/chromium'))('offers the PDF (made as in pdf.test.ts)', async () => {
    const page = await open(REPORT);
    expect(await page.getByRole('link', { name: 'PDF' }).getAttribute('href')).toBe(
      `${REPORT}.pdf`,
    );
    await page.close();
  });
});

describe('public pages', () => {
  it('ranks Lamphun’s agencies with their districts and downloads exactly what is shown', async () => {
    const page = await open(
      `/results/2563/rankings?scope=province&province=${encodeURIComponent('ลำพูน')}`,
    );
    expect(await page.getByTestId('found').textContent()).toBe('พบ 59 รายการ');
    // The filters are folded on every width until opened (or while one is in use).
    await page.getByText('ค้นหาและกรอง', { exact: true }).click();
    await page.getByLabel('ค้นหาชื่อ').fill('เทศบาล');
    await page.getByRole('button', { name: 'แสดงผล' }).click();
    await page.waitForURL(/q=/);
    const shown = await page.getByTestId('ranking').locator('tbody tr').count();
    const href = await page.getByRole('link', { name: 'JSON' }).getAttribute('href');
    const json = (await (await fetch(`${server.url}${href}`)).json()) as unknown[];
    expect(json).toHaveLength(shown);
    await page.close();
  });

  it('reads on a 360 px phone: no sideways scroll, chart words at 12 px or more, no CSP refusal', async () => {
    for (const path of [
      '/',
      REPORT,
      '/results/2563/summary',
      '/results/2563/rankings',
      '/open-data',
    ]) {
      const page = await browser.context.newPage();
      await page.setViewportSize(PHONE);
      const refused: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') refused.push(m.text());
      });
      await page.goto(`${server.url}${path}`);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        path,
      ).toBeLessThanOrEqual(0);
      // Every word in a chart (labels, values, scale, legend) renders at 12 px or more.
      const smallest = await page.evaluate(() =>
        Math.min(
          Infinity,
          ...[...document.querySelectorAll('.chart *')]
            .filter((e) => e.childElementCount === 0 && (e.textContent ?? '').trim() !== '')
            .filter((e) => !e.closest('.visually-hidden'))
            .map((e) => parseFloat(getComputedStyle(e).fontSize)),
        ),
      );
      expect(smallest, path).toBeGreaterThanOrEqual(12);
      expect(refused, path).toEqual([]);
      await page.close();
    }
  });

  for (const path of ['/', REPORT, '/results/2563/summary', '/results/2563/rankings', '/open-data'])
    it(`axe finds no violations on ${path}`, async () => {
      const page = await open(path);
      expect(await runAxe(page)).toEqual([]);
      await page.close();
    }, 60_000);
});
