// Abuse resistance: network prefixes, the office-after-a-meeting case (200 people, one network,
// ten minutes) gets through on the defaults, a flood does not, and the salt rotates daily.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSurveyLimits } from '../../src/config.ts';
import { networkPrefix } from '../../src/domain/survey-guard.ts';
import { createSurveyGuard } from '../../src/services/survey-guard.service.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
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
    const guard = createSurveyGuard(t.db, limits, () => clock);
    const key = { fiscalYear: 2569, agencyCode: 'A', tool: 'IIT', linkCode: 'abcdefghjk' };
    for (let i = 0; i < 200; i++) {
      clock = new Date(clock.getTime() + 2_900); // 200 people over ~9.7 minutes
      const r = await guard.admit(key, `10.1.2.${i % 250}`);
      expect(r.ok).toBe(true);
    }
    // A script hammering from one network is refused within the same window, with a wait time.
    let refused: { ok: boolean; retryAfterSeconds?: number } = { ok: true };
    for (let i = 0; i < limits.networkMax && refused.ok; i++)
      refused = await guard.admit(key, '10.1.2.3');
    expect(refused.ok).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another network is unaffected.
    expect((await guard.admit(key, '192.0.2.1')).ok).toBe(true);
    // A burst from one network was flagged for the agency (counted, nothing deleted).
    const flags = await t.db.selectFrom('survey_anomalies').selectAll().execute();
    expect(flags.find((f) => f.kind === 'network_burst')?.occurrences).toBeGreaterThan(0);
  });

  it('keeps only today’s salt', async () => {
    let clock = new Date('2026-04-02T03:00:00Z');
    const guard = createSurveyGuard(t.db, loadSurveyLimits({}), () => clock);
    const key = { fiscalYear: 2569, agencyCode: 'B', tool: 'EIT', linkCode: 'bcdefghjkm' };
    await guard.admit(key, '10.9.9.9');
    clock = new Date('2026-04-03T03:00:00Z');
    await guard.admit(key, '10.9.9.9');
    const salts = await t.db.selectFrom('survey_salts').select('day').execute();
    expect(salts.map((s) => s.day)).toEqual(['2026-04-03']);
  });
});
