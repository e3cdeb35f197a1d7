// Issue 16.5, done when: the EIT survey can be completed entirely in English. A phone without
// JavaScript opens the agency's EIT link, picks English on the start page, answers every page and
// sends; no page it walked shows Thai but the agency's own name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, startServer, type Browser, type Server } from './helpers.ts';

let server: Server;
let admin: Browser;
let eit: string;
beforeAll(async () => {
  server = await startServer();
  admin = await openBrowser({ viewport: { width: 1100, height: 900 } });
  const page = await admin.context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('อีเมล').fill('admin@demo.itas.local');
  await page.getByLabel('รหัสผ่าน').fill('demo-admin-2569');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForLoadState();
  await page.goto(`${server.url}/agencies/51-PRV/survey`);
  const links = await page
    .locator('a.short-link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  eit = links[1]!;
  await page.close();
});
afterAll(async () => {
  await admin?.close();
  await server?.stop();
});

const THAI = /[\u0E00-\u0E7F]+/g;

/** Thai words in <main>, less the words of the agency's name (data, as the heading shows it). */
async function thaiOn(page: Page, agencyName: Set<string>): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return (text.match(THAI) ?? []).filter((w) => !agencyName.has(w));
}

describe('EIT in English on a phone without JavaScript', () => {
  it('is completed entirely in English', async () => {
    const phone = await openBrowser({ javaScript: false });
    const page = await phone.context.newPage();
    await page.goto(eit);
    await page.locator('a.site-header__lang').click();
    await page.waitForLoadState();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The agency's name is data: the one Thai allowed (the line above the heading, before " · EIT").
    const name = new Set(
      (await page.locator('main').innerText()).split(' · ')[0]!.match(THAI) ?? [],
    );
    expect(name.size).toBeGreaterThan(0);
    const walked: string[] = [];
    const seen = async () => {
      walked.push(page.url());
      expect(await thaiOn(page, name), page.url()).toEqual([]);
    };
    await seen();
    await page
      .getByRole('button', { name: 'Start the survey' })
      .or(page.getByRole('link', { name: 'Start the survey' }))
      .click();
    await page.waitForURL(/\/about$/);
    for (;;) {
      await seen();
      for (const group of await page.locator('.radios').all())
        await group.locator('input[type="radio"]').first().check();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForLoadState();
      if (/\/check$/.test(page.url())) break;
    }
    await seen();
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.waitForURL(/\/thanks$/);
    await seen();
    expect(walked.length).toBeGreaterThanOrEqual(6);
    await phone.close();
  });
});
