// The survey API: 201, idempotent repeat, 422 per field, 409 closed, 429 with Retry-After; the
// OpenAPI document validates; the abuse tables share nothing with responses.
import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { defaultSurveyLimits } from '../../src/config-survey.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  YEAR,
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyApp,
  respondentCount,
  setSurveyWindow,
} from '../helpers/survey-fixture.ts';

let t: TestApp;
let code: string;
const CODE_MAX = 25;
beforeAll(async () => {
  // A small per-link limit so the test can reach it.
  ({ t, code } = await openSurveyApp({
    surveyLimits: { ...defaultSurveyLimits(), codeMax: CODE_MAX },
  }));
});
afterAll(async () => t?.close());

const post = (path: string, body: unknown) =>
  t.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('POST /api/v1/surveys/{code}/{tool}', () => {
  it('stores a response (201); a replay gets the same 201 with created: false and stores nothing', async () => {
    const before = await respondentCount(t.db, '51-PRV', 'EIT');
    const body = {
      response_id: randomUUID(),
      answers: fullAnswers('EIT'),
      demographics: demographicsFor('EIT'),
    };
    const first = await post(`/api/v1/surveys/${code}/eit`, body);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    expect(firstBody).toEqual({ response_id: body.response_id, created: true });
    const again = await post(`/api/v1/surveys/${code}/eit`, body);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({ response_id: body.response_id, created: false });
    expect(await respondentCount(t.db, '51-PRV', 'EIT')).toBe(before + 1);
  });

  it('sets no cookie and sends security headers with a CSP that allows nothing', async () => {
    const res = await post(`/api/v1/surveys/${code}/eit`, {
      response_id: randomUUID(),
      answers: fullAnswers('EIT'),
      demographics: demographicsFor('EIT'),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('refuses a body over 64 KB with 413, whether its length is declared or streamed', async () => {
    const big = JSON.stringify({ response_id: randomUUID(), answers: { pad: 'x'.repeat(70_000) } });
    const declared = await t.app.request(`/api/v1/surveys/${code}/eit`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('too_large');
    const bytes = new TextEncoder().encode(big);
    const streamed = await t.app.request(`/api/v1/surveys/${code}/eit`, {
      method: 'POST',
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < bytes.length; i += 8192) c.enqueue(bytes.slice(i, i + 8192));
          c.close();
        },
      }),
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 422 with a per-field list in Thai and English', async () => {
    const answers = fullAnswers('IIT');
    delete answers['I1.1'];
    answers['I2.1'] = '7';
    const res = await post(`/api/v1/surveys/${code}/iit`, {
      response_id: randomUUID(),
      answers,
      demographics: { gender: 'nonsense' },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { fields: { field: string; message: string; message_th: string }[] };
    };
    const fields = body.error.fields.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['answers.I1.1', 'answers.I2.1', 'demographics.gender']),
    );
    expect(body.error.fields[0]!.message_th).toMatch(/[ก-๙]/);
    const bad = await post(`/api/v1/surveys/${code}/iit`, {
      response_id: 'not-a-uuid',
      answers: {},
    });
    expect(bad.status).toBe(422);
  });

  it('answers 409 when the window is shut and 404 for an unknown link', async () => {
    const c = await linkCode(t.services, '51-PAO');
    await setSurveyWindow(t.services, 'iit', 'shut');
    const body = {
      response_id: randomUUID(),
      answers: fullAnswers('IIT'),
      demographics: demographicsFor('IIT'),
    };
    const res = await post(`/api/v1/surveys/${c}/iit`, body);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('closed');
    expect((await post('/api/v1/surveys/zzzzzzzz/iit', body)).status).toBe(404);
    await setSurveyWindow(t.services, 'iit', 'open');
  });

  it('answers 429 with Retry-After once the link is over its limit, and counts nothing', async () => {
    const c = await linkCode(t.services, '51-TM-01');
    let last: Response | undefined;
    for (let i = 0; i < CODE_MAX + 1; i++)
      last = await post(`/api/v1/surveys/${c}/eit`, {
        response_id: randomUUID(),
        answers: fullAnswers('EIT', () => '4'),
        demographics: demographicsFor('EIT'),
      });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await respondentCount(t.db, '51-TM-01', 'EIT')).toBe(CODE_MAX);
    // Identical answer sets and one column for everything were flagged, and nothing was deleted.
    const { anomalies } = await t.services.sampleTargets.forAgency(SYSTEM_CLI, YEAR, '51-TM-01');
    const kinds = Object.fromEntries(anomalies.map((a) => [a.kind, a.occurrences]));
    const stored = Object.fromEntries(
      (
        await t.db
          .selectFrom('survey_anomalies')
          .select(['kind', 'occurrences'])
          .where('agency_code', '=', '51-TM-01')
          .execute()
      ).map((a) => [a.kind, a.occurrences]),
    );
    expect(stored.identical_answers).toBe(CODE_MAX - 1);
    expect(stored.same_column).toBe(CODE_MAX);
    // Shown to the agency in steps of the framework's threshold (10), like its live count.
    const coarse = (n: number) => Math.floor(n / 10) * 10;
    expect(kinds.identical_answers).toBe(coarse(CODE_MAX - 1));
    expect(kinds.same_column).toBe(coarse(CODE_MAX));
  });
});

describe('the OpenAPI document', () => {
  it('is served and validates as OpenAPI 3.1', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    const result = await new Validator().validate(doc as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys((doc as { paths: object }).paths)).toContain(
      '/api/v1/surveys/{code}/{tool}',
    );
  });
});

describe('privacy of the abuse tables', () => {
  it('share no key or time column with responses and keep no address', async () => {
    const cols = async (table: string) =>
      (
        await t.db
          .selectFrom('information_schema.columns' as never)
          .select('column_name' as never)
          .where('table_name' as never, '=', table as never)
          .execute()
      ).map((r) => (r as { column_name: string }).column_name);
    const responseCols = new Set(await cols('responses'));
    for (const table of ['survey_counters', 'survey_access_codes', 'survey_fingerprints']) {
      const c = await cols(table);
      expect(c.length).toBeGreaterThan(0);
      expect(c.filter((x) => ['response_id', 'submitted_on'].includes(x))).toEqual([]);
      expect(c.filter((x) => /ip|address|agent|user|email/.test(x))).toEqual([]);
    }
    expect(responseCols.has('response_id')).toBe(true);
    // Counters keep only an HMAC of what they count (never the address, link or window).
    const buckets = await t.db.selectFrom('survey_counters').select('bucket').execute();
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) expect(b.bucket).toMatch(/^[\w-]{22}$/);
  });
});
