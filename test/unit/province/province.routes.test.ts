// The province workspace over HTTP: another province's officer gets 403, forms keep what was
// typed on 422, Post/Redirect/Get on success, and the planner recomputes without JavaScript.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../../src/domain/actor.ts';
import { createTestApp } from '../../helpers/app.ts';
import { FORM, clientFor, createAccount, type Client } from '../../helpers/sessions.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let lamphun: Client;
let chiangMai: Client;
const at = `/province/${encodeURIComponent('ลำพูน')}/2564`;

beforeAll(async () => {
  t = await createTestApp();
  const csv = readFileSync('src/demo/data/lamphun-agencies.csv', 'utf8');
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  await t.services.years.create(SYSTEM_CLI, 2563, 'ita-2563');
  const report = JSON.parse(
    readFileSync('test/fixtures/seed/lamphun-2563-report.json', 'utf8'),
  ) as {
    questions: { code: string; items: { distribution: number[] }[] }[];
    oit: { code: string; score: number }[];
  };
  const answers: Record<string, number[]> = {};
  for (const q of report.questions)
    q.items.forEach((it, i) => (answers[`${q.code}.${i + 1}`] = it.distribution));
  await t.services.provinceProgress.loadPublishedItemResults(SYSTEM_CLI, 2563, '51-PRV', {
    answers,
    oit: Object.fromEntries(report.oit.map((o) => [o.code, o.score])),
  });
  const a = await createAccount(t.services, 'officer@lamphun.test', [
    { role: 'province_officer', scope: 'ลำพูน' },
  ]);
  const b = await createAccount(t.services, 'officer@cm.test', [
    { role: 'province_officer', scope: 'เชียงใหม่' },
  ]);
  lamphun = await clientFor(t.services, a);
  chiangMai = await clientFor(t.services, b);
});
afterAll(() => t.close());

describe('province workspace over HTTP', () => {
  it("refuses another province's officer on every page and form (403)", async () => {
    for (const page of [
      'committee',
      'coordinators',
      'mous',
      'training',
      'progress',
      'reminders',
      'plan',
      'progress.csv',
    ]) {
      const r = await t.app.request(`${at}/${page}`, { headers: chiangMai.headers() });
      expect(r.status, page).toBe(403);
    }
    const post = await t.app.request(`${at}/committee`, {
      method: 'POST',
      headers: chiangMai.headers(FORM),
      body: chiangMai.form({ number: '1' }),
    });
    expect(post.status).toBe(403);
  });

  it('keeps what was typed on a bad order (422), then saves a good one (303)', async () => {
    const fields = {
      number: '๒๓๐/๒๕๖๔',
      orderedOn: '30/2/2564',
      title: 'แต่งตั้งคณะกรรมการ ITA',
      signer: 'ผู้ว่าราชการจังหวัดลำพูน',
      'members[0][position]': 'รองผู้ว่าราชการจังหวัดลำพูน',
      'members[0][office]': 'ศาลากลางจังหวัดลำพูน',
      'members[0][role]': 'chair',
    };
    const bad = await t.app.request(`${at}/committee`, {
      method: 'POST',
      headers: lamphun.headers(FORM),
      body: lamphun.form(fields),
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('ข้อผิดพลาด:');
    expect(html).toContain('href="#orderedOn"');
    expect(html).toContain('value="รองผู้ว่าราชการจังหวัดลำพูน"');
    const good = await t.app.request(`${at}/committee`, {
      method: 'POST',
      headers: lamphun.headers(FORM),
      body: lamphun.form({ ...fields, orderedOn: '3/2/2564' }),
    });
    expect(good.status).toBe(303);
    const page = await (
      await t.app.request(good.headers.get('location')!, { headers: lamphun.headers() })
    ).text();
    expect(page).toContain('3 กุมภาพันธ์ 2564');
    expect(page).toContain('ประธานคณะกรรมการ');
  });

  it("lets an agency's administrator enter its own coordinators, and see no other agency", async () => {
    const id = await createAccount(t.services, 'admin@51sm01.test', [
      { role: 'agency_admin', scope: '51-SM-01' },
    ]);
    const admin = await clientFor(t.services, id);
    const page = await t.app.request(`${at}/coordinators`, { headers: admin.headers() });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('เทศบาลตำบลก่อ');
    expect(html).not.toContain('องค์การบริหารส่วนจังหวัดลำพูน');
    const post = await t.app.request(`${at}/coordinators`, {
      method: 'POST',
      headers: admin.headers(FORM),
      body: admin.form({
        agencyCode: '51-SM-01',
        name: 'สมศรี ใจดี',
        position: 'ปลัด',
        email: 'somsri@ko.test',
        phone: '053-000000',
      }),
    });
    expect(post.status).toBe(303);
    expect((await t.app.request(`${at}/progress`, { headers: admin.headers() })).status).toBe(403);
  });

  it('recomputes the plan from ticked boxes in the query string', async () => {
    const qs = ['O3', 'O8', 'O9', 'O25', 'O32'].map((o) => `tick=oit%3A${o}`).join('&');
    const html = await (
      await t.app.request(`${at}/plan?agency=51-PRV&${qs}`, { headers: lamphun.headers() })
    ).text();
    expect(html).toMatch(/id="base-score">87\.96/);
    expect(html).toMatch(/id="projected-score">91\.10/);
    expect(html).toContain('ผ่านเกณฑ์แล้ว');
    expect(html).not.toContain('ยังขาดอีก');
  });
});
