import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('agency register on a phone', () => {
  it('searches agencies for ลำพูน from the home page and opens one', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    expect(await page.locator('h1').textContent()).toContain('การประเมินคุณธรรมและความโปร่งใส');
    await page.getByLabel('ค้นหาหน่วยงาน').fill('ลำพูน');
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.waitForURL(/\/agencies\?q=/);
    expect(await page.getByRole('status').textContent()).toContain('พบ 59 หน่วยงาน');
    await page.getByRole('link', { name: 'จังหวัดลำพูน', exact: true }).click();
    await page.waitForURL(/\/agencies\/51-PRV$/);
    expect(await page.locator('h1').textContent()).toBe('จังหวัดลำพูน');
    // Nothing wider than the phone: no sideways scrolling.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
