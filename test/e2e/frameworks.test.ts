// The NACC's framework and year pages in Chromium (they carry no script, so they work without): axe
// finds no violation on any of them; a survey page previewed at phone width does not scroll
// sideways and has no button; a file with problems is uploaded through the real form and every
// problem is listed with the file name kept; a year is moved to a compatible version.
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';
import { openBrowser, PHONE, runAxe, type Browser } from './helpers.ts';

const EMAIL = 'nacc@frameworks.test';
const PASSWORD = 'nacc passphrase 2569';
const shipped = readFileSync(new URL('../../frameworks/ita-2563.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'itas-fw-e2e-'));

let db: Db;
let services: Services;
let app: ServerType;
let url: string;
let browser: Browser;

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(db);
  await ensureReferenceData(db);
  services = createServices(db);
  await services.years.create(SYSTEM_CLI, 2563, 'ita-2563');
  const r2 = JSON.parse(shipped) as { id: string; version: number; passMark: number };
  r2.id = 'ita-2563-r2';
  r2.version = 2;
  r2.passMark = 80;
  await services.frameworks.import(SYSTEM_CLI, JSON.stringify(r2));
  await services.users.create(SYSTEM_CLI, {
    email: EMAIL,
    displayName: 'สำนักงาน ป.ป.ช.',
    grant: { role: 'nacc_admin', scope: null },
    password: PASSWORD,
  });
  const hono = createApp({ services, log: pino({ level: 'silent' }) });
  await new Promise<void>((resolve) => {
    app = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  // The pages carry no script; JavaScript is on only so that axe can run.
  browser = await openBrowser({ viewport: { width: 1280, height: 900 } });
  const page = await browser.context.newPage();
  await page.goto(`${url}/sign-in?next=%2Fadmin%2Fframeworks`);
  await page.getByLabel('อีเมล').fill(EMAIL);
  await page.getByLabel('รหัสผ่าน').fill(PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => u.pathname === '/admin/frameworks');
  await page.close();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => app?.close(r));
  await db?.destroy();
});

describe('framework pages in Chromium', () => {
  for (const path of [
    '/admin/frameworks',
    '/admin/frameworks/ita-2563',
    '/admin/frameworks/ita-2563/preview',
    '/admin/frameworks/ita-2563/diff?with=ita-2566',
    '/admin/frameworks/ita-2563/preview/oit',
    '/admin/frameworks/ita-2563/preview/iit/eligibility',
    '/admin/frameworks/ita-2563/preview/eit/about',
    '/admin/frameworks/ita-2563/preview/eit/page-1',
    '/admin/years',
    '/admin/years/2563/framework?framework=ita-2563-r2',
  ])
    it(`axe finds no violations on ${path}`, async () => {
      const page = await browser.context.newPage();
      const res = await page.goto(`${url}${path}`);
      expect(res?.status()).toBe(200);
      expect(await runAxe(page)).toEqual([]);
      await page.close();
    }, 60_000);

  it('a survey page previewed at phone width: labelled, no button, no sideways scroll', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${url}/admin/frameworks/ita-2563/preview/iit/page-1`);
    expect(await page.locator('.preview-banner').textContent()).toContain('ตัวอย่าง');
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('main button').count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  }, 60_000);

  it('a file with problems: every problem listed, the file name kept, 422; axe-clean', async () => {
    const file = join(dir, 'ita-2569-draft.json');
    writeFileSync(file, shipped.replace('"toolWeights": {', '"toolWeights": {\n    "XIT": 1,'));
    const page = await browser.context.newPage();
    await page.goto(`${url}/admin/frameworks`);
    await page.getByLabel('ไฟล์กรอบการประเมิน (.json)').setInputFiles(file);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/admin/frameworks/check')),
      page.getByRole('button', { name: 'ตรวจไฟล์' }).click(),
    ]);
    expect(res.status()).toBe(422);
    expect(await page.locator('table.framework-problems').textContent()).toContain('toolWeights');
    expect(await page.locator('[data-chosen]').textContent()).toContain('ita-2569-draft.json');
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('moves a year to a compatible version after its confirmation page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${url}/admin/years`);
    await page.getByLabel('เปลี่ยนกรอบการประเมินของปี 2563').selectOption('ita-2563-r2');
    await page.getByRole('button', { name: 'ตรวจและดูสิ่งที่จะเปลี่ยน' }).click();
    await page.getByRole('button', { name: 'ยืนยันการเปลี่ยนกรอบและคำนวณใหม่' }).click();
    await page.waitForURL(/moved=2563/);
    expect(await page.locator('[role=status]').textContent()).toContain('ita-2563-r2');
    expect((await services.years.require(2563)).frameworkId).toBe('ita-2563-r2');
    await page.close();
  }, 60_000);
});
