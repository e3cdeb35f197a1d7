// The results API: filters, JSON shapes of formats.md, and 404 before publication for the public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/app.ts';
import { oitCsv, responsesCsv, setUpYear } from '../helpers/results-fixtures.ts';

let h: Awaited<ReturnType<typeof createTestApp>>;
const codes = ['T-PRV', 'T-PAO', 'T-SAO1', 'T-SAO2', 'T-SAO3'];
beforeAll(async () => {
  h = await createTestApp();
  await setUpYear(h.services);
  await h.services.imports.importResponses(SYSTEM_CLI, 2563, 'r.csv', responsesCsv(codes, 10));
  await h.services.imports.importOit(SYSTEM_CLI, 2563, 'o.csv', oitCsv(codes));
  await h.services.results.computeYear(2563);
});
afterAll(() => h.close());

describe('results API', () => {
  it('answers 404 to the public until the year is published', async () => {
    for (const path of ['results', 'summary', 'rankings']) {
      const res = await h.app.request(`/api/v1/years/2563/${path}`);
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { message: string; message_th: string } };
      expect(body.error.message_th).toContain('2563');
    }
    expect((await h.app.request('/api/v1/years/2599/results')).status).toBe(404);
  });

  it('after publication returns the export objects, filtered by type, province and agency', async () => {
    await h.services.years.setPublished(SYSTEM_CLI, 2563, new Date('2020-10-01T00:00:00Z'));
    const all = (await (await h.app.request('/api/v1/years/2563/results')).json()) as Record<
      string,
      unknown
    >[];
    expect(all).toHaveLength(5);
    expect(Object.keys(all[0]!).sort()).toEqual(
      [
        'agency_code',
        'below_minimum',
        'fiscal_year',
        'indicators',
        'level',
        'minimum_sample',
        'missing',
        'name_th',
        'overall',
        'passed',
        'province',
        'respondents',
        'rounded',
        'tools',
        'type',
      ].sort(),
    );
    const sao = (await (await h.app.request('/api/v1/years/2563/results?type=sao')).json()) as {
      agency_code: string;
    }[];
    expect(sao.map((r) => r.agency_code)).toEqual(['T-SAO1', 'T-SAO2', 'T-SAO3']);
    const cm = (await (
      await h.app.request(`/api/v1/years/2563/results?province=${encodeURIComponent('เชียงใหม่')}`)
    ).json()) as { agency_code: string }[];
    expect(cm.map((r) => r.agency_code)).toEqual(['T-SAO2', 'T-SAO3']);
    const one = (await (await h.app.request('/api/v1/years/2563/results?agency=T-PAO')).json()) as {
      agency_code: string;
    }[];
    expect(one.map((r) => r.agency_code)).toEqual(['T-PAO']);
    expect((await h.app.request('/api/v1/years/2563/results?type=castle')).status).toBe(422);
  });

  it('gives rankings with ranks best first and a summary per type', async () => {
    const ranks = (await (await h.app.request('/api/v1/years/2563/rankings?type=sao')).json()) as {
      rank: number;
      overall: number;
    }[];
    expect(ranks).toHaveLength(3);
    expect(ranks.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranks[0]!.overall).toBeGreaterThan(ranks[2]!.overall);
    const summary = (await (await h.app.request('/api/v1/years/2563/summary')).json()) as {
      national: { agencies: number };
      types: { type: string; agencies: number }[];
    };
    expect(summary.national.agencies).toBe(5);
    expect(summary.types.find((t) => t.type === 'sao')?.agencies).toBe(3);
  });
});
