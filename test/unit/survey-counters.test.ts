// Submissions decided and stored in batches per process: concurrent submissions still get exact
// limits, a burst is flagged exactly once, two processes share the database's count, single-use
// codes are spent once, and anomaly counts match one-by-one submission.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerColumns, subItemOf } from '../../src/domain/framework/helpers.ts';
import type { Services } from '../../src/services/container.ts';
import { createResponseService } from '../../src/services/response.service.ts';
import {
  createSurveyGuard,
  hashAccessCode,
  type AdmitKey,
} from '../../src/services/survey-guard.service.ts';
import { insertAccessCodes } from '../../src/storage/survey-guard.repository.ts';
import { framework, createYearDb } from '../helpers/results-fixtures.ts';
import type { TestDb } from '../helpers/db.ts';
import { retryAtOf } from '../../src/domain/problem.ts';

/** One survey secret shared by both processes, as configuration gives them. */
const SECRET = 'counters-test-secret-0123456789abcdef';
let t: TestDb;
let s: Services;
beforeAll(async () => {
  ({ t, s } = await createYearDb());
});
afterAll(() => t.close());

const limits = {
  networkMax: 1000,
  networkWindowSeconds: 600,
  codeMax: 7,
  codeWindowSeconds: 3600,
  burstThreshold: 5,
};
/** What the guard reads of the configuration: these limits, and the survey secret. */
const config = { surveyLimits: limits, surveySecret: SECRET };
const key: AdmitKey = { fiscalYear: 2563, agencyCode: 'T-PRV', tool: 'IIT', linkCode: 'abcd2345' };
const iitAnswers = Object.fromEntries(
  answerColumns(framework, 'IIT').map((c, i) => [
    c,
    subItemOf(framework, c)!.item.scale.endsWith('_good') ? 'Y' : String((i % 4) + 1),
  ]),
);
const response = (agencyCode = key.agencyCode) => ({
  responseId: randomUUID(),
  fiscalYear: 2563,
  agencyCode,
  tool: 'IIT' as const,
  answers: iitAnswers,
  demographics: {},
  submittedOn: '2020-06-02',
});

describe('rate limits decided with the stored response', () => {
  it('admits exactly the limit out of many concurrent submissions, across two processes', async () => {
    const now = () => new Date('2026-06-01T03:00:00Z');
    // Two processes: each its own guard and its own batching response service.
    const processes = [0, 1].map(() => ({
      guard: createSurveyGuard({ db: t.db, clock: now, config }),
      responses: createResponseService({ db: t.db, clock: now, years: s.years }),
    }));
    const results = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const p = processes[i % 2]!;
        return p.responses.submit(response(), await p.guard.ticket(key, '203.0.113.9'));
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(5);
    for (const r of refused)
      if (!r.ok) {
        expect(r.error[0]!.code).toBe('rate_limited');
        expect(retryAtOf(r.error)!.getTime()).toBeGreaterThan(now().getTime());
      }
    const link = (await processes[0]!.guard.ticket(key, '203.0.113.9')).link.bucket;
    const { rows } = await sql<{ bucket: string; hits: number }>`
      select bucket, hits from survey_counters where bucket = ${link}`.execute(t.db);
    expect(rows).toEqual([{ bucket: link, hits: 12 }]);
    const stored = await sql<{ n: number }>`
      select count(*)::int as n from responses where agency_code = 'T-PRV'`.execute(t.db);
    expect(stored.rows[0]!.n).toBe(7);
  });

  it('flags one network burst, not one per submission past the threshold', async () => {
    const { rows } = await sql<{ kind: string; occurrences: number }>`
      select kind, occurrences from survey_anomalies
      where agency_code = 'T-PRV' and kind = 'network_burst'`.execute(t.db);
    expect(rows).toEqual([{ kind: 'network_burst', occurrences: 1 }]);
  });

  it('spends a single-use code once, even when two phones send it at the same moment', async () => {
    const now = () => new Date('2026-06-01T04:00:00Z');
    const guard = createSurveyGuard({ db: t.db, clock: now, config });
    await insertAccessCodes(t.db, 2563, 'T-SAO2', [hashAccessCode('k7m2p9q4')]);
    const k = { ...key, agencyCode: 'T-SAO2', linkCode: 'sao2link' };
    const results = await Promise.all(
      [0, 1, 2].map(async () =>
        s.responses.submit(response('T-SAO2'), await guard.ticket(k, '198.51.100.4', 'k7m2p9q4')),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      if (!r.ok) expect(r.error[0]!.field).toBe('access_code');
    const unknown = await s.responses.submit(
      response('T-SAO2'),
      await guard.ticket(k, '198.51.100.4', 'zzzz2222'),
    );
    expect(unknown.ok).toBe(false);
  });
});

describe('recompute marks on submission', () => {
  it('a burst of answers for one agency leaves one mark, with no time, no count and no job', async () => {
    const responses = createResponseService({ db: t.db, clock: () => new Date(), years: s.years });
    const answers = Object.fromEntries(
      answerColumns(framework, 'EIT').map((c) => [
        c,
        subItemOf(framework, c)!.item.scale.endsWith('_good') ? 'Y' : '4',
      ]),
    );
    const submitted = await Promise.all(
      Array.from({ length: 6 }, () =>
        responses.submit({
          responseId: randomUUID(),
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
    // Acknowledged once stored; the mark follows in a transaction of its own (ADR 0007).
    await responses.settled();
    const marks = await sql`select * from recompute_marks where agency_code = 'T-PAO'`.execute(
      t.db,
    );
    expect(marks.rows).toEqual([{ fiscal_year: 2563, agency_code: 'T-PAO' }]);
    const jobs = await sql`select * from jobs where key = '2563:T-PAO'`.execute(t.db);
    expect(jobs.rows).toEqual([]);
  });

  it('stores concurrent submissions together yet counts each exactly as if they came one by one', async () => {
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
    const ids = [...Array(8).keys()].map(() => randomUUID());
    const twos = [...Array(4).keys()].map(() => randomUUID());
    const results = await Promise.all([
      ...ids.map((id) => submit(id, '1')),
      submit(ids[0]!, '1'),
      submit(ids[0]!, '1'),
      ...twos.map((id) => submit(id, '2')),
    ]);
    // Every sending is acknowledged; of the three sendings of one id, whichever the server
    // took first (requests race, so not necessarily the first sent) stored it and the other two
    // say it was already there.
    expect(results.every((r) => r.ok)).toBe(true);
    const created = results.map((r) => r.ok && r.value.created);
    expect(created.filter(Boolean)).toHaveLength(12);
    expect([created[0], created[8], created[9]].filter(Boolean)).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from responses where agency_code = 'T-SAO1'
        and response_id = any(${[...ids, ...twos]})`.execute(t.db);
    expect(rows[0]!.n).toBe(12);
    await s.responses.settled();
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
