// Each demo role's home (issue 16.1), in Chromium on the demo: sign in from the front page by
// clicking, land on "งานของฉัน", and reach every task linked from it by clicking only (each page
// answers without an error); axe finds nothing on the home page at 360 and 1280 px.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, startServer, type Browser, type Server } from './helpers.ts';

const axeSource = readFileSync(
  new URL('../../node_modules/axe-core/axe.min.js', import.meta.url),
  'utf8',
);
let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
}, 200_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ROLES = [
  { role: 'nacc_admin', email: 'admin@demo.itas.local', password: 'demo-admin-2569', min: 11 },
  { role: 'auditor', email: 'auditor@demo.itas.local', password: 'demo-auditor-2569', min: 5 },
  {
    role: 'province_officer',
    email: 'lamphun@demo.itas.local',
    password: 'demo-province-2569',
    min: 8,
  },
  { role: 'agency_admin', email: '51-prv@demo.itas.local', password: 'demo-agency-2569', min: 5 },
] as const;

async function signIn(page: Page, email: string, password: string) {
  await browser.context.clearCookies();
  await page.goto(server.url);
  await page.getByRole('link', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => u.pathname === '/home');
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const a = (
      window as unknown as {
        axe: {
          run: (
            o: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return a.run({ resultTypes: ['violations'] });
  });
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

describe.each(ROLES)('the home of $role', ({ role, email, password, min }) => {
  it('lands on its home after sign-in and reaches every task by clicking', async () => {
    const page = await browser.context.newPage();
    await signIn(page, email, password);
    expect(await page.locator(`[data-role="${role}"]`).count()).toBeGreaterThan(0);
    const links = page.locator('main .home-role a');
    const n = await links.count();
    expect(n).toBeGreaterThanOrEqual(min);
    const reached: string[] = [];
    for (let i = 0; i < n; i++) {
      const link = page.locator('main .home-role a').nth(i);
      const href = (await link.getAttribute('href'))!;
      if (href.includes('format=csv')) {
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        continue;
      }
      const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
      expect(response?.status(), href).toBeLessThan(400);
      expect(await page.locator('h1').count(), href).toBeGreaterThan(0);
      reached.push(href);
      // Back home through the menu, by clicking.
      await page.getByRole('navigation').getByRole('link', { name: 'งานของฉัน' }).click();
      await page.waitForURL((u) => u.pathname === '/home');
    }
    expect(reached.length).toBeGreaterThanOrEqual(min - 1);
    await page.close();
  }, 240_000);

  for (const width of [360, 1280])
    it(`axe finds no violations on the home at ${width} px, and no sideways scroll`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await signIn(page, email, password);
      expect(await axe(page)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    }, 90_000);
});
