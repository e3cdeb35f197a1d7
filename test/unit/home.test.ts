// Each person's home (issue 16.1): services.home.forActor composes every role's tasks in one
// call, and /home renders them with links to each task and BE dates; sign-in lands there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { createTestApp } from '../helpers/app.ts';
import { clientFor, createStandardAccounts, type Client } from '../helpers/sessions.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
const c: Record<string, Client> = {};
const Y = 2564;
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
  for (const [phase, from, to] of [
    ['oit-entry', -1, 5],
    ['iit', -1, 5],
    ['eit', -1, 5],
    ['oit-review', 10, 20],
  ] as const)
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: Y,
      phase,
      opensOn: day(from),
      closesOn: day(to),
    });
  await t.services.surveyLinks.ensureAll(SYSTEM_CLI, Y);
  await t.services.sampleTargets.setTargets(SYSTEM_CLI, Y, '51-PRV', { iit: '10', eit: '100' });
  await t.services.oit.saveItem(SYSTEM_CLI, Y, '51-PAO', 'O1', { answer: 'has_not' });
  const ids = await createStandardAccounts(t.services);
  for (const [who, id] of Object.entries(ids)) c[who] = await clientFor(t.services, id);
});
afterAll(async () => t?.close());

const home = async (who: string, q = '') =>
  (await t.app.request(`/home${q}`, { headers: c[who]!.headers() })).text();

describe('the home of each role', () => {
  it('composes the NACC tasks: calendar, assignment, OIT progress, surveys, publication', async () => {
    const h = await t.services.home.forActor(SYSTEM_CLI);
    expect(h.years.map((y) => y.fiscalYear)).toEqual([Y]);
    expect(h.nacc).toBeNull(); // the CLI is not a person
    const view = await home('nacc_admin');
    expect(view).toContain('href="/admin/calendar?year=2564"');
    expect(view).toContain(`href="/oit/${Y}/assign"`);
    expect(view).toContain(`href="/admin/publication/${Y}"`);
    expect(view).toContain(`href="/survey-targets?year=${Y}"`);
    expect(view).toContain('href="/admin/years"');
    // The standard auditor has 51-PAO and 51-SAO-01: one of three agencies has no auditor.
    expect(view).toContain('ยังไม่มีผู้ตรวจ 1 จาก 3 หน่วยงาน');
    expect(view).toContain('ยังไม่พร้อม');
    // Windows in the Buddhist Era.
    expect(view).toContain(`${Number(day(20).slice(0, 4)) + 543}`);
  });

  it('gives the auditor a queue of assigned agencies with their review window', async () => {
    const view = await home('auditor');
    expect(view).toContain(`href="/oit/${Y}/review/51-PAO"`);
    expect(view).toContain(`href="/oit/${Y}/review/51-SAO-01"`);
    expect(view).not.toContain(`/oit/${Y}/review/51-PRV"`);
    expect(view).toContain('เปิด ');
    expect(view).not.toContain('data-role="nacc_admin"');
  });

  it('gives the agency admin its survey links, counts against the minimum, OIT and results', async () => {
    const view = await home('agency_admin');
    expect(view).toContain('href="/agencies/51-PRV/survey?year=2564"');
    expect(view).toContain('IIT: ผู้ตอบ 0 คน จากขั้นต่ำ');
    expect(view).toContain(`href="/oit/${Y}/agencies/51-PRV"`);
    expect(view).toContain('ตอบแล้ว 0 จาก 43 ข้อ');
    expect(view).toContain('ยังไม่มีผลการประเมินที่ประกาศแล้ว');
    // The menu offers the agency's pages.
    expect(view).toContain('<a href="/agencies/51-PRV/survey">');
    const en = await home('agency_admin', '?lang=en');
    expect(en).toContain('IIT: 0 respondents of a minimum of');
  });

  it("gives the province officer the board, its laggards and the drive's pages", async () => {
    const view = await home('province_officer');
    const p = encodeURIComponent('ลำพูน');
    expect(view).toContain(`href="/province/${p}/${Y}/progress"`);
    expect(view).toContain(`href="/province/${p}/${Y}/mous"`);
    expect(view).toContain('3 จาก 3 หน่วยงานยังมีเรื่องค้าง');
  });

  it('sends visitors to sign in, and signing in lands on /home', async () => {
    const anon = await t.app.request('/home');
    expect(anon.status).toBe(303);
    const form = await t.app.request('/sign-in');
    expect(await form.text()).toContain('name="next" value="/home"');
  });
});
