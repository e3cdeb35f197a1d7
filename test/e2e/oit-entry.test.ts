// The OIT entry page cannot lose work (issue 16.2), in Chromium: with and without JavaScript on
// a 360 px phone, items typed but not saved survive saving another item; errors name the item
// and focus lands on its field; autosave keeps typing; the confirmation step; axe at 360/1280.
import { serve, type ServerType } from '@hono/node-server';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';
import { openBrowser, PHONE, runAxe, signIn, type Browser } from './helpers.ts';

const YEAR = 2563;
const log = pino({ level: 'silent' });
let db: Db;
let services: Services;
let app: ServerType;
let url: string;

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(db);
  await ensureReferenceData(db);
  services = createServices(db);
  await services.years.create(SYSTEM_CLI, YEAR, 'ita-2563');
  for (const code of ['E2E-A', 'E2E-B', 'E2E-C'])
    await db
      .insertInto('agencies')
      .values({
        code,
        name_th: `เทศบาลตำบลทดสอบ ${code}`,
        name_en: null,
        type: 'subdistrict_municipality',
        province: 'ลำพูน',
        district: 'เมืองลำพูน',
        parent_code: null,
        website: 'https://example.go.th',
        staff_count: 20,
      })
      .execute();
  const day = (d: number) => thaiDay(new Date(Date.now() + d * 86_400_000));
  await services.calendar.setPhase(SYSTEM_CLI, {
    fiscalYear: YEAR,
    phase: 'oit-entry',
    opensOn: day(-1),
    closesOn: day(1),
  });
  for (const code of ['E2E-A', 'E2E-B', 'E2E-C'])
    await services.users.create(SYSTEM_CLI, {
      email: `${code.toLowerCase()}@oit.test`,
      displayName: `ผู้ดูแล ${code}`,
      grant: { role: 'agency_admin', scope: code },
      password: 'agency passphrase 2569',
    });
  const hono = createApp({ services, log });
  await new Promise<void>((resolve) => {
    app = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});

afterAll(async () => {
  await new Promise((r) => app?.close(r));
  await db?.destroy();
});

/** Opens the agency's OIT page signed out, signs in there and comes back to it. */
async function signInTo(page: Page, code: string) {
  const path = `/oit/${YEAR}/agencies/${code}`;
  await signIn(page, `${code.toLowerCase()}@oit.test`, 'agency passphrase 2569', {
    next: path,
    base: url,
  });
  await page.waitForURL((u) => u.pathname === path);
}

const urls = (page: Page, item: string) =>
  page.locator(`#item-${item}`).getByLabel('ลิงก์ (URL) บนเว็บไซต์หลักของหน่วยงาน');
const note = (page: Page, item: string) =>
  page.locator(`#item-${item}`).getByLabel('คำอธิบาย (ข้อมูลอยู่ส่วนใดของหน้า)');

describe.each([
  { js: false, code: 'E2E-A' },
  { js: true, code: 'E2E-B' },
])('OIT entry with JavaScript $js on a 360 px phone', ({ js, code }) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ javaScript: js, viewport: PHONE });
  });
  afterAll(async () => browser?.close());

  it('fills items, saves one, and finds every other typed text still there', async () => {
    const page = await browser.context.newPage();
    await signInTo(page, code);
    const base = `/oit/${YEAR}/agencies/${code}`;
    await page.locator('#item-O1').getByLabel('มี', { exact: true }).check();
    await urls(page, 'O1').fill('https://example.go.th/o1');
    await note(page, 'O1').fill('หน้าโครงสร้าง');
    await page.locator('#item-O2').getByLabel('มี', { exact: true }).check();
    await urls(page, 'O2').fill('https://example.go.th/o2');
    await page.locator('#item-O3').getByLabel('ไม่มี', { exact: true }).check();
    await note(page, 'O3').fill('กำลังจัดทำ');
    await note(page, 'O9').fill('ยังไม่ได้เลือกคำตอบ');
    // Save with O2's own button: the page comes back at O2 with everything typed kept.
    await page.locator('#item-O2').getByRole('button', { name: 'บันทึก (กลับมาที่ข้อ O2)' }).click();
    await page.waitForURL((u) => u.pathname === `${base}/items`);
    // O9 has a note but no answer: the error names it, links to it, and focus goes there (JS).
    expect(await page.locator('.error-summary').textContent()).toContain('O9: ');
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#O9-answer');
    if (js) expect(await page.evaluate(() => document.activeElement?.id)).toBe('O9-answer');
    expect(await urls(page, 'O1').inputValue()).toBe('https://example.go.th/o1');
    expect(await note(page, 'O1').inputValue()).toBe('หน้าโครงสร้าง');
    expect(await urls(page, 'O2').inputValue()).toBe('https://example.go.th/o2');
    expect(await note(page, 'O3').inputValue()).toBe('กำลังจัดทำ');
    expect(await note(page, 'O9').inputValue()).toBe('ยังไม่ได้เลือกคำตอบ');
    expect(await page.locator('#item-O3').getByLabel('ไม่มี', { exact: true }).isChecked()).toBe(
      true,
    );
    // Correct O9 and save: back at O9, three items and O9 done.
    await page.locator('#item-O9').getByLabel('ไม่มี', { exact: true }).check();
    await page.locator('#item-O9').getByRole('button', { name: 'บันทึก (กลับมาที่ข้อ O9)' }).click();
    await page.waitForURL(/saved=[0-9]+#item-O9$/);
    expect(await page.locator('.oit-progress').textContent()).toContain('ทำแล้ว 4 จาก 43');
    expect(await note(page, 'O1').inputValue()).toBe('หน้าโครงสร้าง');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Submitting asks for confirmation first.
    await page.getByRole('button', { name: 'บันทึกแล้วไปยังขั้นตอนส่งข้อมูล' }).click();
    await page.waitForURL(/\/submit$/);
    expect(await page.locator('h1').textContent()).toBe('ยืนยันการส่งข้อมูล OIT');
    // (axe runs in the page's JavaScript: only in the run with JavaScript.)
    if (js) expect(await runAxe(page)).toEqual([]);
    await page.getByRole('link', { name: 'กลับไปแก้ไข' }).first().click();
    await page.waitForURL((u) => u.pathname === base);
    await page.close();
  }, 120_000);
});

describe('OIT entry with JavaScript: autosave and the leaving warning', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ javaScript: true, viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => browser?.close());

  it('saves typing by itself and warns before leaving unsaved changes', async () => {
    const page = await browser.context.newPage();
    await signInTo(page, 'E2E-C');
    await page.locator('#item-O4').getByLabel('ไม่มี', { exact: true }).check();
    await note(page, 'O4').fill('บันทึกเองโดยไม่กดปุ่ม');
    await page.waitForFunction(
      () => document.querySelector('[data-oit-status]')?.textContent?.includes('บันทึกอัตโนมัติแล้ว'),
      undefined,
      { timeout: 15_000 },
    );
    const sheet = await services.oit.sheet(SYSTEM_CLI, YEAR, 'E2E-C');
    expect(sheet.entries.O4?.note).toBe('บันทึกเองโดยไม่กดปุ่ม');
    // Typing again, then leaving at once: the browser asks first.
    await note(page, 'O5').fill('ยังไม่ได้บันทึก');
    let asked = false;
    page.once('dialog', (d) => {
      asked = d.type() === 'beforeunload';
      void d.dismiss();
    });
    await page.getByRole('link', { name: 'หน้าแรก' }).first().click();
    await page.waitForTimeout(500);
    expect(asked).toBe(true);
    await page.close();
  }, 60_000);

  for (const width of [360, 1280])
    it(`axe finds no violations on the entry page at ${width} px`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await signInTo(page, 'E2E-C');
      expect(await runAxe(page)).toEqual([]);
      await page.close();
    }, 60_000);
});
