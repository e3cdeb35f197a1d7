// The survey in one document (ADR 0017), in Chromium: with JavaScript an IIT and an EIT are
// answered step by step in the start page's one form and reach the server as ONE POST; a send
// the server refuses comes back with the error on its step and every answer kept; without
// JavaScript the same link still works a step (a POST) at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { openBrowser, PHONE, startServer, type Browser, type Server } from './helpers.ts';

let server: Server;
let admin: Browser;
const links: Record<'iit' | 'eit', string> = { iit: '', eit: '' };
beforeAll(async () => {
  server = await startServer();
  admin = await openBrowser({ viewport: { width: 1100, height: 900 } });
  const page = await admin.context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('อีเมล').fill('admin@demo.itas.local');
  await page.getByLabel('รหัสผ่าน').fill('demo-admin-2569');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForLoadState();
  await page.goto(`${server.url}/agencies/51-TM-01/survey`);
  const hrefs = await page
    .locator('a.short-link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  links.iit = hrefs[0]!;
  links.eit = hrefs[1]!;
  await page.close();
});
afterAll(async () => {
  await admin?.close();
  await server?.stop();
});

/** Every request the page makes to our server, as "METHOD path". */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    const u = new URL(r.url());
    if (u.origin === server.url) seen.push(`${r.method()} ${u.pathname}`);
  });
  return seen;
}

const continueButton = (page: Page) => page.getByRole('button', { name: 'บันทึกและไปต่อ' });

async function answerVisible(page: Page, option = 1) {
  for (const group of await page.locator('.radios:visible').all())
    await group.locator('input[type="radio"]').nth(option).check();
}

/** From the start page to the check step with JavaScript: no request until the send. */
async function walkWithScript(page: Page, tool: 'iit' | 'eit', seen: string[]) {
  await page.goto(links[tool]);
  await page.getByRole('button', { name: 'เริ่มตอบแบบวัด' }).click();
  const before = seen.length;
  if (tool === 'iit') {
    await page.waitForURL(/#eligibility$/);
    await page.getByLabel('ใช่', { exact: true }).check();
    await continueButton(page).click();
  }
  await page.waitForURL(/#about$/);
  const of = tool === 'iit' ? 6 : 4;
  for (let n = 1; n <= of; n++) {
    expect(await page.locator('.caption:visible').textContent()).toContain(`หน้า ${n} จาก ${of}`);
    if (n === 1) {
      // The browser's own check, with the server's words: nothing chosen on "about you".
      await continueButton(page).click();
      expect(await page.title()).toMatch(/^ข้อผิดพลาด:/);
      expect(await page.locator('.error-summary:visible li').first().textContent()).toContain(
        'กรุณาเลือกหนึ่งข้อ',
      );
      expect(page.url()).toMatch(/#about$/);
    }
    await answerVisible(page);
    await continueButton(page).click();
  }
  await page.waitForURL(/#check$/);
  expect(await page.locator('h1:visible').textContent()).toBe('ตรวจสอบคำตอบก่อนส่ง');
  // The check step names every chosen answer (the second option everywhere).
  expect(await page.locator('[data-answer]:visible').first().textContent()).not.toBe('ยังไม่ได้ตอบ');
  // Back, forward and the change links stayed in the document: not one request.
  expect(seen.slice(before)).toEqual([]);
}

describe('with JavaScript: one document, one POST', () => {
  let phone: Browser;
  beforeAll(async () => {
    phone = await openBrowser({ viewport: PHONE });
  });
  afterAll(async () => phone?.close());

  for (const tool of ['iit', 'eit'] as const)
    it(`answers the ${tool.toUpperCase()} in the start page and sends it in one POST`, async () => {
      const page = await phone.context.newPage();
      const seen = recordRequests(page);
      await walkWithScript(page, tool, seen);
      // Back from the check step with the browser's own button, then forward again.
      await page.goBack();
      await page.waitForURL(/#page-\d$/);
      await page.goForward();
      await page.waitForURL(/#check$/);
      await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
      await page.waitForURL(/\/thanks$/);
      expect(await page.locator('h1').textContent()).toBe('ส่งคำตอบเรียบร้อยแล้ว');
      const posts = seen.filter((r) => r.startsWith('POST '));
      expect(posts).toEqual([`POST ${new URL(links[tool]).pathname}/send`]);
      // The requests a browser with JavaScript makes (the benchmark's walk follows them).
      console.log(`${tool} with JavaScript:`, seen.join(', '));
      // The send is answered with the thanks page itself (ADR 0024): no request after it.
      expect(seen.filter((r) => r.startsWith('GET /go/'))).toEqual([
        `GET ${new URL(links[tool]).pathname}`,
      ]);
      // The page shows its own address, so a reload asks for it and sends nothing again.
      await page.reload();
      expect(await page.locator('h1').textContent()).toBe('ส่งคำตอบเรียบร้อยแล้ว');
      expect(seen.filter((r) => r.startsWith('POST '))).toHaveLength(1);
      expect(seen.filter((r) => r.startsWith('GET /go/')).at(-1)).toBe(
        `GET ${new URL(links[tool]).pathname}/thanks`,
      );
      await page.close();
    });

  it('shows a refused send on the step of the error, with every answer kept', async () => {
    const page = await phone.context.newPage();
    const seen = recordRequests(page);
    await walkWithScript(page, 'eit', seen);
    // A value the browser's check cannot see as wrong, only the server's: question E4.1.
    const name = await page
      .locator('#page-2 input[type="radio"]:checked')
      .first()
      .getAttribute('name');
    await page.evaluate((n) => {
      const el = document.querySelector<HTMLInputElement>(`input[name="${n}"]:checked`)!;
      el.value = '9';
    }, name!);
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.waitForURL(/#page-2$/);
    expect(await page.title()).toMatch(/^ข้อผิดพลาด:/);
    const summary = page.locator('.error-summary:visible');
    expect(await summary.textContent()).toContain(`ข้อ ${name}: คำตอบ "9" ใช้ไม่ได้`);
    expect(await page.locator('.form-group--error:visible').count()).toBe(1);
    // Everything else typed is still chosen, on this step and the others.
    expect(await page.locator('#about input[type="radio"]:checked').count()).toBeGreaterThan(0);
    expect(await page.locator('#page-1 input[type="radio"]:checked').count()).toBe(
      await page.locator('#page-1 .radios').count(),
    );
    // Put right, and sent: it goes to the check step, then a second POST stores it.
    await page.locator(`input[name="${name}"]`).nth(1).check();
    await continueButton(page).click();
    await page.waitForURL(/#check$/);
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.waitForURL(/\/thanks$/);
    expect(seen.filter((r) => r.startsWith('POST '))).toHaveLength(2);
    await page.close();
  });
});

describe('without JavaScript: a POST per step, as before', () => {
  let phone: Browser;
  beforeAll(async () => {
    phone = await openBrowser({ viewport: PHONE, javaScript: false });
  });
  afterAll(async () => phone?.close());

  it('answers the EIT a page at a time and submits from the check page', async () => {
    const page = await phone.context.newPage();
    const seen = recordRequests(page);
    await page.goto(links.eit);
    // The one-document form is there but hidden: only the start page shows.
    expect(await page.locator('#survey-steps').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'เริ่มตอบแบบวัด' }).click();
    await page.waitForURL(/\/about$/);
    for (let n = 1; n <= 4; n++) {
      expect(await page.locator('.caption').textContent()).toContain(`หน้า ${n} จาก 4`);
      await answerVisible(page, 1);
      await continueButton(page).click();
      await page.waitForLoadState();
    }
    await page.waitForURL(/\/check$/);
    await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await page.waitForURL(/\/thanks$/);
    const posts = seen.filter((r) => r.startsWith('POST '));
    expect(posts).toHaveLength(5);
    expect(posts.at(-1)).toMatch(/\/submit$/);
    console.log('eit without JavaScript:', seen.join(', '));
    await page.close();
  });
});
