// The showroom tells the truth (issue 13.5): the demo's 2563 year is built as real data is (rows in
// responses, confirmed OIT, compute) and a reader sees the NACC's published 2563 figures: every
// Lamphun agency's overall score and level (rankings-2563.csv), the province unit's tools,
// indicators, questions, sub-items and OIT items (its report), the province mean 68.83, and
// respondent figures that agree with each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM_CLI } from '../../src/domain/actor.ts';
import { formatScore } from '../../src/i18n/format.ts';
import { loadDemo, printDemoReminder } from '../../src/demo/load-demo.ts';
import { readDemoAnswers } from '../../src/demo/demo-results.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { sql } from 'kysely';
import type { Db } from '../../src/storage/database.ts';
import { createTestDb } from '../helpers/db.ts';
import { lamphunReport, rankingRows } from './domain/seed-fixtures.ts';

/** The published figure as printed: 2 decimals (the project's display rounding). */
const printed = (n: number | null | undefined) => formatScore(n, 'en');
const two = (n: number) => n.toFixed(2);

// The seed's OCR misspells four Mae Tha municipalities (test/fixtures/seed/README.md).
const OCR_FIXES: Record<string, string> = {
  เทศบาลตำบลทาจุมเงิน: 'เทศบาลตำบลทาขุมเงิน',
  เทศบาลตำบลท่าทุ่งหลวง: 'เทศบาลตำบลทาทุ่งหลวง',
  เทศบาลตำบลทาบลาตุก: 'เทศบาลตำบลทาปลาดุก',
  เทศบาลตำบลทาบลาเส้า: 'เทศบาลตำบลทาสบเส้า',
};
// Local bodies carry the province; the province unit and the PAO are named after it.
const lamphunRows = rankingRows.filter(
  (r) =>
    r.province === 'ลำพูน' || r.agency === 'จังหวัดลำพูน' || r.agency === 'องค์การบริหารส่วนจังหวัดลำพูน',
);

let db: Db;
let close: () => Promise<void>;
let services: Services;

beforeAll(async () => {
  const t = await createTestDb();
  db = t.db;
  close = t.close;
  services = createServices(db);
  await loadDemo(services);
  await services.results.computeYear(2563);
}, 300_000);
afterAll(async () => close());

describe('the demo year 2563', () => {
  it('holds one responses row per respondent, as many as the score cards count', async () => {
    const { rows } = await sql<{ agency_code: string; tool: string; n: number }>`
      select agency_code, tool, count(*)::int as n from responses
      where fiscal_year = 2563 group by agency_code, tool`.execute(db);
    const results = await services.results.results(SYSTEM_CLI, 2563);
    expect(results).toHaveLength(59);
    for (const r of results) {
      const iit = rows.find((x) => x.agency_code === r.agency_code && x.tool === 'IIT')?.n;
      const eit = rows.find((x) => x.agency_code === r.agency_code && x.tool === 'EIT')?.n;
      expect(r.respondents, r.agency_code).toEqual({ IIT: iit, EIT: eit });
      // Plausible sizes: tens of staff and of the public, not 10,000.
      expect(iit, r.agency_code).toBeGreaterThanOrEqual(20);
      expect(eit, r.agency_code).toBeGreaterThanOrEqual(20);
      expect(iit! + eit!, r.agency_code).toBeLessThan(1000);
    }
  });

  it('gives each of the 59 Lamphun agencies its published 2563 score and level', async () => {
    expect(lamphunRows).toHaveLength(59);
    const agencies = await services.agencies.listAll({ province: 'ลำพูน' });
    const byName = new Map(agencies.map((a) => [a.nameTh, a.code]));
    const results = new Map(
      (await services.results.results(ANONYMOUS, 2563)).map((r) => [r.agency_code, r]),
    );
    const wrong: string[] = [];
    for (const row of lamphunRows) {
      const code = byName.get(OCR_FIXES[row.agency] ?? row.agency);
      expect(code, row.agency).toBeDefined();
      const r = results.get(code!);
      const got = `${printed(r?.overall)} ${r?.level}`;
      const want = `${two(row.score2563)} ${row.level}`;
      if (got !== want) wrong.push(`${code} ${row.agency}: ${got} ≠ published ${want}`);
      expect(r?.passed, code).toBe(row.passed);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the province unit its published report: tools, indicators, questions, OIT', async () => {
    const view = await services.results.agencyReport(ANONYMOUS, 2563, '51-PRV');
    const report = view!.report;
    const p = lamphunReport.published;
    expect(printed(report.overall)).toBe(two(p.overall));
    expect(report.level).toBe(p.level);
    for (const t of report.tools) expect(printed(t.score), t.tool).toBe(two(p[t.tool]));
    expect(Object.fromEntries(report.indicators.map((i) => [i.code, printed(i.score)]))).toEqual(
      Object.fromEntries(Object.entries(p.indicators).map(([k, v]) => [k, two(v)])),
    );
    for (const q of lamphunReport.questions) {
      const row = report.questions.find((x) => x.code === q.code)!;
      expect(printed(row.score), q.code).toBe(two(q.score));
      q.items.forEach((item, i) => {
        const sub = row.items[i]!;
        expect(printed(sub.score), sub.column).toBe(two(item.score));
        expect(sub.shares.map(two), sub.column).toEqual(item.distribution.map(two));
      });
    }
    expect(report.oit.map((o) => [o.code, o.score, o.comment])).toEqual(
      lamphunReport.oit.map((o) => [o.code, o.score, o.comment]),
    );
  });

  it('shows respondent figures of 51-PRV that agree with each other', async () => {
    const report = (await services.results.agencyReport(ANONYMOUS, 2563, '51-PRV'))!.report;
    for (const w of report.whoAnswered) {
      expect(w.respondents).toBe(report.respondents[w.tool]);
      // Hundreds answered, so "who answered" is shown, and each breakdown adds up to them.
      expect(w.respondents).toBeGreaterThan(200);
      expect(w.respondents).toBeLessThan(1000);
      expect(w.tables, w.tool).not.toBeNull();
      for (const t of w.tables!)
        expect(
          t.rows.reduce((s, r) => s + r.counts.reduce((a, b) => a + b, 0), 0),
          `${w.tool} ${t.field}`,
        ).toBe(w.respondents);
    }
    for (const q of report.questions)
      for (const s of q.items) {
        expect(s.answered, s.column).toBeGreaterThan(0);
        expect(s.answered, s.column).toBeLessThanOrEqual(report.respondents[q.tool]);
        expect(
          s.counts.reduce((a, b) => a + b, 0),
          s.column,
        ).toBe(s.answered);
      }
  });

  it('gives Lamphun the published province mean 68.83 over its 59 agencies', async () => {
    const home = await services.results.home();
    const lamphun = home!.provinces.find((p) => p.province === 'ลำพูน')!;
    expect(lamphun.assessed).toBe(59);
    expect(printed(lamphun.score)).toBe('68.83');
    expect(home!.national.assessed).toBe(59);
    expect(printed(home!.national.meanOverall)).toBe('68.83');
  });

  it('recomputing from the stored responses gives the same cards (nothing lives only in counts)', async () => {
    const before = await services.results.results(SYSTEM_CLI, 2563);
    const codes = before.map((r) => r.agency_code);
    await services.results.recomputeAgencies(2563, codes);
    const after = await services.results.results(SYSTEM_CLI, 2563);
    expect(after.map((r) => [r.agency_code, r.overall, r.respondents])).toEqual(
      before.map((r) => [r.agency_code, r.overall, r.respondents]),
    );
  });

  it('loads the committed answers file for every agency of the register', async () => {
    const data = readDemoAnswers();
    const agencies = await services.agencies.listAll({ province: 'ลำพูน' });
    expect(Object.keys(data.agencies).sort()).toEqual(agencies.map((a) => a.code).sort());
  });

  it('tells a restarted server where to go and which demo logins still exist', async () => {
    let out = '';
    await printDemoReminder(services, 'http://localhost:3000', (t) => (out += t));
    expect(out).toContain('admin@demo.itas.local');
    expect(out).toContain('demo-agency-2569');
    expect(out).toContain('Open http://localhost:3000');
    const users = await services.users.list(SYSTEM_CLI);
    const auditor = users.find((u) => u.email === 'auditor@demo.itas.local')!;
    await services.users.setDisabled(SYSTEM_CLI, auditor.id, true);
    out = '';
    await printDemoReminder(services, 'http://localhost:3000', (t) => (out += t));
    expect(out).not.toContain('auditor@demo.itas.local');
    expect(out).toContain('lamphun@demo.itas.local');
    await services.users.setDisabled(SYSTEM_CLI, auditor.id, false);
  });
});
