// OIT pages through app.request(): sign-in and role refusals, the progress bar, a refused form
// keeping what was typed, links opening in a new tab, the shortcuts from a static file, CSRF and exports.
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
const sheet = `/oit/${Y}/agencies/51-PAO`;

beforeAll(async () => {
  t = await createTestApp();
  const csv = `code,name_th,name_en,type,province,district,parent_code,website,staff_count
51-PRV,จังหวัดลำพูน,,province,ลำพูน,,,https://51prv.demo.example,10
51-PAO,องค์การบริหารส่วนจังหวัดลำพูน,,pao,ลำพูน,,,https://51pao.demo.example,10
51-SAO-01,อบต.ทดสอบ,,sao,ลำพูน,ป่าซาง,,https://sao.demo.example,10
`;
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'a.csv', csv);
  await t.services.years.create(SYSTEM_CLI, Y, 'ita-2563');
  const today = thaiDay(new Date());
  for (const phase of ['oit-entry', 'oit-review'])
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: Y,
      phase,
      opensOn: today,
      closesOn: today,
    });
  const ids = await createStandardAccounts(t.services);
  await t.services.users.grantRole(SYSTEM_CLI, ids.agency_admin, {
    role: 'agency_admin',
    scope: '51-PAO',
  });
  admin = await clientFor(t.services, ids.agency_admin);
  auditor = await clientFor(t.services, ids.auditor);
  officer = await clientFor(t.services, ids.province_officer);
});
afterAll(async () => t?.close());

describe('OIT pages', () => {
  it('sends visitors to sign in and refuses other agencies with 403', async () => {
    const anon = await t.app.request(sheet);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(sheet)}`);
    const other = await t.app.request(`/oit/${Y}/agencies/51-SAO-01`, { headers: admin.headers() });
    expect(other.status).toBe(403);
  });

  it('lists the OIT work of the signed-in person for the newest year', async () => {
    const r = await t.app.request('/oit', { headers: admin.headers() });
    const html = await r.text();
    expect(html).toContain(`href="/oit/${Y}/agencies/51-PAO"`);
    expect(html).not.toContain(`/oit/${Y}/assign`);
  });

  it('shows the items grouped with criteria and the progress bar', async () => {
    const r = await t.app.request(sheet, { headers: admin.headers() });
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('ทำแล้ว 0 จาก 43');
    expect(html).toContain('9.1 ข้อมูลพื้นฐาน');
    // Said once: the heading named like its sub-indicator is not repeated under it.
    expect(html).not.toContain('<h3>ข้อมูลพื้นฐาน</h3>');
    expect(html).toContain('แสดงแผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน');
  });

  it('refuses a bad link with 422, an error summary and the typed text kept', async () => {
    const r = await t.app.request(`${sheet}/items/O1`, {
      method: 'POST',
      headers: admin.headers(FORM),
      body: admin.form({ answer: 'has', urls: 'javascript:alert(1)', note: 'หน้าแรก' }),
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('<title>ข้อผิดพลาด:');
    expect(html).toContain('href="#O1-urls"');
    expect(html).toContain('javascript:alert(1)</textarea>');
    expect(html).toContain('หน้าแรก</textarea>');
  });

  it('refuses a form without the CSRF token', async () => {
    const r = await t.app.request(`${sheet}/items/O1`, {
      method: 'POST',
      headers: admin.headers(FORM),
      body: new URLSearchParams({ answer: 'has_not' }).toString(),
    });
    expect(r.status).toBe(403);
  });

  it('saves with Post/Redirect/Get, submits, and the auditor review shows safe links and shortcuts', async () => {
    const save = await t.app.request(`${sheet}/items/O1`, {
      method: 'POST',
      headers: admin.headers(FORM),
      body: admin.form({ answer: 'has', urls: 'https://51pao.demo.example/ita/o1' }),
    });
    expect(save.status).toBe(303);
    expect(save.headers.get('location')).toContain('saved=O1#item-O1');
    const submit = await t.app.request(`${sheet}/submit`, {
      method: 'POST',
      headers: admin.headers(FORM),
      body: admin.form({ confirm: 'yes' }),
    });
    expect(submit.status).toBe(303);
    const late = await t.app.request(`${sheet}/items/O2`, {
      method: 'POST',
      headers: admin.headers(FORM),
      body: admin.form({ answer: 'has_not' }),
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('ส่งข้อมูลไปแล้ว แก้ไขไม่ได้');

    const list = await t.app.request(`/oit/${Y}/review`, { headers: auditor.headers() });
    expect(await list.text()).toContain('องค์การบริหารส่วนจังหวัดลำพูน');
    const r = await t.app.request(`/oit/${Y}/review/51-PAO`, { headers: auditor.headers() });
    const html = await r.text();
    expect(html).toMatch(
      /<a href="https:\/\/51pao\.demo\.example\/ita\/o1" target="_blank" rel="noopener noreferrer">/,
    );
    expect(html).toContain('data-next-unreviewed');
    const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(
      r.headers.get('content-security-policy') ?? '',
    )?.[1];
    expect(nonce).toBeTruthy();
    // The shortcuts come from a file under script-src 'self', never an inline script.
    expect(html).toMatch(/<script src="\/static\/oit-review\.js\?v=[0-9a-f]+" nonce="[^"]+" defer/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const zero = await t.app.request(`/oit/${Y}/review/51-PAO/items/O1`, {
      method: 'POST',
      headers: auditor.headers(FORM),
      body: auditor.form({ score: '0', comment: '' }),
    });
    expect(zero.status).toBe(422);
    expect(await zero.text()).toContain('ให้ 0 คะแนนต้องเขียนความเห็นบอกเหตุผล');
  });

  it('exports the province status as CSV with a BOM and as XLSX; others are refused', async () => {
    const q = `/oit/${Y}/status?province=${encodeURIComponent('ลำพูน')}`;
    const csv = await t.app.request(q, { headers: officer.headers() });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('51-PAO,องค์การบริหารส่วนจังหวัดลำพูน,pao,ลำพูน,,ส่งแล้ว รอตรวจ,1,0,0,43');
    const xlsx = await t.app.request(`${q}&format=xlsx`, { headers: officer.headers() });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const refused = await t.app.request(q, { headers: auditor.headers() });
    expect(refused.status).toBe(403);
  });

  it('puts an assignment refusal beside the field it is about, keeping what was typed', async () => {
    const nacc = await clientFor(
      t.services,
      (await t.services.users.list(SYSTEM_CLI)).find((u) => u.email === 'nacc-admin@test.example')!
        .id,
    );
    const post = (path: string, fields: Record<string, string>) =>
      t.app.request(`/oit/${Y}${path}`, {
        method: 'POST',
        headers: nacc.headers(FORM),
        body: nacc.form(fields),
      });
    // The text of a field's error message (after its visually hidden "Error:" prefix).
    const errorOf = (html: string, id: string) =>
      new RegExp(`id="${id}-error"><span[^>]*>[^<]*</span>([^<]*)</span>`).exec(html)?.[1] ?? '';
    // No such auditor: the message stands by the auditor's address, answered with the
    // refusal's own status (404), not a fixed 422.
    const noAuditor = await post('/assign', { auditor: 'nobody@test.example', agency: '51-PAO' });
    expect(noAuditor.status).toBe(404);
    let html = await noAuditor.text();
    expect(errorOf(html, 'auditor')).toContain('ไม่พบบัญชี');
    expect(html).toContain('value="nobody@test.example"');
    // No such agency: by the agency's code.
    const noAgency = await post('/assign', { auditor: 'auditor@test.example', agency: 'XX-NONE' });
    expect(noAgency.status).toBe(404);
    html = await noAgency.text();
    expect(errorOf(html, 'agency')).toContain('ไม่พบหน่วยงานนี้');
    expect(errorOf(html, 'auditor')).toBe('');
    // In bulk: no such auditor is 404 too; a filter that matches nothing is the input's 422.
    const bulkNobody = await post('/assign/bulk', { auditor: 'nobody@test.example', type: 'pao' });
    expect(bulkNobody.status).toBe(404);
    html = await bulkNobody.text();
    expect(errorOf(html, 'bulk-auditor')).toContain('ไม่พบบัญชี');
    expect(html).toContain('value="nobody@test.example"');
    const noMatch = await post('/assign/bulk', { auditor: 'auditor@test.example', type: 'none' });
    expect(noMatch.status).toBe(422);
    expect(errorOf(await noMatch.text(), 'bulk-auditor')).not.toBe('');
  });
});
