// Each demo role's home (issue 16.1), in Chromium on the demo: sign in from the front page by
// clicking, land on "งานของฉัน", and reach every task linked from it by clicking only (each page
// answers without an error); axe finds nothing on the home page at 360 and 1280 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, runAxe, signIn, startServer, type Browser, type Server } from './helpers.ts';

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

// Each role's tasks of issue 16.1, as the paths its home must lead to (a page reached by clicking).
const ROLES = [
  {
    role: 'nacc_admin',
    email: 'admin@demo.itas.local',
    password: 'demo-admin-2569',
    min: 11,
    tasks: [
      /^\/admin\/years$/,
      /^\/admin\/calendar\?year=\d+$/,
      /^\/oit\/\d+\/assign$/,
      /^\/oit\/\d+\/review$/,
      /^\/survey-targets\?year=\d+$/,
      /^\/admin\/publication\/\d+$/,
    ],
  },
  {
    role: 'auditor',
    email: 'auditor@demo.itas.local',
    password: 'demo-auditor-2569',
    min: 5,
    tasks: [/^\/oit\/\d+\/review\/51-[A-Z]+/, /^\/oit\/\d+\/review$/],
  },
  {
    role: 'province_officer',
    email: 'lamphun@demo.itas.local',
    password: 'demo-province-2569',
    min: 8,
    tasks: ['progress', 'committee', 'coordinators', 'mous', 'training', 'reminders', 'plan']
      .map((s) => new RegExp(`^/province/[^/]+/\\d+/${s}$`))
      .concat(/^\/survey-targets\?year=\d+&province=/),
  },
  {
    role: 'agency_admin',
    email: '51-prv@demo.itas.local',
    password: 'demo-agency-2569',
    min: 5,
    tasks: [
      /^\/agencies\/51-PRV\/survey\?year=\d+$/,
      /^\/oit\/\d+\/agencies\/51-PRV$/,
      /^\/results\/\d+\/agencies\/51-PRV$/,
      /^\/agencies\/51-PRV\/profile$/,
    ],
  },
] as const;

describe.each(ROLES)('the home of $role', ({ role, email, password, min, tasks }) => {
  it('lands on its home after sign-in and reaches every task by clicking', async () => {
    const page = await browser.context.newPage();
    await signIn(page, email, password);
    expect(new URL(page.url()).pathname).toBe('/home');
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
    // Every task of the role was among the pages reached by clicking.
    for (const task of tasks)
      expect(
        reached.some((href) => task.test(href)),
        `${String(task)} in ${reached.join(' ')}`,
      ).toBe(true);
    await page.close();
  }, 240_000);

  for (const width of [360, 1280])
    it(`axe finds no violations on the home at ${width} px, and no sideways scroll`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await signIn(page, email, password);
      expect(await runAxe(page)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    }, 90_000);
});
