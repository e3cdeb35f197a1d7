// The IIT survey in a real browser on a phone, with JavaScript on and off: a staff member opens
// the link, answers every page (one deliberate error corrected), submits, and the agency's count
// moves only in steps of ten (small numbers); an ineligible respondent leaves nothing; a closed
// window says when it opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser, startServer, type Browser, type Server } from './helpers.ts';

let server: Server;
let admin: Browser;
beforeAll(async () => {
  server = await startServer();
  admin = await openBrowser({ viewport: { width: 1100, height: 900 } });
  const page = await admin.context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('อีเมล').fill('admin@demo.itas.local');
  await page.getByLabel('รหัสผ่าน').fill('demo-admin-2569');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForLoadState();
  await page.close();
});
afterAll(async () => {
  await admin?.close();
  await server?.stop();
});

/** What the agency's survey page shows: the IIT/EIT short links and the live counts. */
async function agencySurvey(code: string) {
  const page = await admin.context.newPage();
  await page.goto(`${server.url}/agencies/${code}/survey`);
  const links = await page
    .locator('a.short-link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const count = Number(
    (await page.locator('[data-count="IIT"]').textContent())!.replace(/\D/g, ''),
  );
  await page.close();
  return { iit: links[0]!, eit: links[1]!, count };
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function continueOn(page: Page) {
  await page.getByRole('button', { name: 'บันทึกและไปต่อ' }).click();
  await page.waitForLoadState();
}

async function answerAll(page: Page) {
  for (const group of await page.locator('.radios:visible').all())
    await group.locator('input[type="radio"]').nth(1).check();
}

for (const javaScript of [true, false]) {
  describe(`IIT on a phone, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    let phone: Browser;
    beforeAll(async () => {
      phone = await openBrowser({ javaScript });
    });
    afterAll(async () => phone?.close());

    it('answers every page with one error corrected, submits, and the count rises by one', async () => {
      const before = await agencySurvey('51-PRV');
      const page = await phone.context.newPage();
      await page.goto(before.iit);
      expect(await page.locator('h1:visible').textContent()).toContain('IIT');
      await page
        .getByRole('button', { name: 'เริ่มตอบแบบวัด' })
        .or(page.getByRole('link', { name: 'เริ่มตอบแบบวัด' }))
        .click();
      await page.waitForURL(/[/#]eligibility$/);
      await page.getByLabel('ใช่', { exact: true }).check();
      await continueOn(page);
      await page.waitForURL(/[/#]about$/);
      expect(await page.locator('.caption:visible').textContent()).toContain('หน้า 1 จาก 6');
      // The deliberate error: only the first question answered.
      await page.locator('.radios:visible').first().locator('input').first().check();
      await continueOn(page);
      expect(await page.title()).toMatch(/^ข้อผิดพลาด:/);
      await expect.poll(() => page.locator('.error-summary li').count()).toBeGreaterThan(0);
      expect(
        await page.locator('.radios:visible').first().locator('input').first().isChecked(),
      ).toBe(true);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await answerAll(page);
      await continueOn(page);
      for (let n = 2; n <= 6; n++) {
        await page.waitForURL(new RegExp(`[/#]page-${n - 1}$`));
        expect(await page.locator('.caption:visible').textContent()).toContain(`หน้า ${n} จาก 6`);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        await answerAll(page);
        await continueOn(page);
      }
      await page.waitForURL(/[/#]check$/);
      expect(await page.locator('h1:visible').textContent()).toBe('ตรวจสอบคำตอบก่อนส่ง');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
      await page.waitForURL(/\/thanks$/);
      expect(await page.locator('h1').textContent()).toBe('ส่งคำตอบเรียบร้อยแล้ว');
      // The agency sees its count in steps of ten: one answer moves it by 0 or by 10, never by 1.
      const after = (await agencySurvey('51-PRV')).count;
      expect(after % 10).toBe(0);
      expect([before.count, before.count + 10]).toContain(after);
      await page.close();
    });

    it('an ineligible respondent is thanked and leaves nothing behind', async () => {
      const before = await agencySurvey('51-PRV');
      const context: BrowserContext = phone.context;
      const page = await context.newPage();
      await page.goto(`${before.iit}/eligibility`);
      await page.getByLabel('ไม่ใช่', { exact: true }).check();
      await continueOn(page);
      await page.waitForURL(/\/not-eligible$/);
      expect(await page.locator('main').textContent()).toContain('ระบบไม่ได้บันทึกข้อมูลใด ๆ ของท่าน');
      expect((await context.cookies()).map((c) => c.name)).not.toContain('itas_survey');
      expect((await agencySurvey('51-PRV')).count).toBe(before.count);
      await page.close();
    });
  });
}

describe('a closed window', () => {
  it('the NACC cannot close one agency early by "extending" it, moves the window, and the link says when it opens', async () => {
    const page = await admin.context.newPage();
    await page.goto(`${server.url}/admin/calendar`);
    await page.getByLabel('ขั้นตอน').selectOption('iit');
    await page.getByLabel('วันเริ่มต้น').fill('1/4/2642');
    await page.getByLabel('วันสิ้นสุด').fill('31/5/2642');
    const agency = page.getByLabel('รหัสหน่วยงาน (ถ้าขยายเวลาให้หน่วยงานเดียว)');
    const reason = page.getByLabel('เหตุผล (จำเป็นเมื่อขยายเวลาให้หน่วยงานเดียว)');
    await agency.fill('51-PAO');
    await reason.fill('ทดสอบ: เลื่อนการเปิด');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    // A later window for one agency would close its open survey: refused, in words, typed text kept.
    expect(await page.locator('.error-summary').textContent()).toContain(
      'การขยายเวลาต้องครอบคลุมช่วงเวลาของทุกหน่วยงาน',
    );
    expect(await page.getByLabel('วันเริ่มต้น').inputValue()).toBe('1/4/2642');
    await agency.fill('');
    await reason.fill('');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.locator('table').textContent()).toContain('1 เมษายน 2642');
    await page.close();
    const { iit } = await agencySurvey('51-PAO');
    const phone = await openBrowser({ javaScript: false });
    const p = await phone.context.newPage();
    await p.goto(iit);
    expect(await p.locator('h1').textContent()).toBe('แบบวัดนี้ยังไม่เปิดหรือปิดรับคำตอบแล้ว');
    expect(await p.locator('main').textContent()).toContain(
      'แบบวัดจะเปิดรับคำตอบตั้งแต่วันที่ 1 เมษายน 2642',
    );
    await phone.close();
  });
});
