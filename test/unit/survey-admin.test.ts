// Survey administration over app.request(): the agency's links, QR codes and poster, rotation,
// headcounts against the minimum, single-use codes, the below-target list and CSV, the NACC's
// calendar page; and who is refused (303 to sign in, 403 for the wrong role).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/app.ts';
import { FORM, clientFor, createStandardAccounts, type Client } from '../helpers/sessions.ts';
import {
  YEAR,
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
  respondentCount,
  setSurveyWindow,
} from '../helpers/survey-fixture.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let nacc: Client;
let agencyAdmin: Client;
let province: Client;
let anonymous: Client;
beforeAll(async () => {
  t = await createTestApp();
  await openSurveyYear(t.services);
  const ids = await createStandardAccounts(t.services);
  nacc = await clientFor(t.services, ids.nacc_admin);
  agencyAdmin = await clientFor(t.services, ids.agency_admin);
  province = await clientFor(t.services, ids.province_officer);
  anonymous = await clientFor(t.services, null);
});
afterAll(async () => t?.close());

const get = (c: Client, path: string) => t.app.request(path, { headers: c.headers() });
const post = (c: Client, path: string, fields: Record<string, string> = {}) =>
  t.app.request(path, { method: 'POST', headers: c.headers(FORM), body: c.form(fields) });

describe("an agency's survey page", () => {
  it('sends a signed-out visitor to sign in and refuses another agency’s administrator', async () => {
    const res = await get(anonymous, '/agencies/51-PRV/survey');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent('/agencies/51-PRV/survey')}`,
    );
    expect((await get(agencyAdmin, '/agencies/51-PAO/survey')).status).toBe(403);
    expect((await post(agencyAdmin, '/agencies/51-PAO/survey/rotate')).status).toBe(403);
  });

  it('says when each survey takes answers, in Buddhist-era dates (issue 16.3)', async () => {
    const open = await (await get(agencyAdmin, '/agencies/51-PRV/survey')).text();
    expect(open).toMatch(/data-window="IIT">เปิดรับคำตอบอยู่ ตั้งแต่ \d+ \S+ 25\d\d ถึง \d+ \S+ 25\d\d</);
    await setSurveyWindow(t.services, 'eit', 'shut');
    try {
      const shut = await (await get(agencyAdmin, '/agencies/51-PRV/survey')).text();
      expect(shut).toContain('ปิดรับคำตอบแล้ว (เปิดตั้งแต่ 1 มกราคม 2563 ถึง 31 มกราคม 2563)');
      const en = await (await get(agencyAdmin, '/agencies/51-PRV/survey?lang=en')).text();
      expect(en).toContain(
        'Closed for answers (it was open from 1 January 2563 BE to 31 January 2563 BE)',
      );
    } finally {
      await setSurveyWindow(t.services, 'eit', 'open');
    }
  });

  it('shows both links with QR downloads (SVG and PNG) and an A4 Thai poster', async () => {
    const code = await linkCode(t.services, '51-PRV');
    const html = await (await get(agencyAdmin, '/agencies/51-PRV/survey')).text();
    expect(html).toContain(`/go/iit/${code}`);
    expect(html).toContain(`/go/eit/${code}`);
    const svg = await get(agencyAdmin, `/agencies/51-PRV/survey/qr/iit.svg?year=${YEAR}`);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
    const png = await get(agencyAdmin, `/agencies/51-PRV/survey/qr/eit.png?year=${YEAR}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const poster = await (
      await get(agencyAdmin, `/agencies/51-PRV/survey/poster/iit?year=${YEAR}&lang=en`)
    ).text();
    expect(poster).toContain('จังหวัดลำพูน');
    expect(poster).toContain('สแกน QR');
    expect(poster).toContain(`/go/iit/${code}`);
    expect(poster).toMatch(/เปิดรับคำตอบ \d+ \S+ 25\d\d/);
    // A print button (wired by a static script, no inline one; hidden without JavaScript, where a
    // hint says how), and a way back to the links page.
    expect(poster).toMatch(/<script src="\/static\/print\.js\?v=[0-9a-f]+" nonce="[^"]+" defer/);
    expect(poster).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(poster).toMatch(
      /<button type="button" class="button poster-actions__print" data-print="true" hidden="">พิมพ์โปสเตอร์<\/button>/,
    );
    expect(poster).toContain('Ctrl+P');
    expect(poster).toContain(`href="/agencies/51-PRV/survey?year=${YEAR}"`);
  });

  it('keeps a bad headcount with a 422 and then shows the minimum for a good one', async () => {
    const bad = await post(agencyAdmin, `/agencies/51-PRV/survey/targets?year=${YEAR}`, {
      iit_population: 'สามร้อย',
      eit_population: '5000',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('value="สามร้อย"');
    expect(html).toContain('จำนวนบุคลากรที่มีสิทธิ์ตอบ ต้องเป็นจำนวนเต็ม');
    const ok = await post(agencyAdmin, `/agencies/51-PRV/survey/targets?year=${YEAR}`, {
      iit_population: '3498',
      eit_population: '5000',
    });
    expect(ok.status).toBe(303);
    const { progress } = await t.services.sampleTargets.forAgency(SYSTEM_CLI, YEAR, '51-PRV');
    expect(progress.IIT.minimum).toBe(350);
    expect(progress.EIT.minimum).toBe(400);
    expect(await (await get(agencyAdmin, '/agencies/51-PRV/survey')).text()).toContain('350');
  });

  it('rotates the code: the old link stops working', async () => {
    const old = await linkCode(t.services, '51-PRV');
    const res = await post(agencyAdmin, `/agencies/51-PRV/survey/rotate?year=${YEAR}`);
    expect(res.status).toBe(303);
    expect((await t.app.request(`/go/iit/${old}`)).status).toBe(404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'survey_link.rotate')
      .execute();
    expect(audit.length).toBe(1);
  });

  it('issues single-use IIT codes that work exactly once', async () => {
    const res = await post(agencyAdmin, `/agencies/51-PRV/survey/access-codes?year=${YEAR}`, {
      single_use: 'on',
      count: '2',
    });
    expect(res.status).toBe(200);
    const codes = [
      ...(await res.text()).matchAll(/<li class="reference">([a-z0-9]{8})<\/li>/g),
    ].map((m) => m[1]!);
    expect(codes).toHaveLength(2);
    const link = await linkCode(t.services, '51-PRV');
    const body = (access_code?: string) => ({
      response_id: randomUUID(),
      answers: fullAnswers('IIT'),
      demographics: demographicsFor('IIT'),
      ...(access_code ? { access_code } : {}),
    });
    const send = (b: unknown) =>
      t.app.request(`/api/v1/surveys/${link}/iit`, {
        method: 'POST',
        body: JSON.stringify(b),
        headers: { 'content-type': 'application/json' },
      });
    expect((await send(body())).status).toBe(422);
    expect((await send(body(codes[0]))).status).toBe(201);
    expect((await send(body(codes[0]))).status).toBe(422);
    expect((await send(body(codes[1]!.toUpperCase()))).status).toBe(201);
  });
});

describe('small numbers on the agency’s page', () => {
  it('the live count moves in steps of ten and flags about fewer than ten answers are not shown', async () => {
    const link = await linkCode(t.services, '51-PRV');
    const straight = fullAnswers('EIT', () => '4'); // every four-level answer the same
    const send = async () =>
      expect(
        (
          await t.app.request(`/api/v1/surveys/${link}/eit`, {
            method: 'POST',
            body: JSON.stringify({
              response_id: randomUUID(),
              answers: straight,
              demographics: demographicsFor('EIT'),
            }),
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(201);
    const page = async () => {
      const html = await (await get(agencyAdmin, `/agencies/51-PRV/survey?year=${YEAR}`)).text();
      const count = /data-count="EIT">\s*([^<]*)</.exec(html)![1]!.trim();
      return { html, count };
    };
    const exact = await respondentCount(t.db, '51-PRV', 'EIT');
    const shown = (await page()).count;
    // Answers one by one up to the next multiple of ten: the page never moves by one.
    const toNext = 10 - (exact % 10);
    for (let i = 1; i < toNext; i++) {
      await send();
      expect((await page()).count).toBe(shown);
    }
    await send();
    const after = await page();
    expect(after.count).not.toBe(shown);
    expect(Number(after.count.replace(/\D/g, ''))).toBe(exact + toNext);
    expect(after.html).toContain('ปัดลงทีละ 10 คน');
    // Straight-lined answers: fewer than ten were not flagged to the agency; ten or more are.
    // Flags follow the acknowledgement in a transaction of their own (ADR 0007).
    const flagged = async () => {
      await t.services.responses.settled();
      const { anomalies } = await t.services.sampleTargets.forAgency(SYSTEM_CLI, YEAR, '51-PRV');
      return anomalies.find((a) => a.kind === 'same_column' && a.tool === 'EIT');
    };
    const straightSoFar = toNext;
    if (straightSoFar < 10) {
      expect(await flagged()).toBeUndefined();
      for (let i = straightSoFar; i < 10; i++) await send();
    }
    expect((await flagged())?.occurrences).toBeGreaterThanOrEqual(10);
  });

  it('shows whether the minimum is reached, changing only when the shown count moves', async () => {
    const link = await linkCode(t.services, '51-PRV');
    const send = async () =>
      expect(
        (
          await t.app.request(`/api/v1/surveys/${link}/eit`, {
            method: 'POST',
            body: JSON.stringify({
              response_id: randomUUID(),
              answers: fullAnswers('EIT'),
              demographics: demographicsFor('EIT'),
            }),
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(201);
    while ((await respondentCount(t.db, '51-PRV', 'EIT')) % 10 !== 0) await send();
    const base = await respondentCount(t.db, '51-PRV', 'EIT');
    // A population whose minimum (10 %) is three more answers than there are now.
    const minimum = Math.max(33, base + 3);
    const before = (await t.services.sampleTargets.forAgency(SYSTEM_CLI, YEAR, '51-PRV')).progress;
    const r = await t.services.sampleTargets.setTargets(SYSTEM_CLI, YEAR, '51-PRV', {
      iit: String(before.IIT.population ?? 0),
      eit: String(minimum * 10 - 5),
    });
    expect(r.ok).toBe(true);
    const reached = async () => {
      const html = await (await get(agencyAdmin, `/agencies/51-PRV/survey?year=${YEAR}`)).text();
      return /data-reached="EIT">\s*([^<]*)</.exec(html)![1]!.trim();
    };
    expect(await reached()).toBe('ยังไม่ถึง');
    // The exact minimum passes unseen: still "not yet" until the shown count reaches it.
    let exact = base;
    while (exact < minimum) {
      await send();
      exact++;
    }
    expect(await reached()).toBe('ยังไม่ถึง');
    const at = Math.ceil(minimum / 10) * 10;
    while (exact < at - 1) {
      await send();
      exact++;
    }
    expect(await reached()).toBe('ยังไม่ถึง');
    await send();
    expect(await reached()).toBe('ถึงขั้นต่ำแล้ว');
    await t.db
      .updateTable('survey_targets')
      .set({ iit_population: before.IIT.population, eit_population: before.EIT.population })
      .where('fiscal_year', '=', YEAR)
      .where('agency_code', '=', '51-PRV')
      .execute();
  });
});

describe('agencies below target', () => {
  it('lists the province’s agencies below target, sortable, with a CSV export', async () => {
    const res = await get(province, `/survey-targets?year=${YEAR}&sort=iit_gap`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('หน่วยงานที่ยังไม่ถึงเป้าหมาย');
    expect(html).toContain('จังหวัดลำพูน');
    const csv = await get(province, `/survey-targets.csv?year=${YEAR}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, for spreadsheets
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('agency_code,name_th,province,iit_population,iit_minimum')).toBe(true);
    expect(text).toContain('51-PRV,จังหวัดลำพูน,ลำพูน,3498,350,');
    expect((await get(agencyAdmin, '/survey-targets')).status).toBe(403);
    expect((await get(nacc, '/survey-targets')).status).toBe(200);
  });
});

describe("the NACC's calendar page", () => {
  it('shows BE dates, refuses a bad date with 422 and saves a good one', async () => {
    const page = await get(nacc, `/admin/calendar?year=${YEAR}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/25\d\d/);
    const bad = await post(nacc, `/admin/calendar?year=${YEAR}`, {
      phase: 'oit-entry',
      from: '31/2/2569',
      to: '1/3/2569',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('value="31/2/2569"');
    const ok = await post(nacc, `/admin/calendar?year=${YEAR}`, {
      phase: 'oit-entry',
      from: '1/3/2569',
      to: '30/4/2569',
    });
    expect(ok.status).toBe(303);
    const cal = await t.services.calendar.get(YEAR);
    expect(cal.find((w) => w.phase === 'oit-entry')).toMatchObject({
      opensOn: '2026-03-01',
      closesOn: '2026-04-30',
    });
    expect((await get(agencyAdmin, '/admin/calendar')).status).toBe(403);
  });

  it('picks the year from a list of the years there are, without typing ?year=', async () => {
    await t.services.years.create(SYSTEM_CLI, 2570, 'ita-2563');
    const html = await (await get(nacc, '/admin/calendar')).text();
    expect(html).toContain('<select id="year" name="year">');
    expect(html).toMatch(/<option value="2570" selected="">2570<\/option>/);
    expect(html).toContain(`<option value="${YEAR}">${YEAR}</option>`);
    const older = await (await get(nacc, `/admin/calendar?year=${YEAR}`)).text();
    expect(older).toMatch(new RegExp(`<option value="${YEAR}" selected="">`));
  });
});
