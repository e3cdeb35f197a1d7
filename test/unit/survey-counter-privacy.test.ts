// The abuse counters as someone holding a copy of the database sees them: their keys cannot be
// traced back to a network (or a link, or a window) by trying every prefix with anything the
// database holds, they carry nothing finer than the day, and the worker's scheduled purge (not
// traffic) deletes them once their day has ended.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thaiDay } from '../../src/domain/calendar.ts';
import { answerColumns, subItemOf } from '../../src/domain/framework/helpers.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import type { Services } from '../../src/services/container.ts';
import { counterName } from '../../src/services/survey-guard.service.ts';
import { createCounterKeys } from '../../src/services/survey-keys.ts';
import { fixedWindow } from '../../src/domain/survey-guard.ts';
import { loadSurveyLimits } from '../../src/config-survey.ts';
import { framework, createYearDb } from '../helpers/results-fixtures.ts';
import type { TestDb } from '../helpers/db.ts';

const SECRET = 'privacy-test-secret-0123456789abcdefgh';
let t: TestDb;
let s: Services;
let clock = new Date('2026-06-01T03:00:00Z');
beforeAll(async () => {
  ({ t, s } = await createYearDb({ clock: () => clock, surveySecret: SECRET }));
});
afterAll(() => t.close());

const answers = Object.fromEntries(
  answerColumns(framework, 'IIT').map((c, i) => [
    c,
    subItemOf(framework, c)!.item.scale.endsWith('_good') ? 'Y' : String((i % 4) + 1),
  ]),
);
/** One guarded IIT submission from `address`, as the survey paths send it. */
async function submitFrom(address: string, agencyCode = 'T-PRV') {
  const key = { fiscalYear: 2563, agencyCode, tool: 'IIT', linkCode: `link${agencyCode}` };
  const r = await s.responses.submit(
    {
      responseId: randomUUID(),
      fiscalYear: 2563,
      agencyCode,
      tool: 'IIT',
      answers,
      demographics: {},
      submittedOn: thaiDay(clock),
    },
    await s.surveyGuard.ticket(key, address),
  );
  expect(r.ok).toBe(true);
}

const counters = async () =>
  (
    await sql<{ bucket: string; day: string }>`
      select bucket, day::text as day from survey_counters order by bucket`.execute(t.db)
  ).rows;

/** Every text value of every table that could hold a key, as an attacker would collect them. */
async function everyStoredString(): Promise<string[]> {
  const { rows: cols } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb')
      and (table_name like 'survey%' or table_name in ('jobs', 'responses'))`.execute(t.db);
  const found = new Set<string>(['']);
  for (const c of cols) {
    const { rows } = await sql<{ v: string | null }>`select distinct ${sql.ref(
      `${c.table_name}.${c.column_name}`,
    )}::text as v from ${sql.table(c.table_name)}`.execute(t.db);
    for (const r of rows)
      if (r.v) for (const part of [r.v, ...r.v.split(/[:"{},]/)]) if (part) found.add(part);
  }
  return [...found];
}

describe('counter keys with the database alone', () => {
  it('cannot be traced back to their /24 by trying each prefix with every stored value', async () => {
    const used = ['10.20.30.5', '10.20.30.77', '10.200.1.9', '10.0.0.1'];
    for (const a of used) await submitFrom(a);
    const stored = await counters();
    // Nothing but an opaque key, the hits and the day: no network, link, agency or window.
    for (const c of stored) {
      expect(c.bucket).toMatch(/^[\w-]{22}$/);
      expect(c.day).toBe(thaiDay(clock));
    }
    const keys = new Set(stored.map((c) => c.bucket));
    // Three networks, one link and three agency × network burst counts: the keys to attack.
    expect(keys.size).toBe(7);
    const prefixes = Array.from({ length: 65_536 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const day = thaiDay(clock);
    // The attacker is even given the exact window (only the day is stored).
    const window = fixedWindow(clock, loadSurveyLimits({}).networkWindowSeconds).start;
    const name = (p: string) => counterName.network(p, window);
    // Positive control: with the secret from configuration the same search finds every network,
    // so the search below could succeed if the database held what it needs.
    const withSecret = createCounterKeys(SECRET);
    const found = prefixes.filter((p) => keys.has(withSecret.counterKey(day, name(p))));
    expect(found.sort()).toEqual(['10.0.0.0/24', '10.20.30.0/24', '10.200.1.0/24']);

    // The attack: every stored string as the salt of the old scheme, as an HMAC key, and as the
    // secret of today's scheme, over every /24 of the /16s the networks are in (an attacker who
    // even knows the office's /16; the whole 10/8 takes a minute and proves nothing more).
    const candidates = await everyStoredString();
    expect(candidates.length).toBeGreaterThan(5);
    const near = prefixes.filter((p) => /^10\.(0|20|200)\./.test(p));
    expect(near).toHaveLength(768);
    let matches = 0;
    for (const c of candidates) {
      const asRoot = createCounterKeys(c);
      for (const p of near) {
        const tries = [
          createHash('sha256').update(`${c}:${p}`).digest('base64url').slice(0, 22),
          createHmac('sha256', c).update(p).digest('base64url').slice(0, 22),
          createHmac('sha256', c).update(name(p)).digest('base64url').slice(0, 22),
          asRoot.counterKey(day, name(p)),
        ];
        if (tries.some((x) => keys.has(x))) matches++;
      }
    }
    expect(matches).toBe(0);
  }, 60_000);

  it('keeps no salt, draft or secret in the database', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_name in ('survey_salts', 'survey_drafts')`.execute(
      t.db,
    );
    expect(rows).toEqual([]); // neither the day's salt nor any draft
    expect(JSON.stringify(await everyStoredString())).not.toContain(SECRET);
  });
});

describe('expiry on a schedule', () => {
  it('the worker deletes the counters once their day has ended, with no traffic needed', async () => {
    await sql`delete from survey_counters`.execute(t.db);
    clock = new Date('2026-06-02T03:00:00Z');
    await submitFrom('192.0.2.10', 'T-SAO1');
    await submitFrom('198.51.100.20', 'T-SAO1');
    const before = await counters();
    // net ×2, burst ×2 (agency × network), code ×1
    expect(before).toHaveLength(5);

    // A worker starting later that day purges at once: the day is not over, nothing goes.
    clock = new Date('2026-06-02T16:59:00Z'); // 23:59 in Thailand
    const quiet = pino({ level: 'silent' });
    let worker = startWorker(s, quiet, { idleMs: 20 });
    await new Promise((r) => setTimeout(r, 300));
    await worker.stop();
    expect(await counters()).toEqual(before);

    // The next Thailand day, with no submission since: the worker's purge deletes them all.
    clock = new Date('2026-06-02T17:00:00Z'); // 00:00 on 3 June in Thailand
    worker = startWorker(s, quiet, { idleMs: 20 });
    for (let i = 0; i < 100 && (await counters()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    await worker.stop();
    expect(await counters()).toEqual([]);
  });

  it('a submission does not purge anything by itself', async () => {
    clock = new Date('2026-06-03T03:00:00Z');
    await submitFrom('192.0.2.10', 'T-SAO1');
    clock = new Date('2026-06-04T03:00:00Z');
    for (let i = 0; i < 3; i++) await submitFrom(`203.0.113.${i}`, 'T-SAO1');
    const old = (await counters()).filter((c) => c.day === '2026-06-03');
    expect(old).toHaveLength(3); // yesterday's wait for the worker
  });
});
