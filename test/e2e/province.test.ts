// The province's drive in a real browser: an officer of Lamphun records a committee order, marks
// an MOU signed and published, finds an agency below its IIT minimum, reminds it (the e-mail is in
// the outbox), and watches the plan to pass lift the province unit's 2563 score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, startServer, type Browser, type Server } from './helpers.ts';

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

const ws = () => `${server.url}/province/${encodeURIComponent('ลำพูน')}/2564`;

describe('province drive', () => {
  it('committee → MOU → board → reminder → plan to pass', async () => {
    const page = await browser.context.newPage();
    await signIn(page, 'lamphun@demo.itas.local', 'demo-province-2569');

    // A committee order with two members.
    await page.goto(`${ws()}/committee`);
    await page.getByLabel('เลขที่คำสั่ง').fill('๓๑๒/๒๕๖๔');
    await page.getByLabel('วันที่สั่ง').fill('15/3/2564');
    await page.getByLabel('เรื่อง').fill('แต่งตั้งคณะทำงานติดตามการประเมิน ITA');
    await page.getByLabel('ผู้ลงนาม').fill('ผู้ว่าราชการจังหวัดลำพูน');
    await page.locator('#members-0-position').fill('รองผู้ว่าราชการจังหวัดลำพูน');
    await page.locator('#members-0-office').fill('ศาลากลางจังหวัดลำพูน');
    await page.locator('#members-0-role').selectOption('chair');
    await page.locator('#members-1-position').fill('หัวหน้าสำนักงานจังหวัดลำพูน');
    await page.locator('#members-1-office').fill('สำนักงานจังหวัดลำพูน');
    await page.locator('#members-1-role').selectOption('secretary');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.waitForURL(/\/committee\?done=1$/);
    const committee = await page.locator('main').textContent();
    // Typed in Thai digits, shown in Arabic ones like the date beside it (issue 16).
    expect(committee).toContain('คำสั่งที่ 312/2564 ลงวันที่ 15 มีนาคม 2564');
    expect(committee).toContain('คณะทำงานและเลขานุการ');
    // The seed's order of 3 February 2564 is there too, with its 40 positions.
    expect(committee).toContain('40 ตำแหน่ง');

    // A district MOU awaiting signature: signed and published.
    await page.goto(`${ws()}/mous`);
    await page.getByRole('link', { name: 'องค์การบริหารส่วนตำบลตะเคียนปม' }).click();
    await page.getByLabel('วันที่ลงนาม').fill('31/3/2564');
    await page
      .getByLabel('URL ที่เผยแพร่บนเว็บไซต์หลักของหน่วยงาน')
      .fill('https://51sao01.demo.example/mou-ita-2564');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.waitForURL(/\/mous\?done=1$/);
    const row = page.locator('tr[data-party="องค์การบริหารส่วนตำบลตะเคียนปม"]');
    expect(await row.textContent()).toContain('ลงนามและเผยแพร่แล้ว');

    // The board, filtered to laggards, lists the province unit below its IIT minimum.
    await page.goto(`${ws()}/progress`);
    await page.getByLabel('แสดงเฉพาะหน่วยงานที่ยังล่าช้า').check();
    await page.getByRole('button', { name: 'กรอง' }).click();
    await page.waitForURL(/lagging=1/);
    const prv = page.locator('tr[data-agency="51-PRV"] td[data-col="iit"]');
    expect(await prv.textContent()).toContain('0/350');
    expect(await prv.textContent()).toContain('ต่ำกว่าขั้นต่ำ');

    // Remind it: preview first, then send.
    await page.goto(`${ws()}/reminders?codes=51-PRV`);
    await page.getByRole('button', { name: 'ดูตัวอย่างก่อนส่ง' }).click();
    const preview = await page.locator('#preview').textContent();
    expect(preview).toContain('coordinator1.51-prv@demo.itas.local');
    expect(preview).toContain('ผู้ตอบแบบวัด IIT 0 คน (ขั้นต่ำ 350 คน)');
    await page.getByRole('button', { name: 'ส่งอีเมล' }).click();
    await page.waitForURL(/\/reminders\?sent=2$/);
    expect(await page.getByRole('status').textContent()).toContain('ส่งอีเมลแล้ว 2 ฉบับ');

    // The plan to pass: tick the five OIT items at 0 and compute (a plain GET form).
    await page.goto(`${ws()}/plan`);
    expect(await page.locator('#base-score').textContent()).toContain('87.96');
    for (const item of ['O3', 'O8', 'O9', 'O25', 'O32'])
      await page.locator(`input[name="tick"][value="oit:${item}"]`).check();
    await page.getByRole('button', { name: 'คำนวณ' }).click();
    await page.waitForURL(/tick=/);
    expect(await page.locator('#projected-score').textContent()).toContain('91.10');
    expect(await page.locator('#province-score').textContent()).toMatch(/→/);

    // The reminder sits in the outbox (the NACC administers it).
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await signIn(page, 'admin@demo.itas.local', 'demo-admin-2569');
    await page.goto(`${server.url}/admin/outbox`);
    const outbox = await page.locator('main').textContent();
    expect(outbox).toContain('coordinator1.51-prv@demo.itas.local');
    expect(outbox).toContain('ติดตามการดำเนินงาน ITA ปีงบประมาณ 2564: จังหวัดลำพูน');
    await page.close();
  });

  it('the what-if works without JavaScript: tick, submit, see the new score', async () => {
    const noJs = await openBrowser({ javaScript: false });
    try {
      const page = await noJs.context.newPage();
      await signIn(page, 'lamphun@demo.itas.local', 'demo-province-2569');
      await page.goto(`${ws()}/plan?agency=51-PRV`);
      await page.locator('input[name="tick"][value="oit:O25"]').check();
      await page.getByRole('button', { name: 'คำนวณ' }).click();
      await page.waitForURL(/tick=oit%3AO25/);
      // O25 is the only item of its sub-indicator's four at 0: +1.00 point.
      expect(await page.locator('#projected-score').textContent()).toContain('88.96');
    } finally {
      await noJs.close();
    }
  });
});
