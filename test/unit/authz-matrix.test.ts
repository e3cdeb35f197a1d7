// Walks every route registered on the app, for every role and signed out, and checks the outcome
// against test/unit/authz-matrix.data.ts: allowed, 403, or sent to sign in. A route without an
// entry fails the first test, by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { thaiDay } from '../../src/domain/calendar.ts';
import { answerColumns, subItemOf } from '../../src/domain/framework/helpers.ts';
import { getFramework } from '../../src/domain/framework/index.ts';
import { registerRecomputeJob } from '../../src/jobs/recompute.job.ts';
import { recomputeMarked, runDueJobs } from '../../src/jobs/worker.ts';
import { createApp } from '../../src/http/app.tsx';
import type { Services } from '../../src/services/container.ts';
import { createTestApp } from '../helpers/app.ts';
import { markPublished } from '../helpers/publish.ts';
import { loadResultsFixture } from '../helpers/results-fixture.ts';
import {
  EVERYONE,
  FORM,
  clientFor,
  createAccount,
  createStandardAccounts,
  type Who,
} from '../helpers/sessions.ts';
import {
  AUTHZ_MATRIX,
  SIGN_IN_EMAIL,
  SIGN_IN_PASSWORD,
  type Fixtures,
  type Outcome,
} from './authz-matrix.data.ts';

// The routes are known without a database: list them from an app built over no services.
const routeKeys = [
  ...new Set(
    createApp({ services: {} as Services, log: pino({ level: 'silent' }) })
      .routes.filter((r) => r.method !== 'ALL') // app.use() middleware, not endpoints
      .map((r) => `${r.method} ${r.path}`),
  ),
].sort();

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: Awaited<ReturnType<typeof createStandardAccounts>>;
let fixtures: Fixtures;

/** Responses that answer "3" (or yes) to everything, for one agency and tool. */
function responsesCsv(agency: string, n: number): string {
  const fw = getFramework('ita-2563')!;
  const iit = answerColumns(fw, 'IIT');
  const eit = answerColumns(fw, 'EIT');
  const value = (c: string) => (subItemOf(fw, c)?.item.scale.includes('good') ? 'Y' : '3');
  const rows = Array.from({ length: n }, () =>
    [randomUUID(), agency, 'IIT', '', ...iit.map(value), ...eit.map(() => '')].join(','),
  );
  return [
    ['response_id', 'agency_code', 'tool', 'submitted_on', ...iit, ...eit].join(','),
    ...rows,
  ].join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  ids = await createStandardAccounts(t.services);
  // A year of results, published: the results pages, downloads and API answer 200 to everyone.
  await loadResultsFixture(t.services, t.db);
  await markPublished(t.db, 2563, 'ประกาศผล 2563');
  // The year at work: every OIT and survey window open; 51-PAO (the auditor's) has submitted.
  await t.services.years.create(SYSTEM_CLI, 2564, 'ita-2563');
  const day = (d: number) => thaiDay(new Date(Date.now() + d * 86_400_000));
  for (const phase of ['oit-entry', 'oit-review', 'clarification', 'confirmation', 'iit', 'eit'])
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: 2564,
      phase,
      opensOn: day(-7),
      closesOn: day(60),
    });
  await t.services.oit.saveItem(SYSTEM_CLI, 2564, '51-PAO', 'O1', {
    answer: 'has',
    urls: 'https://51pao.demo.example/ita/o1',
    note: '',
  });
  await t.services.oit.submit(SYSTEM_CLI, 2564, '51-PAO');
  // A year ready to publish: surveys closed, publication begun, 51-PRV answered, confirmed and
  // scored, every other agency but 51-TM-01 an OIT exception (the matrix's NACC adds 51-TM-01's).
  await t.services.years.create(SYSTEM_CLI, 2565, 'ita-2563');
  for (const [phase, from, to] of [
    ['iit', -60, -30],
    ['eit', -60, -30],
    ['publication', -1, 30],
  ] as const)
    await t.services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: 2565,
      phase,
      opensOn: day(from),
      closesOn: day(to),
    });
  await t.services.imports.importResponses(SYSTEM_CLI, 2565, 'r.csv', responsesCsv('51-PRV', 3));
  const oit = getFramework('ita-2563')!.oitItems.map((i) => `51-PRV,${i.code},has,,,100,`);
  await t.services.imports.importOit(
    SYSTEM_CLI,
    2565,
    'o.csv',
    ['agency_code,item,answer,url,note,score,comment', ...oit].join('\n'),
  );
  registerRecomputeJob();
  const quiet = pino({ level: 'silent' });
  while ((await recomputeMarked(t.services, quiet)) + (await runDueJobs(t.services, quiet)) > 0);
  await t.services.results.computeYear(2565);
  for (const a of await t.services.agencies.listAll({}))
    if (a.code !== '51-PRV' && a.code !== '51-TM-01')
      await t.services.publication.addException(SYSTEM_CLI, 2565, a.code, 'matrix');
  // An exception for the confirmed 51-PRV (the service would refuse one): the one the matrix's
  // NACC removes, leaving the year ready.
  await t.db
    .insertInto('publication_oit_exceptions')
    .values({ fiscal_year: 2565, agency_code: '51-PRV', reason: 'matrix', recorded_by: 'test' })
    .execute();
  await t.services.users.create(SYSTEM_CLI, {
    email: SIGN_IN_EMAIL,
    displayName: 'Matrix sign-in',
    grant: { role: 'auditor', scope: '51-PAO' },
    password: SIGN_IN_PASSWORD,
  });
  const targetUserId = await createAccount(t.services, 'target@test.example', [
    { role: 'province_officer', scope: 'ลำพูน' },
    { role: 'agency_admin', scope: '51-SM-02' },
  ]);
  await t.services.auth.requestPasswordReset('target@test.example');
  const [mail] = await t.services.mail.list(SYSTEM_CLI, 1);
  fixtures = { targetUserId, outboxId: mail!.id };
});
afterAll(() => t.close());

function outcomeOf(r: Response, alsoAllowed: number[]): Outcome | `status ${number}` {
  const location = r.headers.get('location') ?? '';
  if (r.status >= 300 && r.status < 400 && location.startsWith('/sign-in?next=')) return 'sign-in';
  if (r.status === 403) return 'forbid';
  if (r.status < 400 || alsoAllowed.includes(r.status)) return 'allow';
  return `status ${r.status}`;
}

describe('authorisation matrix', () => {
  it('has an entry for every route', () => {
    const missing = routeKeys.filter((k) => !AUTHZ_MATRIX[k]);
    expect(
      missing,
      `These routes have no entry in test/unit/authz-matrix.data.ts; add one saying what each role gets:\n  ${missing.join('\n  ')}\n`,
    ).toEqual([]);
  });

  it('has no entry for a route that no longer exists', () => {
    expect(Object.keys(AUTHZ_MATRIX).filter((k) => !routeKeys.includes(k))).toEqual([]);
  });

  const covered = routeKeys.filter((k) => AUTHZ_MATRIX[k]);
  it.each(covered)('%s', async (key) => {
    const entry = AUTHZ_MATRIX[key]!;
    const method = key.split(' ')[0]!;
    const path = typeof entry.path === 'function' ? entry.path(fixtures) : entry.path;
    const got: Record<string, string> = {};
    // The NACC last, so its state changes (disable, remove a role) come after the refusals.
    for (const who of [...EVERYONE.filter((w) => w !== 'nacc_admin'), 'nacc_admin'] as Who[]) {
      const c = await clientFor(t.services, who === 'anonymous' ? null : ids[who]);
      const init: RequestInit =
        method === 'GET'
          ? { headers: c.headers() }
          : { method, headers: c.headers(FORM), body: c.form(entry.form ?? {}) };
      const r = await t.app.request(path, init);
      got[who] = outcomeOf(r, entry.alsoAllowed ?? []);
    }
    expect(got, `${key} (${path})`).toEqual(entry.expect);
  });
});
