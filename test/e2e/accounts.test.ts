// Accounts in a real browser on a phone: an administrator invites a person, who sets a password
// from the link in the outbox, signs in and out; after five wrong passwords from one place a calm
// wait, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, startServer, type Browser, type Server } from './helpers.ts';

let server: Server;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForLoadState();
}

const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('accounts', () => {
  it('invite → set password from the outbox link → sign in → sign out', async () => {
    const page = await browser.context.newPage();
    await signIn(page, 'admin@demo.itas.local', 'demo-admin-2569');
    // Signed in, each person lands on the home of their tasks (issue 16.1).
    await page.waitForURL(/\/home$/);
    expect(await page.locator('.site-header').textContent()).toContain('ผู้ดูแลระบบ ป.ป.ช. (สาธิต)');

    // The menu's link (the home page links to the same task too).
    await page
      .getByRole('navigation', { name: 'Open ITAS' })
      .getByRole('link', { name: 'ผู้ใช้', exact: true })
      .click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByLabel('อีเมล').fill('Malee@pao.example.go.th');
    await page.getByLabel('ชื่อ-นามสกุล').fill('มาลี ศรีสุข');
    await page.getByLabel('ผู้ดูแลหน่วยงาน', { exact: true }).check();
    await page.getByLabel('ขอบเขต').fill('51-PAO');
    await page.getByRole('button', { name: 'ส่งคำเชิญ' }).click();
    await page.waitForURL(/\/admin\/users\?invited=/);
    expect(await page.getByRole('status').textContent()).toContain('malee@pao.example.go.th');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: 'จดหมายออก' }).click();
    await page
      .getByRole('link', { name: /คำเชิญเข้าใช้ Open ITAS/ })
      .first()
      .click();
    const link = page.locator('.mail-body a').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/\/invitation\/[\w-]{43}$/);
    // The link names PUBLIC_URL (localhost); follow it on the address this server really has.
    const invitation = `${server.url}${new URL(href).pathname}`;

    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL(/\/sign-in\?done=signed-out/);
    expect(await page.getByRole('status').textContent()).toContain('ออกจากระบบแล้ว');

    await page.goto(invitation);
    expect(await page.locator('h1').textContent()).toBe('ตั้งรหัสผ่านเพื่อเริ่มใช้งาน');
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('สวัสดีลำพูน 2569');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill('สวัสดีลำพูน 2569');
    await page.getByRole('button', { name: 'ตั้งรหัสผ่านและเริ่มใช้งาน' }).click();
    await page.waitForURL(/\/sign-in\?done=password-set/);

    await signIn(page, 'malee@pao.example.go.th', 'สวัสดีลำพูน 2569');
    await page.waitForURL(/\/home$/);
    await page.goto(`${server.url}/account`);
    expect(await page.locator('main').textContent()).toContain('ผู้ดูแลหน่วยงาน: 51-PAO');
    expect(await page.locator('.site-header').textContent()).toContain('มาลี ศรีสุข');
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    // The link is single-use.
    await page.goto(invitation);
    expect(await page.locator('h1').textContent()).toBe('ลิงก์นี้ใช้ไม่ได้แล้ว');

    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await page.waitForURL(/\/sign-in\?done=signed-out/);
    await page.goto(`${server.url}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount/);
    await page.close();
  });

  it('after five wrong passwords from one place a calm Thai message and a wait, not a 500', async () => {
    const page = await browser.context.newPage();
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/sign-in') && r.request().method() === 'POST')
        statuses.push(r.status());
    });
    for (let i = 0; i < 5; i++)
      await signIn(page, 'lamphun@demo.itas.local', `wrong password ${i}`);
    expect(await page.title()).toMatch(/^ข้อผิดพลาด: /);
    // Five passwords were checked; the sixth try from this network waits, even the right one.
    await signIn(page, 'lamphun@demo.itas.local', 'demo-province-2569');
    const message = await page.locator('.error-summary').textContent();
    expect(message).toContain('กรุณารอประมาณ 15 นาทีแล้วลองใหม่');
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // An address with no account gets exactly the same treatment.
    for (let i = 0; i < 6; i++) await signIn(page, 'nobody@nowhere.example', `wrong password ${i}`);
    expect(await page.locator('.error-summary').textContent()).toContain('กรุณารอประมาณ 15 นาที');
    expect(statuses.slice(6)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(statuses.every((s) => s < 500)).toBe(true);
    await page.close();
  });
});
