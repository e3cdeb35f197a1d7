// A year on the 28-item 2568 structure (an imported framework file) end to end in Chromium:
// the register gives the agency its 2568 group (its page names it, its EIT minimum is the group's),
// respondents answer IIT and EIT on a phone, the agency enters OIT with one item "not applicable,
// with an explanation" (offered only where the file allows it), the auditor reviews and confirms,
// the year is computed, and the NACC reads the agency's report and the rankings — every screen
// reading the year's framework, none a fixed 43. The app runs in this process (issue 15.5).
import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';
import { openBrowser, PHONE, type Browser } from './helpers.ts';

const YEAR = 2568;
const CODE = 'E2E-68A';
const OTHER = 'E2E-68B';
const FILE = readFileSync(
  new URL('../../frameworks/unverified/ita-2568-structure.json', import.meta.url),
  'utf8',
);
const log = pino({ level: 'silent' });
let db: Db;
let services: Services;
let app: ServerType;
let url: string;
let desk: Browser;
let phone: Browser;

const PASS = 'a long passphrase 2568';

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(db);
  await ensureReferenceData(db);
  services = createServices(db);
  const imported = await services.frameworks.import(SYSTEM_CLI, FILE);
  expect(imported.ok).toBe(true);
  await services.years.create(SYSTEM_CLI, YEAR, 'ita-2568-structure');
  // The register with each agency's 2568 group (and size): the framework's EIT minimums follow.
  const csv = `code,name_th,name_en,type,province,district,parent_code,website,staff_count,fiscal_year,agency_group,agency_size
${CODE},เทศบาลตำบลทดสอบสองห้าหกแปด,,subdistrict_municipality,ลำพูน,เมืองลำพูน,,https://a.example.go.th,20,2568,subdistrict_municipality,M
${OTHER},อบต.ทดสอบสองห้าหกแปด,,sao,ลำพูน,ป่าซาง,,https://b.example.go.th,20,2568,sao,S
`;
  await services.agencies.importAgencies(SYSTEM_CLI, 'e2e.csv', csv);
  const day = (d: number) => thaiDay(new Date(Date.now() + d * 86_400_000));
  for (const phase of ['iit', 'eit', 'oit-entry', 'oit-review', 'clarification', 'confirmation'])
    await services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: YEAR,
      phase,
      opensOn: day(-1),
      closesOn: day(1),
    });
  for (const [email, role, scope] of [
    ['nacc@e2e.test', 'nacc_admin', null],
    ['admin@e2e.test', 'agency_admin', CODE],
    ['auditor@e2e.test', 'auditor', CODE],
  ] as const)
    await services.users.create(SYSTEM_CLI, {
      email,
      displayName: email,
      grant: { role, scope },
      password: PASS,
    });
  await services.oitAdmin.assign(SYSTEM_CLI, 'auditor@e2e.test', CODE);

  const hono = createApp({ services, log });
  await new Promise<void>((resolve) => {
    app = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  desk = await openBrowser({ viewport: { width: 1100, height: 900 } });
  phone = await openBrowser({ viewport: PHONE });
});

afterAll(async () => {
  await phone?.close();
  await desk?.close();
  await new Promise((r) => app?.close(r));
  await db?.destroy();
});

async function signInAs(page: Page, email: string, next: string) {
  await desk.context.clearCookies();
  // Results pages of an unpublished year answer 404 when signed out: sign in first.
  await page.goto(`${url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('อีเมล').fill(email);
  await page.getByLabel('รหัสผ่าน').fill(PASS);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => u.pathname === next.split('?')[0]);
}

/** Answers a survey from its link to the thank-you page: yes to eligibility, option 2 everywhere. */
async function answerSurvey(page: Page, link: string): Promise<number> {
  await page.goto(link);
  await page
    .getByRole('button', { name: 'เริ่มตอบแบบวัด' })
    .or(page.getByRole('link', { name: 'เริ่มตอบแบบวัด' }))
    .click();
  let pages = 0;
  // With JavaScript the steps are one document addressed by the fragment (#about), else pages.
  const where = (u: URL) => u.pathname + u.hash.replace('#', '/');
  for (;;) {
    await page.waitForLoadState();
    const path = where(new URL(page.url()));
    if (path.endsWith('/check')) break;
    if (path.endsWith('/eligibility')) await page.getByLabel('ใช่', { exact: true }).check();
    else {
      pages++;
      for (const group of await page.locator('.radios:visible').all())
        await group.locator('input[type="radio"]').nth(1).check();
    }
    await page.getByRole('button', { name: 'บันทึกและไปต่อ' }).click();
    await page.waitForURL((u) => where(u) !== path);
  }
  await page.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await page.waitForURL(/\/thanks$/);
  return pages;
}

const sheetPath = `/oit/${YEAR}/agencies/${CODE}`;
const reviewPath = `/oit/${YEAR}/review/${CODE}`;
const EXPLANATION = 'ปีนี้ไม่มีการจัดซื้อจัดจ้างที่มีวงเงินเกิน 5 แสนบาท จึงไม่มีรายการที่ต้องเผยแพร่';

describe('a 2568-structure year, end to end', () => {
  it('survey, 28-item OIT with one "not applicable", review, confirmation, compute, report, rankings', async () => {
    // 1. Respondents answer IIT and EIT on a phone, from the agency's links.
    const { link } = await services.surveyLinks.linkFor(SYSTEM_CLI, YEAR, CODE);
    const respondent = await phone.context.newPage();
    expect(await answerSurvey(respondent, `${url}/go/iit/${link.code}`)).toBeGreaterThan(1);
    await phone.context.clearCookies();
    expect(await answerSurvey(respondent, `${url}/go/eit/${link.code}`)).toBeGreaterThan(1);
    await respondent.close();

    // 2. The agency's page names its 2568 group; its survey page's EIT minimum is the group's
    // fixed 70 before any population is entered (IIT: not entered, the share rule needs one).
    const page = await desk.context.newPage();
    await signInAs(page, 'admin@e2e.test', `/agencies/${CODE}/survey`);
    const eitRow = page.locator('tr', { has: page.locator('th', { hasText: /^EIT$/ }) });
    expect(await eitRow.locator('td').nth(1).textContent()).toBe('70');
    await page.goto(`${url}/agencies/${CODE}`);
    expect(await page.getByTestId('agency-groups').textContent()).toBe(
      'ปี 2568: เทศบาลตำบล (ขนาด M)',
    );

    // 3. The agency's OIT sheet has the year's 28 items; only O12 offers "not applicable".
    await page.goto(`${url}${sheetPath}`);
    expect(await page.locator('.oit-progress').textContent()).toContain('ทำแล้ว 0 จาก 28');
    expect(await page.locator('article.oit-item').count()).toBe(28);
    expect(await page.locator('#item-O28').count()).toBe(1);
    expect(await page.locator('#item-O29').count()).toBe(0);
    expect(await page.locator('input[value="not_applicable"]').count()).toBe(1);
    expect(await page.locator('#item-O12 input[value="not_applicable"]').count()).toBe(1);
    const o1 = page.locator('#item-O1');
    await o1.getByLabel('มี', { exact: true }).check();
    await o1.getByLabel('ลิงก์ (URL) บนเว็บไซต์หลักของหน่วยงาน').fill('https://a.example.go.th/o1');
    await o1.getByRole('button', { name: 'บันทึก (กลับมาที่ข้อ O1)' }).click();
    await page.waitForURL(/saved=1#item-O1/);
    // "Not applicable" without its explanation is refused, then saved with it.
    const o12 = page.locator('#item-O12');
    await o12.getByLabel('ไม่เกี่ยวข้อง (มีคำชี้แจง)').check();
    await o12.getByRole('button', { name: 'บันทึก (กลับมาที่ข้อ O12)' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain(
      'เขียนคำชี้แจงเมื่อตอบว่าไม่เกี่ยวข้อง',
    );
    await page.locator('#item-O12').getByLabel('ไม่เกี่ยวข้อง (มีคำชี้แจง)').check();
    await page.locator('#item-O12 textarea[name="O12-note"]').fill(EXPLANATION);
    await page.locator('#item-O12').getByRole('button', { name: 'บันทึก (กลับมาที่ข้อ O12)' }).click();
    await page.waitForURL(/saved=1#item-O12/);
    expect(await page.locator('.oit-progress').textContent()).toContain('ทำแล้ว 2 จาก 28');
    await page.getByRole('button', { name: 'บันทึกแล้วไปยังขั้นตอนส่งข้อมูล' }).click();
    await page.waitForURL(/\/submit$/);
    await page.getByRole('button', { name: 'ยืนยันส่งข้อมูลให้ผู้ตรวจ' }).click();
    await page.waitForURL(/submitted=1/);

    // 4. The auditor judges the explanation like any item (100 accepts it), finishes, confirms.
    await signInAs(page, 'auditor@e2e.test', reviewPath);
    expect(await page.locator('#item-O12 [data-explanation]').textContent()).toBe(EXPLANATION);
    for (const item of ['O1', 'O12']) {
      const box = page.locator(`#item-${item}`);
      await box.getByLabel('100').check();
      await box.getByRole('button', { name: `บันทึกคะแนน ${item}` }).click();
      await page.waitForURL(new RegExp(`scored=${item}`));
    }
    await page.getByRole('button', { name: 'ตรวจเสร็จ (ผลเบื้องต้น)' }).click();
    await page.waitForURL(/finished=1/);
    await page.getByRole('button', { name: 'ยืนยันผล' }).click();
    await page.waitForURL(/confirmed=1/);

    // 5. Compute; OIT: 9.1 = 1 of 4 items, 9.3 = 1 of 2 (the accepted "not applicable"), the other
    // four of indicator 9 and all of indicator 10 zero → (25 + 50) / 6 / 2 = 6.25.
    await services.results.computeYear(YEAR);
    await signInAs(page, 'nacc@e2e.test', `/results/${YEAR}/agencies/${CODE}`);
    const report = page.locator('[data-testid="oit"]');
    // One row per item (28), under the year's eight sub-indicators 9.1–10.2.
    expect(await report.locator('tbody tr:not([class])').count()).toBe(28);
    expect(await report.locator('tbody tr.oit-table__group').count()).toBe(8);
    expect(await report.locator('[data-not-applicable]').textContent()).toContain(EXPLANATION);
    const card = await db
      .selectFrom('score_cards')
      .select(['iit', 'eit', 'oit', 'framework_id'])
      .where('fiscal_year', '=', YEAR)
      .where('agency_code', '=', CODE)
      .executeTakeFirstOrThrow();
    expect(card.framework_id).toBe('ita-2568-structure');
    expect(card.oit).toBeCloseTo(6.25, 10);
    expect(card.iit).not.toBeNull();
    expect(card.eit).not.toBeNull();
    expect(await page.locator('main').textContent()).toContain('6.25');

    // 6. The rankings list the agency with its overall score.
    await page.goto(`${url}/results/${YEAR}/rankings`);
    expect(await page.locator('[data-testid="ranking"]').first().textContent()).toContain(
      'เทศบาลตำบลทดสอบสองห้าหกแปด',
    );
    await page.close();
  });
});
