// Hostile input at the door (issue 14): NUL and other control characters in every kind of form,
// megabyte fields, unreadable bodies, CR/LF and open-redirect tricks in `next=`. Each case was a
// 500, a hang or a redirect to another site before the input guard and the safe-redirect helper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { parseDispute, parseOitAnswer, parseOitReview } from '../../src/domain/oit/workflow.ts';
import { charCount, checkText, fieldRule, TEXT_LIMITS } from '../../src/domain/text-limits.ts';
import { safeRedirectPath } from '../../src/http/safe-redirect.ts';
import { createTestApp } from '../helpers/app.ts';
import {
  clientFor,
  createStandardAccounts,
  FORM,
  TEST_PASSWORD,
  type Client,
} from '../helpers/sessions.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let anon: Client;
let nacc: Client;
let officer: Client;
let agencyAdmin: Client;
let auditor: Client;
const Y = 2563;
const P = `/province/${encodeURIComponent('ลำพูน')}/${Y}`;

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
  anon = await clientFor(t.services, null);
  nacc = await clientFor(t.services, ids.nacc_admin);
  officer = await clientFor(t.services, ids.province_officer);
  agencyAdmin = await clientFor(t.services, ids.agency_admin);
  auditor = await clientFor(t.services, ids.auditor);
});
afterAll(async () => t?.close());

const post = (c: Client, path: string, fields: Record<string, string>) =>
  t.app.request(path, { method: 'POST', headers: c.headers(FORM), body: c.form(fields) });

async function expectRefusedField(r: Response, status: number, labelTh: string, labelEn: string) {
  const html = await r.text();
  expect(r.status).toBe(status);
  expect(html).toContain(labelTh);
  expect(html).toContain(labelEn);
  expect(html).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
}

describe('control characters are refused with a 422 naming the field', () => {
  const cases: [string, () => Client, string, Record<string, string>, string, string][] = [
    [
      'sign-in e-mail',
      () => anon,
      '/sign-in',
      { email: 'a\0@test.example', password: 'x' },
      'อีเมล',
      'E-mail',
    ],
    [
      'sign-in password',
      () => anon,
      '/sign-in',
      { email: 'a@test.example', password: 'pass\0word' },
      'รหัสผ่าน',
      'Password',
    ],
    [
      'forgot-password e-mail',
      () => anon,
      '/forgot-password',
      { email: 'x\0@test.example' },
      'อีเมล',
      'E-mail',
    ],
    [
      'province coordinator name',
      () => officer,
      `${P}/coordinators`,
      {
        agencyCode: '51-PRV',
        name: 'ทดสอบ\0',
        position: 'นักวิเคราะห์',
        email: 'c@test.example',
        phone: '053-511192',
      },
      'ชื่อ',
      'Name',
    ],
    [
      'province training title',
      () => officer,
      `${P}/training`,
      { title: 'อบรม\u0007', heldOn: '8/3/2564', place: 'ศาลากลาง', audience: 'ส่วนราชการ' },
      'เรื่อง',
      'Title',
    ],
    [
      'publication announcement',
      () => nacc,
      `/admin/publication/${Y}/publish`,
      { announcement_th: 'ประกาศ\0ผล', announcement_en: 'Results' },
      'ประกาศ (ภาษาไทย)',
      'Announcement (Thai)',
    ],
    [
      'OIT bulk assign auditor',
      () => nacc,
      `/oit/${Y}/assign/bulk`,
      { auditor: 'nobody\0@test.example', type: 'sao', province: 'ลำพูน' },
      'ผู้ตรวจประเมิน',
      'Auditor',
    ],
    [
      'OIT note',
      () => agencyAdmin,
      `/oit/${Y}/agencies/51-PRV/items/O1`,
      { answer: 'has_not', note: 'ok\0' },
      'หมายเหตุ',
      'Note',
    ],
    [
      'OIT dispute',
      () => agencyAdmin,
      `/oit/${Y}/agencies/51-PRV/disputes`,
      { 'dispute-O1': 'why\u001b[31m' },
      'คำชี้แจง O1',
      'Explanation O1',
    ],
    [
      'auditor comment',
      () => auditor,
      `/oit/${Y}/review/51-PAO/items/O1`,
      { score: '0', comment: 'bad\0' },
      'ความเห็น',
      'Comment',
    ],
  ];
  it.each(cases)('%s', async (_name, who, path, fields, th, en) => {
    await expectRefusedField(await post(who(), path, fields), 422, th, en);
  });

  it('keeps tab, CR and LF in a multi-line field but refuses them in a one-line field', () => {
    expect(checkText('line one\r\n\tline two', fieldRule('note'))).toBeNull();
    expect(checkText('a\tb', fieldRule('email'))).toBe('control');
    expect(checkText('a\nb', fieldRule('name'))).toBe('control');
    expect(checkText('a\u0085b', fieldRule('note'))).toBe('control'); // a C1 control
  });

  it('refuses NUL in a query parameter and in the path instead of passing it to PostgreSQL', async () => {
    const q = await t.app.request('/agencies?province=%00');
    expect(q.status).toBe(422);
    expect(await q.text()).toContain('province');
    expect((await t.app.request('/agencies/%00')).status).toBe(400);
  });

  it('answers a JSON API request with a JSON refusal', async () => {
    const r = await t.app.request(`/api/v1/years/${Y}/results?province=%00`);
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { code: string; field: string } };
    expect(body.error).toMatchObject({ code: 'control', field: 'province' });
  });
});

describe('every text field is bounded before work is done', () => {
  it('refuses a 1 MB OIT note with 422 (once quadratic: 65,000 characters ended the process)', async () => {
    const r = await post(agencyAdmin, `/oit/${Y}/agencies/51-PAO/items/O1`, {
      answer: 'has_not',
      note: 'x'.repeat(1_000_000),
    });
    await expectRefusedField(r, 422, 'หมายเหตุ', 'Note');
    // Thai takes 9 bytes a character once form-encoded: 300,000 of them still fit the body limit.
    const thai = await post(agencyAdmin, `/oit/${Y}/agencies/51-PAO/items/O1`, {
      answer: 'has_not',
      note: 'ก'.repeat(300_000),
    });
    await expectRefusedField(thai, 422, 'หมายเหตุ', 'Note');
    expect(await (await t.app.request('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('refuses megabyte comments and disputes in the domain rules too, without segmenting them', () => {
    const mb = 'ท่'.repeat(500_000);
    expect(parseOitAnswer({ answer: 'has_not', note: mb })).toMatchObject({ ok: false });
    expect(parseOitReview({ score: '0', comment: mb })).toMatchObject({ ok: false });
    expect(parseDispute(mb)).toMatchObject({ ok: false });
    expect(parseOitAnswer({ answer: 'has', urls: 'https://a.example '.repeat(60_000) })).toEqual({
      ok: false,
      problems: [{ code: 'oit_too_many_urls', field: 'urls', params: {} }],
    });
  });

  it('counts Thai as a reader does: tone and vowel marks sit on their consonant', () => {
    expect(charCount('ที่นี่')).toBe(2);
    expect(charCount('😀a')).toBe(2);
    const full = 'ที่'.repeat(TEXT_LIMITS.text); // 3 code units each, one character each
    expect(parseOitAnswer({ answer: 'has_not', note: full })).toMatchObject({ ok: true });
    expect(parseOitAnswer({ answer: 'has_not', note: `${full}ก` })).toMatchObject({ ok: false });
  });

  it('answers 413 to a form body over the limit', async () => {
    const r = await post(anon, '/sign-in', { email: 'x'.repeat(5 * 1024 * 1024), password: 'x' });
    expect(r.status).toBe(413);
    expect(await r.text()).toContain('MB');
  });
});

describe('unreadable bodies are a 400, never a 500', () => {
  const broken = (c: Client, path: string) =>
    t.app.request(path, {
      method: 'POST',
      headers: c.headers({ 'content-type': 'multipart/form-data; boundary=XYZ' }),
      body: '--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc\r\n--nope',
    });
  it.each([
    ['anonymous sign-in', () => anon, '/sign-in'],
    ['signed-in password change', () => nacc, '/account/password'],
    ['OIT item', () => agencyAdmin, `/oit/${Y}/agencies/51-PRV/items/O1`],
  ])('malformed multipart on %s', async (_n, who, path) => {
    const r = await broken(who(), path);
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain('ข้อมูลที่ส่งมาอ่านไม่ได้');
    expect(html).toContain('could not be read');
  });

  it('multipart without a boundary', async () => {
    const r = await t.app.request('/sign-in', {
      method: 'POST',
      headers: anon.headers({ 'content-type': 'multipart/form-data' }),
      body: 'email=a',
    });
    expect(r.status).toBe(400);
  });
});

describe('next= and the one safe-redirect helper', () => {
  const hostile = [
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    '/%2F%2Fevil.example',
    '/%2F/evil.example',
    '/%252F%252Fevil.example',
    '/%25255Cevil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/%0d%0aSet-Cookie:x=1',
    '/\r\nSet-Cookie: x=1',
    '/ok\0',
    '/%E0%A4%A',
    'evil.example',
    '',
  ];
  it.each(hostile)('refuses %j', (raw) => {
    expect(safeRedirectPath(raw, '/fallback')).toBe('/fallback');
  });

  it('keeps the site paths the app writes itself', () => {
    for (const ok of ['/', '/agencies?q=x', `/oit/${Y}/agencies/51-PRV?saved=O1#item-O1`])
      expect(safeRedirectPath(ok)).toBe(ok);
    const thai = `/province/${encodeURIComponent('ลำพูน')}/2563/progress`;
    expect(safeRedirectPath(thai)).toBe(thai);
  });

  it.each(hostile.filter(Boolean))('/lang/en and /sign-in stay on the site for %j', async (raw) => {
    const lang = await t.app.request(`/lang/en?next=${encodeURIComponent(raw)}`);
    expect(lang.status).toBe(303);
    expect(lang.headers.get('location')).toBe('/');
    const signedIn = await t.app.request(`/sign-in?next=${encodeURIComponent(raw)}`, {
      headers: nacc.headers(),
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/home');
  });

  it('CR/LF in next= is not a 500 (it used to break the Location header)', async () => {
    // Sent raw, as a hostile client would (the query is decoded by the server).
    const r = await t.app.request('/lang/en?next=/%0d%0aSet-Cookie:%20x=1');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/');
    expect(r.headers.get('set-cookie')).not.toContain('x=1');
  });

  it('sign-in with a hostile next= lands on the home page, a good one where it said', async () => {
    const email = 'nacc-admin@test.example';
    const bad = await post(anon, '/sign-in', {
      email,
      password: TEST_PASSWORD,
      next: '/%5Cevil.example',
    });
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe('/home');
    const good = await post(anon, '/sign-in', {
      email,
      password: TEST_PASSWORD,
      next: '/agencies',
    });
    expect(good.headers.get('location')).toBe('/agencies');
  });
});
