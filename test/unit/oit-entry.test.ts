// The one-form OIT entry (issue 16.2) and the reasons shown when a form is hidden (16.3), through
// app.request(): save all keeps every typed value and saves the valid items even when others are
// wrong; errors name their item and link to its field; autosave answers JSON; submitting needs
// the confirmation step; closed windows, submitted sheets and read-only visitors are told why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { createTestApp } from '../helpers/app.ts';
import { clientFor, createStandardAccounts, FORM, type Client } from '../helpers/sessions.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let admin: Client;
let auditor: Client;
let officer: Client;
const Y = 2563;
const sheet = `/oit/${Y}/agencies/51-PRV`;
const day = (d: number) => thaiDay(new Date(Date.now() + d * 86_400_000));

beforeAll(async () => {
  t = await createTestApp();
  const csv = `code,name_th,name_en,type,province,district,parent_code,website,staff_count
51-PRV,จังหวัดลำพูน,,province,ลำพูน,,,https://51prv.demo.example,10
51-PAO,องค์การบริหารส่วนจังหวัดลำพูน,,pao,ลำพูน,,,https://51pao.demo.example,10
51-SAO-01,อบต.ทดสอบ,,sao,ลำพูน,ป่าซาง,,https://sao.demo.example,10
`;
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'a.csv', csv);
  await t.services.years.create(SYSTEM_CLI, Y, 'ita-2563');
  await t.services.calendar.setPhase(SYSTEM_CLI, {
    fiscalYear: Y,
    phase: 'oit-entry',
    opensOn: day(-1),
    closesOn: day(1),
  });
  // The review opens in ten days: the auditor is told when.
  await t.services.calendar.setPhase(SYSTEM_CLI, {
    fiscalYear: Y,
    phase: 'oit-review',
    opensOn: day(10),
    closesOn: day(20),
  });
  const ids = await createStandardAccounts(t.services);
  await t.services.users.grantRole(SYSTEM_CLI, ids.agency_admin, {
    role: 'agency_admin',
    scope: '51-PAO',
  });
  admin = await clientFor(t.services, ids.agency_admin);
  auditor = await clientFor(t.services, ids.auditor);
  officer = await clientFor(t.services, ids.province_officer);
  await t.services.users.grantRole(SYSTEM_CLI, ids.auditor, { role: 'auditor', scope: '51-PRV' });
  auditor = await clientFor(t.services, ids.auditor);
});
afterAll(async () => t?.close());

const post = (c: Client, path: string, fields: Record<string, string>, extra = {}) =>
  t.app.request(path, {
    method: 'POST',
    headers: c.headers({ ...FORM, ...extra }),
    body: c.form(fields),
  });

describe('OIT entry in one form', () => {
  it('shows one form with every item, a save-all bar and the external script', async () => {
    const html = await (await t.app.request(sheet, { headers: admin.headers() })).text();
    expect(html.match(/<form[^>]*id="oit-entry"/g)).toHaveLength(1);
    expect(html).toContain('name="O1-answer"');
    expect(html).toContain('name="O43-note"');
    expect(html).toContain('บันทึกทั้งหมด');
    expect(html).toMatch(/<script src="\/static\/oit-entry\.js\?v=[0-9a-f]+" nonce="[^"]+" defer/);
    expect(html).not.toContain('onclick');
  });

  it('saves the valid items, keeps every typed value and names the item of each error', async () => {
    const r = await post(admin, `${sheet}/items`, {
      'O1-answer': 'has',
      'O1-urls': 'https://51prv.demo.example/o1',
      'O1-note': 'หน้าแรก',
      'O2-answer': 'has',
      'O2-urls': 'ไม่ใช่ลิงก์',
      'O3-answer': 'has_not',
      'O4-note': 'ร่างไว้ก่อน',
      return: 'O2',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('<title>ข้อผิดพลาด:');
    // Each message names its item and links to the field.
    expect(html).toMatch(/<a href="#O2-urls">O2: /);
    expect(html).toMatch(/<a href="#O4-answer">O4: /);
    // Every typed value is still there, saved or not.
    expect(html).toContain('ไม่ใช่ลิงก์</textarea>');
    expect(html).toContain('ร่างไว้ก่อน</textarea>');
    expect(html).toContain('https://51prv.demo.example/o1</textarea>');
    expect(html).toContain('บันทึกข้อที่ถูกต้องแล้ว 2 ข้อ');
    const saved = await t.services.oit.sheet(SYSTEM_CLI, Y, '51-PRV');
    expect(Object.keys(saved.entries).sort()).toEqual(['O1', 'O3']);
  });

  it('redirects back to the item whose button was pressed, and counts what changed', async () => {
    const r = await post(admin, `${sheet}/items`, {
      'O1-answer': 'has',
      'O1-urls': 'https://51prv.demo.example/o1',
      'O1-note': 'หน้าแรก',
      'O5-answer': 'has_not',
      return: 'O5',
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`${sheet}?saved=1#item-O5`);
    const page = await (
      await t.app.request(`${sheet}?saved=1`, { headers: admin.headers() })
    ).text();
    expect(page).toContain('บันทึกแล้ว 1 ข้อ');
    expect(page).toContain('ทำแล้ว 3 จาก 43');
  });

  it('autosaves in JSON, with problems by field', async () => {
    const r = await post(
      admin,
      `${sheet}/items`,
      { 'O6-answer': 'has_not', 'O7-answer': 'has' },
      { 'X-Autosave': '1' },
    );
    expect(r.status).toBe(200);
    const j = (await r.json()) as { saved: string[]; errors: { field: string; message: string }[] };
    expect(j.saved).toEqual(['O6']);
    expect(j.errors.map((e) => e.field)).toEqual(['O7-urls']);
    expect(j.errors[0]!.message).toMatch(/^O7: /);
  });

  it('asks for confirmation before submitting', async () => {
    const go = await post(admin, `${sheet}/items`, { then: 'submit' });
    expect(go.headers.get('location')).toBe(`${sheet}/submit`);
    const bare = await post(admin, `${sheet}/submit`, {});
    expect(bare.status).toBe(303);
    expect(bare.headers.get('location')).toBe(`${sheet}/submit`);
    const confirm = await (
      await t.app.request(`${sheet}/submit`, { headers: admin.headers() })
    ).text();
    expect(confirm).toContain('ยืนยันการส่งข้อมูล OIT');
    expect(confirm).toContain('ยังไม่ได้ตอบ 39 ข้อ');
    expect(confirm).toContain('name="confirm" value="yes"');
    expect((await t.services.oit.sheet(SYSTEM_CLI, Y, '51-PRV')).status).toBe('draft');
  });

  it('tells a read-only visitor why there is no form', async () => {
    const html = await (await t.app.request(sheet, { headers: officer.headers() })).text();
    expect(html).not.toContain('id="oit-entry"');
    expect(html).toContain('data-unavailable');
    expect(html).toContain('เฉพาะผู้ดูแลของหน่วยงานนี้เท่านั้นที่กรอกหรือแก้ไขได้');
  });
});

describe('saying why an action is unavailable', () => {
  it('tells the auditor the agency has not submitted, without shortcuts or "next item"', async () => {
    const html = await (
      await t.app.request(`/oit/${Y}/review/51-PRV`, { headers: auditor.headers() })
    ).text();
    expect(html).toContain('หน่วยงานยังไม่ได้ส่งข้อมูล OIT จึงยังตรวจไม่ได้');
    expect(html).not.toMatch(/<a[^>]*data-next-unreviewed/);
    expect(html).not.toContain('<script');
  });

  it('after submission: the agency is told it is locked and when the review opens; the auditor when it opens', async () => {
    const r = await post(admin, `${sheet}/submit`, { confirm: 'yes' });
    expect(r.status).toBe(303);
    const agency = await (await t.app.request(sheet, { headers: admin.headers() })).text();
    expect(agency).not.toContain('id="oit-entry"');
    expect(agency).toContain('หน่วยงานส่งข้อมูล OIT ให้ผู้ตรวจแล้ว');
    const review = await (
      await t.app.request(`/oit/${Y}/review/51-PRV`, { headers: auditor.headers() })
    ).text();
    expect(review).toContain('ช่วงผู้ตรวจประเมิน OIT ยังไม่เปิด เปิดให้ทำได้ตั้งแต่');
    // The date in the Buddhist Era.
    expect(review).toContain(String(Number(day(10).slice(0, 4)) + 543));
    expect(review).not.toContain('เริ่มตรวจ</button>');
  });

  it('tells the agency when the entry window closed, in English too', async () => {
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: Y,
      phase: 'oit-entry',
      opensOn: day(-10),
      closesOn: day(-2),
    });
    const html = await (
      await t.app.request(`/oit/${Y}/agencies/51-PAO?lang=en`, { headers: admin.headers() })
    ).text();
    expect(html).not.toContain('id="oit-entry"');
    expect(html).toContain('Why this is not available');
    expect(html).toContain('Agencies enter OIT data: closed on');
    const th = await (
      await t.app.request(`/oit/${Y}/agencies/51-PAO`, { headers: admin.headers() })
    ).text();
    expect(th).toContain('ช่วงหน่วยงานกรอกข้อมูล OIT ปิดไปแล้วเมื่อ');
  });
});
