// The abuse counters as someone holding a copy of the database sees them: their network keys
// cannot be traced back to a network by trying every prefix with anything the database holds,
// and the scheduled purge job (not traffic) deletes them once their window has ended.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thaiDay } from '../../src/domain/calendar.ts';
import { answerColumns, subItemOf } from '../../src/domain/framework/helpers.ts';
import { runDueJobs, registerBuiltInJobs } from '../../src/jobs/worker.ts';
import { scheduleSurveyPurge } from '../../src/jobs/survey-purge.job.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createNetworkKeys } from '../../src/services/survey-keys.ts';
import { framework, setUpYear } from '../helpers/results-fixtures.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const SECRET = 'privacy-test-secret-0123456789abcdefgh';
const log = pino({ level: 'silent' });
let t: TestDb;
let s: Services;
let clock = new Date('2026-06-01T03:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
  s = createServices(t.db, { now: () => clock, surveySecret: SECRET });
  await setUpYear(s);
  registerBuiltInJobs();
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
    await sql<{ bucket: string }>`select bucket from survey_counters order by bucket`.execute(t.db)
  ).rows.map((r) => r.bucket);

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

describe('network keys with the database alone', () => {
  it('cannot be traced back to their /24 by trying each prefix with every stored value', async () => {
    const used = ['10.20.30.5', '10.20.30.77', '10.200.1.9', '10.0.0.1'];
    for (const a of used) await submitFrom(a);
    const keys = new Set(
      (await counters()).flatMap((b) => {
        const m = /^(?:net:|burst:[^:]+:)(.+)$/.exec(b);
        return m ? [m[1]!] : [];
      }),
    );
    expect(keys.size).toBe(3); // three /24s: the keys are there to attack
    const prefixes = Array.from({ length: 65_536 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const day = thaiDay(clock);
    // Positive control: with the secret from configuration the same search finds every network,
    // so the search below could succeed if the database held what it needs.
    const withSecret = createNetworkKeys(SECRET);
    const found = prefixes.filter((p) => keys.has(withSecret.networkKey(day, p)));
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
      const asRoot = createNetworkKeys(c);
      for (const p of near) {
        const tries = [
          createHash('sha256').update(`${c}:${p}`).digest('base64url').slice(0, 22),
          createHmac('sha256', c).update(p).digest('base64url').slice(0, 22),
          asRoot.networkKey(day, p),
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
  it('the purge job deletes counters once their window has ended, with no traffic needed', async () => {
    await sql`delete from survey_counters`.execute(t.db);
    clock = new Date('2026-06-02T03:00:00Z');
    await submitFrom('192.0.2.10', 'T-SAO1');
    await submitFrom('198.51.100.20', 'T-SAO1');
    const before = await counters();
    // net ×2, burst ×2 (agency × network), code ×1
    expect(before.filter((b) => b.startsWith('burst:T-SAO1:'))).toHaveLength(2);
    expect(before).toHaveLength(5);

    // The job runs while the windows are open: nothing goes.
    await scheduleSurveyPurge(s);
    expect(await runDueJobs(s, log)).toBeGreaterThan(0);
    expect(await counters()).toEqual(before);
    // It scheduled its next run itself, about a minute later.
    const next = await sql<{ secs: number }>`
      select extract(epoch from run_after - now())::float8 as secs from jobs
      where kind = 'survey-purge' and locked_until is null`.execute(t.db);
    expect(next.rows).toHaveLength(1);
    expect(next.rows[0]!.secs).toBeGreaterThan(30);
    expect(next.rows[0]!.secs).toBeLessThanOrEqual(60);

    // Ten minutes later (the windows' end) and no submission since: the next run deletes them.
    clock = new Date('2026-06-02T03:10:00Z');
    await sql`update jobs set run_after = now() where kind = 'survey-purge'`.execute(t.db);
    expect(await runDueJobs(s, log)).toBeGreaterThan(0);
    expect(await counters()).toEqual([]);
  });

  it('a submission does not purge anything by itself', async () => {
    clock = new Date('2026-06-03T03:00:00Z');
    await submitFrom('192.0.2.10', 'T-SAO1');
    clock = new Date('2026-06-03T04:00:00Z');
    for (let i = 0; i < 3; i++) await submitFrom(`203.0.113.${i}`, 'T-SAO1');
    const expired = await sql<{ n: number }>`
      select count(*)::int as n from survey_counters where expires_at <= ${clock}`.execute(t.db);
    expect(expired.rows[0]!.n).toBe(3); // the 03:00 window's counters wait for the job
  });
});
