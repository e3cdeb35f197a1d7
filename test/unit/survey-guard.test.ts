// Abuse resistance: network prefixes, the office-after-a-meeting case (200 people, one network,
// ten minutes) gets through on the defaults, a flood does not, and network keys change daily.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSurveyLimits } from '../../src/config-survey.ts';
import { networkPrefix } from '../../src/domain/survey-guard.ts';
import { answerColumns, subItemOf } from '../../src/domain/framework/helpers.ts';
import type { Services } from '../../src/services/container.ts';
import {
  createSurveyGuard,
  type AdmitKey,
  type SurveyGuard,
} from '../../src/services/survey-guard.service.ts';
import { framework, createYearDb } from '../helpers/results-fixtures.ts';
import type { TestDb } from '../helpers/db.ts';
import { retryAtOf } from '../../src/domain/problem.ts';

const SECRET = 'guard-test-secret-0123456789abcdefghij';
let t: TestDb;
let s: Services;
beforeAll(async () => {
  ({ t, s } = await createYearDb());
});

const answers = Object.fromEntries(
  answerColumns(framework, 'IIT').map((c, i) => [
    c,
    subItemOf(framework, c)!.item.scale.endsWith('_good') ? 'N' : String((i % 4) + 1),
  ]),
);
/** One IIT response from a phone on `address`, through the guard as the survey path sends it. */
async function answer(guard: SurveyGuard, key: AdmitKey, address: string) {
  const r = await s.responses.submit(
    {
      responseId: randomUUID(),
      fiscalYear: key.fiscalYear,
      agencyCode: key.agencyCode,
      tool: 'IIT',
      answers,
      demographics: {},
      submittedOn: '2020-06-02',
    },
    await guard.ticket(key, address),
  );
  return r.ok ? { ok: true } : { ok: false, retryAt: retryAtOf(r.error) };
}
afterAll(async () => t?.close());

describe('networkPrefix', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['', 'unknown'],
    ['garbage', 'unknown'],
  ])('%s → %s', (ip, prefix) => expect(networkPrefix(ip)).toBe(prefix));
});

describe('rate limits with the default configuration', () => {
  it('lets 200 people from one office network answer within ten minutes, then stops a flood', async () => {
    let clock = new Date('2026-04-02T03:00:00Z');
    const limits = loadSurveyLimits({});
    const guard = createSurveyGuard({
      db: t.db,
      clock: () => clock,
      config: { surveyLimits: limits, surveySecret: SECRET },
    });
    const key = { fiscalYear: 2563, agencyCode: 'T-SAO1', tool: 'IIT', linkCode: 'abcdefghjk' };
    for (let i = 0; i < 200; i++) {
      clock = new Date(clock.getTime() + 2_900); // 200 people over ~9.7 minutes
      const r = await answer(guard, key, `10.1.2.${i % 250}`);
      expect(r.ok).toBe(true);
    }
    // A script hammering from one network is refused within the same window, with a wait time.
    let refused: { ok: boolean; retryAt?: Date | undefined } = { ok: true };
    for (let i = 0; i < limits.networkMax && refused.ok; i++)
      refused = await answer(guard, key, '10.1.2.3');
    expect(refused.ok).toBe(false);
    expect(refused.retryAt!.getTime()).toBeGreaterThan(clock.getTime());
    // Another network is unaffected.
    expect((await answer(guard, key, '192.0.2.1')).ok).toBe(true);
    // A burst from one network was flagged for the agency (counted, nothing deleted).
    const flags = await t.db.selectFrom('survey_anomalies').selectAll().execute();
    expect(flags.find((f) => f.kind === 'network_burst')?.occurrences).toBeGreaterThan(0);
  });
});

describe('network keys', () => {
  const key = { fiscalYear: 2563, agencyCode: 'T-SAO2', tool: 'IIT', linkCode: 'bcdefghjkm' };
  it('are the same for one network within a window, and change with the window, the day and the secret', async () => {
    let clock = new Date('2026-04-02T03:00:00Z');
    const guard = createSurveyGuard({
      db: t.db,
      clock: () => clock,
      config: { surveyLimits: loadSurveyLimits({}), surveySecret: SECRET },
    });
    const a = (await guard.ticket(key, '10.9.9.9')).network.bucket;
    expect(a).toMatch(/^[\w-]{22}$/);
    expect((await guard.ticket(key, '10.9.9.200')).network.bucket).toBe(a);
    expect((await guard.ticket(key, '10.9.8.9')).network.bucket).not.toBe(a);
    clock = new Date('2026-04-02T03:09:59Z');
    expect((await guard.ticket(key, '10.9.9.9')).network.bucket).toBe(a);
    clock = new Date('2026-04-02T03:10:00Z'); // the next ten-minute window
    expect((await guard.ticket(key, '10.9.9.9')).network.bucket).not.toBe(a);
    clock = new Date('2026-04-03T03:00:00Z');
    expect((await guard.ticket(key, '10.9.9.9')).network.bucket).not.toBe(a);
    clock = new Date('2026-04-02T03:00:00Z');
    const other = createSurveyGuard({
      db: t.db,
      clock: () => clock,
      config: { surveyLimits: loadSurveyLimits({}), surveySecret: `${SECRET}-other` },
    });
    expect((await other.ticket(key, '10.9.9.9')).network.bucket).not.toBe(a);
    expect((await guard.ticket(key, '10.9.9.9')).network.bucket).toBe(a);
  });
});
