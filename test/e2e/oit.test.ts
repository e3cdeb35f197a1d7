// OIT end to end in Chromium: an agency fills three items (one dead link, flagged by the link
// check), submits; an auditor scores them; the agency disputes one; the auditor re-reviews and
// confirms; the agency sees its OIT score and the history shows each step. The app runs in this
// process (so the test can set the calendar and run queued jobs); links point at a local fixture.
import { serve, type ServerType } from '@hono/node-server';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { createApp } from '../../src/http/app.tsx';
import { registerBuiltInJobs, runDueJobs } from '../../src/jobs/worker.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createLinkCheckService } from '../../src/services/link-check.service.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';
import { openBrowser, type Browser } from './helpers.ts';

const YEAR = 2563;
const CODE = 'E2E-SM';
const log = pino({ level: 'silent' });
let db: Db;
let services: Services;
let app: ServerType;
let url: string;
let fixture: http.Server;
let site: string;
let browser: Browser;

beforeAll(async () => {
  fixture = http.createServer((req, res) => {
    if (req.url === '/structure' || req.url === '/executives') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<title>ข้อมูลหน่วยงาน</title><p>ok</p>');
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => fixture.listen(0, '127.0.0.1', r));
  site = `http://127.0.0.1:${(fixture.address() as AddressInfo).port}`;

  db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(db);
  await ensureReferenceData(db);
  services = createServices(db);
  // Test-only: the checker may reach the loopback fixture server.
  services.oitLinks = createLinkCheckService({
    db,
    options: { allowLoopback: true, timeoutMs: 3000 },
  });
  registerBuiltInJobs();
  await services.years.create(SYSTEM_CLI, YEAR, 'ita-2563');
  await db
    .insertInto('agencies')
    .values({
      code: CODE,
      name_th: 'เทศบาลตำบลทดสอบโอไอที',
      name_en: null,
      type: 'subdistrict_municipality',
      province: 'ลำพูน',
      district: 'เมืองลำพูน',
      parent_code: null,
      website: site,
      staff_count: 20,
    })
    .execute();
  const today = new Date();
  const day = (d: number) => thaiDay(new Date(today.getTime() + d * 86_400_000));
  for (const phase of ['oit-entry', 'oit-review', 'clarification', 'confirmation'])
    await services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: YEAR,
      phase,
      opensOn: day(-1),
      closesOn: day(1),
    });
  await services.users.create(SYSTEM_CLI, {
    email: 'admin@oit.test',
    displayName: 'ผู้ดูแลหน่วยงาน',
    grant: { role: 'agency_admin', scope: CODE },
    password: 'agency passphrase 2569',
  });
  await services.users
    .create(SYSTEM_CLI, {
      email: 'auditor@oit.test',
      displayName: 'ผู้ตรวจ',
      grant: { role: 'auditor', scope: '51-PRV' },
      password: 'auditor passphrase 2569',
    })
    .catch(async () => {
      // 51-PRV is not in this database: start the auditor on the test agency instead.
      await services.users.create(SYSTEM_CLI, {
        email: 'auditor@oit.test',
        displayName: 'ผู้ตรวจ',
        grant: { role: 'auditor', scope: CODE },
        password: 'auditor passphrase 2569',
      });
    });
  await services.oitAdmin.assign(SYSTEM_CLI, 'auditor@oit.test', CODE);

  const hono = createApp({ services, log });
  await new Promise<void>((resolve) => {
    app = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => app?.close(r));
  fixture?.closeAllConnections();
  await new Promise((r) => fixture?.close(r));
  await db?.destroy();
});

async function signInAs(page: Page, email: string, password: string, next: string) {
  await browser.context.clearCookies();
  await page.goto(`${url}${next}`);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => u.pathname === next.split('?')[0]);
}

async function fillItem(page: Page, item: string, answer: 'มี' | 'ไม่มี', urls = '') {
  const box = page.locator(`#item-${item}`);
  await box.getByLabel(answer, { exact: true }).check();
  if (urls) await box.getByLabel('ลิงก์ (URL) บนเว็บไซต์หลักของหน่วยงาน').fill(urls);
  await box.getByRole('button', { name: `บันทึก (กลับมาที่ข้อ ${item})` }).click();
  await page.waitForURL(new RegExp(`saved=[0-9]+#item-${item}$`));
}

const sheetPath = `/oit/${YEAR}/agencies/${CODE}`;
const reviewPath = `/oit/${YEAR}/review/${CODE}`;

describe('OIT from entry to confirmation', () => {
  it('runs the whole workflow in the browser', async () => {
    const page = await browser.context.newPage();

    // 1. The agency fills three items, one with a dead link, and submits.
    await signInAs(page, 'admin@oit.test', 'agency passphrase 2569', sheetPath);
    expect(await page.locator('.oit-progress').textContent()).toContain('ทำแล้ว 0 จาก 43');
    await fillItem(page, 'O1', 'มี', `${site}/structure`);
    await fillItem(page, 'O2', 'มี', `${site}/gone`);
    await fillItem(page, 'O3', 'ไม่มี');
    expect(await page.locator('.oit-progress').textContent()).toContain('ทำแล้ว 3 จาก 43');
    await page.getByRole('button', { name: 'บันทึกแล้วไปยังขั้นตอนส่งข้อมูล' }).click();
    await page.waitForURL(/\/submit$/);
    expect(await page.locator('[data-oit-missing]').getAttribute('data-oit-missing')).toBe('40');
    await page.getByRole('button', { name: 'ยืนยันส่งข้อมูลให้ผู้ตรวจ' }).click();
    await page.waitForURL(/submitted=1/);
    expect(await page.getByRole('status').textContent()).toContain('ส่งข้อมูลแล้ว');

    // The worker runs the link check queued on submission; the agency sees the dead link flagged.
    expect(await runDueJobs(services, log)).toBeGreaterThanOrEqual(1);
    await page.reload();
    expect(await page.locator('#item-O2 [data-flag="dead"]').textContent()).toBe('ลิงก์เสีย');
    expect(await page.locator('#item-O1 .oit-findings').textContent()).toContain('200');

    // 2. The auditor sees the agency, starts the review, and scores with comments.
    await signInAs(page, 'auditor@oit.test', 'auditor passphrase 2569', `/oit/${YEAR}/review`);
    await page.getByRole('link', { name: 'เทศบาลตำบลทดสอบโอไอที' }).click();
    await page.waitForURL(new RegExp(`${reviewPath}$`));
    await page.getByRole('button', { name: 'เริ่มตรวจ' }).click();
    await page.waitForURL(new RegExp(`${reviewPath}$`));
    await runDueJobs(services, log);
    await page.reload();
    const o1Link = page.locator('#item-O1 a[target="_blank"]').first();
    expect(await o1Link.getAttribute('rel')).toContain('noopener');
    expect(await page.locator('#item-O2 [data-flag="dead"]').count()).toBeGreaterThan(0);
    // Keyboard shortcut (JavaScript on): "n" goes to the next unreviewed item, "1" picks 100.
    await page.locator('body').press('n');
    await page.waitForURL(/#item-O1$/);
    await page.locator('#item-O1').getByLabel('100').focus();
    await page.keyboard.press('0');
    expect(await page.locator('#item-O1').getByLabel('0', { exact: true }).isChecked()).toBe(true);
    await page.locator('#item-O1').getByLabel('100').check();
    await page
      .locator('#item-O1')
      .getByLabel('ความเห็น (ต้องระบุเมื่อให้ 0 คะแนน)')
      .fill('มีแผนผังโครงสร้างครบถ้วน');
    await page.locator('#item-O1').getByRole('button', { name: 'บันทึกคะแนน O1' }).click();
    await page.waitForURL(/scored=O1/);
    // A 0 without a comment is refused, keeping the form.
    await page.locator('#item-O2').getByLabel('0', { exact: true }).check();
    await page.locator('#item-O2').getByRole('button', { name: 'บันทึกคะแนน O2' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain(
      'ให้ 0 คะแนนต้องเขียนความเห็น',
    );
    await page.locator('#item-O2').getByLabel('0', { exact: true }).check();
    await page
      .locator('#item-O2')
      .getByLabel('ความเห็น (ต้องระบุเมื่อให้ 0 คะแนน)')
      .fill('ลิงก์เสีย เปิดไม่ได้');
    await page.locator('#item-O2').getByRole('button', { name: 'บันทึกคะแนน O2' }).click();
    await page.waitForURL(/scored=O2/);
    await page.getByRole('button', { name: 'ตรวจเสร็จ (ผลเบื้องต้น)' }).click();
    await page.waitForURL(/finished=1/);

    // 3. The agency sees the preliminary result and disputes O2 in the clarification window.
    await signInAs(page, 'admin@oit.test', 'agency passphrase 2569', sheetPath);
    expect(await page.locator('#item-O2 .oit-comment').textContent()).toBe('ลิงก์เสีย เปิดไม่ได้');
    await page.getByLabel('คำชี้แจงข้อ O2 (เว้นว่างถ้ายอมรับผล)').fill('ย้ายไฟล์ไปที่ /executives แล้ว');
    await page.getByRole('button', { name: 'ส่งคำชี้แจง' }).click();
    await page.waitForURL(/disputed=1/);
    expect(await page.locator('.tag').first().textContent()).toBe('ขอชี้แจง');

    // 4. The auditor re-reviews the disputed item and confirms.
    await signInAs(page, 'auditor@oit.test', 'auditor passphrase 2569', reviewPath);
    expect(await page.locator('#item-O2').textContent()).toContain('ย้ายไฟล์ไปที่ /executives แล้ว');
    await page.locator('#item-O2').getByLabel('100').check();
    await page
      .locator('#item-O2')
      .getByLabel('ความเห็น (ต้องระบุเมื่อให้ 0 คะแนน)')
      .fill('ตรวจตามคำชี้แจงแล้ว พบข้อมูล');
    await page.locator('#item-O2').getByRole('button', { name: 'บันทึกคะแนน O2' }).click();
    await page.waitForURL(/scored=O2/);
    await page.getByRole('button', { name: 'ยืนยันผล' }).click();
    await page.waitForURL(/confirmed=1/);

    // 5. The agency's confirmed OIT score: O1 and O2 of 9.1's nine items → 22.22 / 5 / 2 = 2.22.
    await signInAs(page, 'admin@oit.test', 'agency passphrase 2569', sheetPath);
    expect(await page.locator('[data-oit-score]').textContent()).toBe('2.22');
    await page.getByRole('link', { name: 'ประวัติการเปลี่ยนแปลง' }).click();
    await page.waitForURL(/\/history$/);
    const steps = await page
      .locator('.oit-events li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(steps).toEqual([
      'draft',
      'submitted',
      'submitted',
      'reviewed',
      'clarification_requested',
      're_reviewed',
      'confirmed',
    ]);
    const o2 = await page
      .locator('section', { has: page.locator('#h-O2') })
      .locator('tbody tr')
      .count();
    expect(o2).toBe(7);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
