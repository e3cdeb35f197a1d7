// Walks every route registered on the app, for every role and signed out, and checks the outcome
// against test/unit/authz-matrix.data.ts: allowed, 403, or sent to sign in. A route without an
// entry fails the first test, by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createApp } from '../../src/http/app.tsx';
import type { Services } from '../../src/services/container.ts';
import { createTestApp } from '../helpers/app.ts';
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

beforeAll(async () => {
  t = await createTestApp();
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  ids = await createStandardAccounts(t.services);
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
