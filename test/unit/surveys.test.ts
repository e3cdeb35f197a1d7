// The respondent's path over app.request() (no JavaScript): links, eligibility, drafts, errors,
// check-your-answers, submit, closed windows; and the calendar rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import {
  extensionProblem,
  phaseOpen,
  phaseState,
  parseTypedDay,
  thaiDay,
  type Calendar,
} from '../../src/domain/calendar.ts';
import { sql } from 'kysely';
import { problemText } from '../../src/i18n/problem-text.ts';
import { createServices } from '../../src/services/container.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  YEAR,
  browserFor,
  demographicsFor,
  fullAnswers,
  iitPageAnswers,
  linkCode,
  openSurveyApp,
  setSurveyWindow,
} from '../helpers/survey-fixture.ts';

let t: TestApp;
let code: string;
beforeAll(async () => ({ t, code } = await openSurveyApp()));
afterAll(async () => t?.close());

/** Every table's content, hashed: what the server has stored, to compare before and after. */
async function everything(): Promise<Record<string, string>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(t.db);
  const out: Record<string, string> = {};
  for (const { table_name } of rows) {
    const r = await sql<{ h: string | null }>`
      select md5(string_agg(x::text, ',' order by x::text)) as h
      from ${sql.table(table_name)} x`.execute(t.db);
    out[table_name] = r.rows[0]?.h ?? '';
  }
  return out;
}

/** Eligibility, about you and every page, valid, leaving the browser at the check page. */
async function walkToCheck(b: ReturnType<typeof browserFor>, agency: string) {
  const c = await linkCode(t.services, agency);
  await b.post(`/go/iit/${c}/eligibility`, { eligible: 'yes' });
  await b.post(`/go/iit/${c}/about`, demographicsFor('IIT'));
  const answers = fullAnswers('IIT');
  const ctx = (await t.services.surveys.resolve(c, 'iit'))!;
  for (let p = 1; p <= ctx.pages.length; p++) {
    const keys = ctx.pages[p - 1]!.questions.flatMap((q) => q.items.map((i) => `${q.code}.${i.n}`));
    const res = await b.post(
      `/go/iit/${c}/page-${p}`,
      Object.fromEntries(keys.map((k) => [k, answers[k]!])),
    );
    expect(res.status).toBe(303);
  }
}

async function responsesStored(): Promise<number> {
  const r = await t.db
    .selectFrom('responses')
    .select((s) => s.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('calendar rules', () => {
  const cal: Calendar = [
    { phase: 'iit', agencyCode: null, opensOn: '2026-04-01', closesOn: '2026-05-31', reason: null },
    {
      phase: 'iit',
      agencyCode: 'X',
      opensOn: '2026-04-01',
      closesOn: '2026-06-15',
      reason: 'flood',
    },
  ];
  it('is open on the first and last day inclusive and closed outside', () => {
    expect(phaseOpen(cal, 'iit', 'A', '2026-04-01')).toBe(true);
    expect(phaseOpen(cal, 'iit', 'A', '2026-05-31')).toBe(true);
    expect(phaseOpen(cal, 'iit', 'A', '2026-03-31')).toBe(false);
    expect(phaseOpen(cal, 'iit', 'A', '2026-06-01')).toBe(false);
    expect(phaseOpen(cal, 'eit', 'A', '2026-04-10')).toBe(false);
  });
  it('gives an agency its extension', () => {
    expect(phaseOpen(cal, 'iit', 'X', '2026-06-10')).toBe(true);
    expect(phaseState(cal, 'iit', 'X', '2026-06-10')).toMatchObject({
      state: 'open',
      extended: true,
    });
  });
  it('never lets an extension shorten the window everyone has, even after the general one moves', () => {
    const shorter: Calendar = [
      cal[0]!,
      { ...cal[1]!, opensOn: '2026-04-10', closesOn: '2026-04-20' },
    ];
    expect(phaseOpen(shorter, 'iit', 'X', '2026-05-30')).toBe(true);
    expect(phaseOpen(shorter, 'iit', 'X', '2026-04-02')).toBe(true);
    expect(
      extensionProblem(cal, { phase: 'iit', opensOn: '2026-04-10', closesOn: '2026-06-15' }),
    ).toMatchObject({ code: 'shortens' });
    expect(
      extensionProblem(cal, { phase: 'iit', opensOn: '2026-04-01', closesOn: '2026-05-20' }),
    ).toMatchObject({ code: 'shortens' });
    expect(
      extensionProblem(cal, { phase: 'iit', opensOn: '2026-04-01', closesOn: '2026-06-15' }),
    ).toBeNull();
    expect(
      extensionProblem(cal, { phase: 'eit', opensOn: '2026-04-01', closesOn: '2026-06-15' }),
    ).toEqual({ code: 'no_general' });
  });
  it('refuses, in words, an agency "extension" that would close its survey early', async () => {
    const r = await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: YEAR,
      phase: 'iit',
      opensOn: '2020-01-01',
      closesOn: '2020-01-31',
      agencyCode: '51-PAO',
      reason: 'พิมพ์ปีผิด',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((p) => p.field)).toEqual(['to']);
      expect(problemText(r.error[0]!, 'th')).toContain('การขยายเวลาต้องครอบคลุมช่วงเวลาของทุกหน่วยงาน');
    }
  });
  it('counts the day in Thailand, not UTC', () => {
    expect(thaiDay(new Date('2026-05-31T17:30:00Z'))).toBe('2026-06-01');
  });
  it('reads Buddhist Era dates typed by people', () => {
    expect(parseTypedDay('1/4/2569')).toBe('2026-04-01');
    expect(parseTypedDay('31/2/2569')).toBeUndefined();
  });
  it('refuses a one-agency extension without a reason', async () => {
    const r = await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: YEAR,
      phase: 'iit',
      opensOn: '2026-01-01',
      closesOn: '2026-01-31',
      agencyCode: '51-PAO',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.field)).toContain('reason');
  });
});

describe('the IIT respondent path without JavaScript', () => {
  it('shows a start page saying it is anonymous and how long it takes', async () => {
    const b = browserFor(t.app);
    const res = await b.get(`/go/iit/${code}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('จังหวัดลำพูน');
    expect(html).toContain('ไม่ต้องระบุชื่อ');
    expect(html).toContain(`/go/iit/${code}/eligibility`);
  });

  it('thanks the ineligible and stores nothing, not even a draft', async () => {
    const before = await responsesStored();
    const stored = await everything();
    const b = browserFor(t.app);
    const res = await b.post(`/go/iit/${code}/eligibility`, { eligible: 'no' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/go/iit/${code}/not-eligible`);
    expect(await (await b.get(res.headers.get('location')!)).text()).toContain(
      'ระบบไม่ได้บันทึกข้อมูลใด ๆ',
    );
    expect(await responsesStored()).toBe(before);
    expect(await everything()).toEqual(stored);
    expect(b.jar.has('itas_survey')).toBe(false);
  });

  it('walks every page, corrects one error, checks and submits; the count rises by one', async () => {
    const before = await responsesStored();
    const stored = await everything();
    const b = browserFor(t.app);
    let res = await b.post(`/go/iit/${code}/eligibility`, { eligible: 'yes' });
    expect(res.headers.get('location')).toBe(`/go/iit/${code}/about`);
    res = await b.post(`/go/iit/${code}/about`, { gender: 'male', age_band: '', education: '' });
    // The first answer is not accepted yet: a 422 with the error summary, keeping the choice.
    expect(res.status).toBe(422);
    let html = await res.text();
    expect(html).toContain('ข้อผิดพลาด:');
    expect(html).toContain('class="error-summary"');
    expect(html).toMatch(/value="male"\s+checked/);
    const f = (await import('../../src/domain/framework/registry.ts')).getFramework('ita-2563')!;
    const demo = Object.fromEntries(f.demographics.IIT.map((d) => [d.code, d.options[1]!.value]));
    res = await b.post(`/go/iit/${code}/about`, demo);
    expect(res.headers.get('location')).toBe(`/go/iit/${code}/page-1`);
    const page1 = await (await b.get(`/go/iit/${code}/page-1`)).text();
    expect(page1).toContain('หน้า 2 จาก 6');
    const answers = fullAnswers('IIT');
    for (let p = 1; p <= 5; p++) {
      res = await b.post(`/go/iit/${code}/page-${p}`, iitPageAnswers(answers, p));
      expect(res.status).toBe(303);
    }
    expect(res.headers.get('location')).toBe(`/go/iit/${code}/check`);
    // Reload survives: the check page shows the answers the browser carries.
    html = await (await b.get(`/go/iit/${code}/check`)).text();
    expect(html).toContain('ตรวจสอบคำตอบก่อนส่ง');
    expect(html).toContain(`/go/iit/${code}/page-3?return=check`);
    // Going back keeps them too.
    expect(await (await b.get(`/go/iit/${code}/page-1`)).text()).toMatch(
      new RegExp(`name="I1\\.1"[^>]*value="${answers['I1.1']}"\\s+checked`),
    );
    // Until the final submit the server stored nothing at all, and the browser's state is sealed.
    expect(await everything()).toEqual(stored);
    const state = decodeURIComponent(b.jar.get('itas_survey')!);
    expect(state).toMatch(/^[\w-]+$/);
    for (const plain of ['I1.1', 'male', 'eligible', answers['I1.1']!.repeat(3)])
      expect(Buffer.from(state, 'base64url').toString('latin1')).not.toContain(plain);
    res = await b.post(`/go/iit/${code}/submit`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/go/iit/${code}/thanks`);
    expect(await responsesStored()).toBe(before + 1);
    expect(b.jar.has('itas_survey')).toBe(false);
    // The marker is a soft warning on the start page, not a block.
    html = await (await b.get(`/go/iit/${code}`)).text();
    expect(html).toContain('ดูเหมือนว่ามีผู้ตอบแบบวัดนี้จากเบราว์เซอร์นี้แล้ว');
  });

  it('sends twice from one check page and stores one response; a fresh check page is a new one', async () => {
    const b = browserFor(t.app);
    await walkToCheck(b, '51-PRV');
    const check = await (await b.get(`/go/iit/${code}/check`)).text();
    const submission = /name="submission" value="([\w-]+)"/.exec(check)![1]!;
    const cookie = b.jar.get('itas_survey')!;
    const before = await responsesStored();
    // A double click: the same form twice (the second arrives before the first reply).
    const [r1, r2] = await Promise.all([
      b.post(`/go/iit/${code}/submit`, { submission }),
      b.post(`/go/iit/${code}/submit`, { submission }),
    ]);
    expect([r1.status, r2.status]).toEqual([303, 303]);
    expect(r2.headers.get('location')).toBe(`/go/iit/${code}/thanks`);
    expect(await responsesStored()).toBe(before + 1);
    // A lost reply retried with the same form: still one.
    b.jar.set('itas_survey', cookie);
    await b.post(`/go/iit/${code}/submit`, { submission });
    expect(await responsesStored()).toBe(before + 1);
    // A forged or foreign submission value is not an id: a fresh one is made.
    b.jar.set('itas_survey', cookie);
    await b.post(`/go/iit/${code}/submit`, { submission: `${submission.slice(0, -4)}AAAA` });
    expect(await responsesStored()).toBe(before + 2);
  });

  it('treats an altered, foreign or garbage state as no answers at all', async () => {
    const b = browserFor(t.app);
    await walkToCheck(b, '51-PRV');
    const good = b.jar.get('itas_survey')!;
    const flip = (v: string) => `${v.slice(0, 20)}${v[20] === 'A' ? 'B' : 'A'}${v.slice(21)}`;
    for (const bad of [flip(good), 'x', '%%%', 'A'.repeat(9000), good.slice(0, 40)]) {
      b.jar.set('itas_survey', bad);
      const res = await b.get(`/go/iit/${code}/check`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/go/iit/${code}/eligibility`);
      const post = await b.post(`/go/iit/${code}/submit`, {});
      expect(post.status).toBe(303);
      expect(post.headers.get('location')).toBe(`/go/iit/${code}/eligibility`);
    }
    // A state made for one agency's survey is refused by another agency's (and the other tool).
    const other = await linkCode(t.services, '51-PAO');
    b.jar.set('itas_survey', good);
    expect((await b.get(`/go/iit/${other}/check`)).headers.get('location')).toBe(
      `/go/iit/${other}/eligibility`,
    );
    expect((await b.get(`/go/eit/${code}/check`)).headers.get('location')).toBe(
      `/go/eit/${code}/about`,
    );
    // Sealed under another secret (another installation): refused as well.
    const elsewhere = createServices(t.db, {
      surveySecret: 'another-installation-secret-0123456789',
    });
    const ctx = (await elsewhere.surveys.resolve(code, 'iit'))!;
    expect(elsewhere.surveys.loadDraft(ctx, good)).toBeUndefined();
    expect(t.services.surveys.loadDraft(ctx, good)?.eligible).toBe(true);
  });

  it('refuses a form without the CSRF field', async () => {
    const res = await t.app.request(`/go/iit/${code}/eligibility`, {
      method: 'POST',
      body: 'eligible=yes',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
  });

  it('sends a question page to eligibility when the draft has not passed it', async () => {
    const res = await browserFor(t.app).get(`/go/iit/${code}/page-2`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/go/iit/${code}/eligibility`);
  });

  it('answers 404 for an unknown code or tool', async () => {
    expect((await t.app.request('/go/iit/zzzzzzzzzz')).status).toBe(404);
    expect((await t.app.request(`/go/oit/${code}`)).status).toBe(404);
  });

  it('an old code stops working after rotation', async () => {
    const old = await linkCode(t.services, '51-PAO');
    await t.services.surveyLinks.rotate(SYSTEM_CLI, YEAR, '51-PAO');
    expect((await t.app.request(`/go/eit/${old}`)).status).toBe(404);
    const fresh = await linkCode(t.services, '51-PAO');
    expect((await t.app.request(`/go/eit/${fresh}`)).status).toBe(200);
  });
});

describe('a closed window', () => {
  it('says the survey is closed and when it opens, in Buddhist Era', async () => {
    const agency = '51-TM-01';
    const c = await linkCode(t.services, agency);
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: YEAR,
      phase: 'eit',
      opensOn: '2099-01-05',
      closesOn: '2099-02-05',
    });
    const res = await t.app.request(`/go/eit/${c}`);
    const html = await res.text();
    expect(html).toContain('แบบวัดจะเปิดรับคำตอบตั้งแต่วันที่ 5 มกราคม 2642');
    const post = await browserFor(t.app).post(`/go/eit/${c}/about`, {});
    expect(post.status).toBe(409);
    await setSurveyWindow(t.services, 'eit', 'open');
  });
});
