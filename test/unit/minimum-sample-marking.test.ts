// Minimum sample (issue 13.4), as a reader sees it: an agency whose respondents fell below the
// year's minimum is scored (2563's rule) and marked on its report, in rankings, in summaries, in
// the downloads and in the API; an agency that reached it, or entered no population, is not.
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/app.ts';
import { oitCsv, responsesCsv, setUpYear } from '../helpers/results-fixtures.ts';

let h: Awaited<ReturnType<typeof createTestApp>>;
const codes = ['T-PRV', 'T-PAO', 'T-SAO1'];
beforeAll(async () => {
  h = await createTestApp();
  await setUpYear(h.services);
  // 10 respondents per tool each. T-PRV: 500 staff → IIT minimum 50 (below); 10 service users →
  // EIT minimum 10 (reached). T-PAO: both populations under the floor → everyone, 10 (reached).
  // T-SAO1 entered nothing: its minimum is unknown, and it is not marked.
  await h.services.sampleTargets.setTargets(SYSTEM_CLI, 2563, 'T-PRV', { iit: '500', eit: '10' });
  await h.services.sampleTargets.setTargets(SYSTEM_CLI, 2563, 'T-PAO', { iit: '10', eit: '8' });
  await h.services.imports.importResponses(SYSTEM_CLI, 2563, 'r.csv', responsesCsv(codes, 10));
  await h.services.imports.importOit(SYSTEM_CLI, 2563, 'o.csv', oitCsv(codes));
  await h.services.results.computeYear(2563);
  await h.services.years.setPublished(SYSTEM_CLI, 2563, new Date('2020-10-01T00:00:00Z'));
});
afterAll(() => h.close());

const get = async (path: string) => {
  const res = await h.app.request(path);
  expect(res.status, path).toBe(200);
  return res;
};
/** The row of a table (HTML) that names this agency. */
const rowOf = (html: string, name: string) => html.split('<tr').find((r) => r.includes(name)) ?? '';

describe('an agency below the minimum sample', () => {
  it('is scored and marked in the API results, with each tool’s minimum', async () => {
    const all = (await (await get('/api/v1/years/2563/results')).json()) as {
      agency_code: string;
      overall: number | null;
      minimum_sample: { IIT: number | null; EIT: number | null };
      below_minimum: string[];
    }[];
    const by = new Map(all.map((r) => [r.agency_code, r]));
    expect(by.get('T-PRV')).toMatchObject({
      minimum_sample: { IIT: 50, EIT: 10 },
      below_minimum: ['IIT'],
    });
    expect(by.get('T-PRV')!.overall).not.toBeNull();
    expect(by.get('T-PAO')).toMatchObject({
      minimum_sample: { IIT: 10, EIT: 8 },
      below_minimum: [],
    });
    expect(by.get('T-SAO1')).toMatchObject({
      minimum_sample: { IIT: null, EIT: null },
      below_minimum: [],
    });
  });

  it('is ranked and marked in the API rankings and the rankings page and its CSV', async () => {
    const api = (await (await get('/api/v1/years/2563/rankings')).json()) as {
      agency_code: string;
      below_minimum: string[];
    }[];
    expect(api.find((r) => r.agency_code === 'T-PRV')!.below_minimum).toEqual(['IIT']);
    expect(api.find((r) => r.agency_code === 'T-PAO')!.below_minimum).toEqual([]);

    const html = await (await get('/results/2563/rankings')).text();
    expect(rowOf(html, 'จังหวัดทดสอบ')).toContain('ผู้ตอบ IIT ไม่ถึงขั้นต่ำ');
    expect(rowOf(html, 'อบจ.ทดสอบ')).not.toContain('ไม่ถึงขั้นต่ำ');
    expect(html).toContain('data-testid="below-minimum-note"');

    const csv = (await (await get('/results/2563/rankings?format=csv')).text()).replace(
      /^\uFEFF/,
      '',
    );
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows.find((r) => r.agency_code === 'T-PRV')!.below_minimum).toBe('IIT');
    expect(rows.find((r) => r.agency_code === 'T-PAO')!.below_minimum).toBe('');
  });

  it('is counted on the summary page and in its download', async () => {
    const html = await (await get('/results/2563/summary')).text();
    const national = html.slice(0, html.indexOf('</section>'));
    expect(national).toMatch(/data-testid="below-minimum">1</);
    const api = (await (await get('/api/v1/years/2563/summary')).json()) as {
      national: { below_minimum: number };
    };
    expect(api.national.below_minimum).toBe(1);
  });

  it('says so on its report, in words, and the report of an agency that reached it does not', async () => {
    const marked = await (await get('/results/2563/agencies/T-PRV')).text();
    expect(marked).toContain('data-testid="below-minimum"');
    expect(marked).toContain('แบบวัด IIT มีผู้ตอบ 10 คน ต่ำกว่าจำนวนขั้นต่ำ 50 คน');
    expect(marked).toContain('ขั้นต่ำ 50 คน');
    const en = await (
      await h.app.request('/results/2563/agencies/T-PRV', { headers: { cookie: 'lang=en' } })
    ).text();
    expect(en).toContain('IIT has 10 respondents, below the minimum of 50');
    const fine = await (await get('/results/2563/agencies/T-PAO')).text();
    expect(fine).not.toContain('data-testid="below-minimum"');
    const unknown = await (await get('/results/2563/agencies/T-SAO1')).text();
    expect(unknown).toContain('ไม่ทราบจำนวนขั้นต่ำ');
  });

  it('a population changed after computing queues the card again, and the recount follows it', async () => {
    // The import's own marks are drained first, as the worker would.
    await sql`delete from recompute_marks`.execute(h.db);
    await h.services.sampleTargets.setTargets(SYSTEM_CLI, 2563, 'T-PRV', { iit: '10', eit: '10' });
    const { rows } = await sql<{ agency_code: string }>`
      select agency_code from recompute_marks where fiscal_year = 2563`.execute(h.db);
    expect(rows.map((r) => r.agency_code)).toEqual(['T-PRV']);
    await h.services.results.recomputeAgencies(2563, ['T-PRV']);
    const all = (await (await get('/api/v1/years/2563/results?agency=T-PRV')).json()) as {
      below_minimum: string[];
    }[];
    expect(all[0]!.below_minimum).toEqual([]);
  });
});
