// Rate-limit counters batched per process: concurrent submissions still get exact limits, a
// burst is flagged exactly once, and two guards (two processes) share the database's count.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSurveyGuard } from '../../src/services/survey-guard.service.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const limits = {
  networkMax: 1000,
  networkWindowSeconds: 600,
  codeMax: 7,
  codeWindowSeconds: 3600,
  burstThreshold: 5,
  trustProxy: false,
};
const key = { fiscalYear: 2563, agencyCode: 'C-1', tool: 'EIT', linkCode: 'abcd2345' };

describe('batched rate-limit counters', () => {
  it('admits exactly the limit out of many concurrent submissions, across two processes', async () => {
    const now = () => new Date('2026-06-01T03:00:00Z');
    const a = createSurveyGuard(t.db, limits, now);
    const b = createSurveyGuard(t.db, limits, now);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).admit(key, '203.0.113.9')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(5);
    for (const r of refused) if (!r.ok) expect(r.retryAfterSeconds).toBeGreaterThan(0);
    const { rows } = await sql<{ bucket: string; hits: number }>`
      select bucket, hits from survey_counters where bucket = 'code:abcd2345'`.execute(t.db);
    expect(rows).toEqual([{ bucket: 'code:abcd2345', hits: 12 }]);
  });

  it('flags one network burst, not one per submission past the threshold', async () => {
    const { rows } = await sql<{ kind: string; occurrences: number }>`
      select kind, occurrences from survey_anomalies where agency_code = 'C-1'`.execute(t.db);
    expect(rows).toEqual([{ kind: 'network_burst', occurrences: 1 }]);
  });
});

describe('debounced recompute on submission', () => {
  it('a burst of answers for one agency leaves one pending recompute, due a few seconds later', async () => {
    const { createServices } = await import('../../src/services/container.ts');
    const { createResponseService } = await import('../../src/services/response.service.ts');
    const { setUpYear, framework } = await import('../helpers/results-fixtures.ts');
    const { answerColumns, subItemOf } = await import('../../src/domain/framework/helpers.ts');
    const s = createServices(t.db);
    await setUpYear(s);
    const responses = createResponseService(t.db, s.years, { delaySeconds: 5 });
    const answers = Object.fromEntries(
      answerColumns(framework, 'EIT').map((c) => [
        c,
        subItemOf(framework, c)!.item.scale.endsWith('_good') ? 'Y' : '4',
      ]),
    );
    const submitted = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        responses.submit({
          responseId: `burst-${i}-abcdef`,
          fiscalYear: 2563,
          agencyCode: 'T-PAO',
          tool: 'EIT',
          answers,
          demographics: {},
          submittedOn: '2020-06-02',
        }),
      ),
    );
    expect(submitted).toEqual(Array(6).fill({ ok: true, value: { created: true } }));
    const { rows } = await sql<{ key: string; due_in: number }>`
      select key, extract(epoch from run_after - now())::float8 as due_in from jobs
      where kind = 'recompute'`.execute(t.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toBe('2563:T-PAO');
    expect(rows[0]!.due_in).toBeGreaterThan(3);
  });

  it('stores concurrent submissions together yet counts each exactly as if they came one by one', async () => {
    const { createServices } = await import('../../src/services/container.ts');
    const { framework } = await import('../helpers/results-fixtures.ts');
    const { answerColumns, subItemOf } = await import('../../src/domain/framework/helpers.ts');
    const s = createServices(t.db);
    const answers = (v: string) =>
      Object.fromEntries(
        answerColumns(framework, 'EIT').map((c) => [
          c,
          subItemOf(framework, c)!.item.scale.endsWith('_good') ? 'Y' : v,
        ]),
      );
    const submit = (id: string, v: string) =>
      s.responses.submit({
        responseId: id,
        fiscalYear: 2563,
        agencyCode: 'T-SAO1',
        tool: 'EIT',
        answers: answers(v),
        demographics: {},
        submittedOn: '2020-06-02',
      });
    // 8 answer sets of 1s (one id sent three times, as a retrying phone would) and 4 of 2s.
    const ids = [...Array(8).keys()].map((i) => `gc-one-${i}-xyz`);
    const results = await Promise.all([
      ...ids.map((id) => submit(id, '1')),
      submit(ids[0]!, '1'),
      submit(ids[0]!, '1'),
      ...[0, 1, 2, 3].map((i) => submit(`gc-two-${i}-xyz`, '2')),
    ]);
    const created = results.map((r) => r.ok && r.value.created);
    expect(created.filter(Boolean)).toHaveLength(12);
    expect(created.slice(8, 10)).toEqual([false, false]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from responses where agency_code = 'T-SAO1'
        and response_id like 'gc-%'`.execute(t.db);
    expect(rows[0]!.n).toBe(12);
    const anomalies = await sql<{ kind: string; occurrences: number }>`
      select kind, occurrences from survey_anomalies
      where agency_code = 'T-SAO1' and tool = 'EIT' order by kind`.execute(t.db);
    // Repeats: 7 of the 1s and 3 of the 2s; straight-lining: all 12.
    expect(anomalies.rows).toEqual([
      { kind: 'identical_answers', occurrences: 10 },
      { kind: 'same_column', occurrences: 12 },
    ]);
  });
});
