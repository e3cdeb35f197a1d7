// Sign-in limits (issue 14): per account on a network, per network and per account, counted in
// the database in one statement. Someone guessing from elsewhere never locks the owner out of a
// network they usually sign in from; 40 simultaneous guesses get at most 5 password checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { SIGN_IN_LIMITS } from '../../src/domain/account.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

let t: TestDb;
let s: Services;
let clock = new Date('2026-11-25T03:00:00Z');
const slept: number[] = [];
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const PASSWORD = 'correct horse battery';
const OFFICE = '198.51.100.20';

async function account(email: string) {
  await s.users.create(SYSTEM_CLI, {
    email,
    displayName: email.split('@')[0]!,
    grant: { role: 'nacc_admin', scope: null },
    password: PASSWORD,
  });
}
const outcome = (r: Awaited<ReturnType<Services['auth']['signIn']>>) => (r.ok ? 'ok' : r.reason);

beforeAll(async () => {
  t = await createTestDb();
  s = createServices(t.db, {
    clock: () => clock,
    sleep: async (ms) => void slept.push(ms),
    secretKey: 'a test key that is long enough to be a key',
  });
});
afterAll(() => t.close());

describe('one account from one network', () => {
  it('checks five passwords, slowing from the third, then waits out the window', async () => {
    await account('somchai@example.go.th');
    slept.length = 0;
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(
        await s.auth.signIn('somchai@example.go.th', 'wrong password!', undefined, OFFICE),
      );
    expect(results.map(outcome)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(slept).toEqual([1000, 2000, 3000]);
    // The sixth attempt is not checked at all: even the right password waits.
    const sixth = await s.auth.signIn('somchai@example.go.th', PASSWORD, undefined, OFFICE);
    expect(sixth).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 15 * 60 });
    advance(14 * 60 * 1000);
    const later = await s.auth.signIn('somchai@example.go.th', PASSWORD, undefined, OFFICE);
    expect(later).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 60 });
    advance(60 * 1000);
    expect(outcome(await s.auth.signIn('somchai@example.go.th', PASSWORD, undefined, OFFICE))).toBe(
      'ok',
    );
    // The NACC can see in the log that the account was being guessed (once per window).
    const log = await s.audit.list(SYSTEM_CLI, { recordType: 'user' });
    expect(log.filter((e) => e.action === 'user.sign_in_limited')).toHaveLength(1);
  });

  it('treats an unknown e-mail exactly like a known one', async () => {
    const results = [];
    for (let i = 0; i < 7; i++)
      results.push(
        await s.auth.signIn('nobody@example.go.th', 'wrong password!', undefined, OFFICE),
      );
    expect(results.map(outcome)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'locked',
      'locked',
    ]);
  });

  it('checks at most five of 40 simultaneous guesses', async () => {
    await account('target@example.go.th');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        s.auth.signIn('target@example.go.th', `wrong password ${i}`, undefined, '10.40.0.1'),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(checked).toBe(SIGN_IN_LIMITS.accountOnNetwork);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(35);
  });
});

describe('the owner is never locked out of their usual place', () => {
  it('keeps the NACC admin signing in at the office while someone guesses from elsewhere', async () => {
    await account('admin@nacc.go.th');
    expect(outcome(await s.auth.signIn('admin@nacc.go.th', PASSWORD, undefined, OFFICE))).toBe(
      'ok',
    );
    // One attacker on one network: locked after five, whatever they send.
    const attacker = [];
    for (let i = 0; i < 8; i++)
      attacker.push(await s.auth.signIn('admin@nacc.go.th', 'guess', undefined, '10.66.0.1'));
    expect(attacker.filter((r) => outcome(r) === 'locked')).toHaveLength(3);
    // Many networks (a botnet), one guess each: the account-wide limit is reached...
    for (let i = 1; i <= SIGN_IN_LIMITS.account; i++)
      await s.auth.signIn('admin@nacc.go.th', 'guess', undefined, `192.0.${i}.9`);
    // ... so a network the account never used is refused, even with the right password,
    const stranger = await s.auth.signIn('admin@nacc.go.th', PASSWORD, undefined, '100.64.7.1');
    expect(outcome(stranger)).toBe('locked');
    // while the owner at the office (any address in its /24) signs in as always.
    const owner = await s.auth.signIn('admin@nacc.go.th', PASSWORD, undefined, '198.51.100.77');
    expect(outcome(owner)).toBe('ok');
  });

  it('limits guessing across many accounts from one network', async () => {
    const net = '10.200.0.1';
    const results = [];
    for (let i = 0; i < SIGN_IN_LIMITS.network + 2; i++)
      results.push(await s.auth.signIn(`person${i}@example.go.th`, 'guess', undefined, net));
    expect(results.slice(0, SIGN_IN_LIMITS.network).every((r) => outcome(r) === 'invalid')).toBe(
      true,
    );
    expect(results.slice(SIGN_IN_LIMITS.network).map(outcome)).toEqual(['locked', 'locked']);
    // The same accounts from another network are still checked.
    expect(outcome(await s.auth.signIn('person0@example.go.th', 'guess', undefined, OFFICE))).toBe(
      'invalid',
    );
  });

  it('lets an office of people signing in correctly through one address', async () => {
    const office = '198.18.0.10';
    for (let i = 0; i < SIGN_IN_LIMITS.network + 10; i++) {
      const email = `staff${i}@office.go.th`;
      await account(email);
      expect(outcome(await s.auth.signIn(email, PASSWORD, undefined, office))).toBe('ok');
    }
  });
});

describe('the counters', () => {
  it('are shared by every app process and keep no e-mail or address in the clear', async () => {
    const other = createServices(t.db, {
      clock: () => clock,
      sleep: async () => {},
      secretKey: 'a test key that is long enough to be a key',
    });
    // Five guesses at one account from one network, split between two processes.
    for (let i = 0; i < 3; i++)
      await s.auth.signIn('shared@example.go.th', 'guess', undefined, '10.5.0.5');
    for (let i = 0; i < 2; i++)
      await other.auth.signIn('shared@example.go.th', 'guess', undefined, '10.5.0.6');
    const sixth = await s.auth.signIn('shared@example.go.th', 'guess', undefined, '10.5.0.7');
    expect(outcome(sixth)).toBe('locked');
    const rows = await t.db.selectFrom('sign_in_limits').select('key').execute();
    const all = rows.map((r) => r.key).join(' ');
    expect(all).not.toMatch(/example|10\.5\.|198\.51|@/);
  });

  it('answers 429 with Retry-After and the message in Thai or English', async () => {
    const app = createApp({ services: s, log: pino({ level: 'silent' }) });
    const csrf = 'c'.repeat(43);
    const post = (lang: string) =>
      app.request('/sign-in', {
        method: 'POST',
        headers: {
          cookie: `itas_csrf=${csrf}; lang=${lang}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          _csrf: csrf,
          email: 'http-guess@example.go.th',
          password: 'a wrong password',
        }).toString(),
      });
    for (let i = 0; i < 5; i++) expect((await post('th')).status).toBe(401);
    const th = await post('th');
    expect(th.status).toBe(429);
    expect(Number(th.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await th.text()).toContain('มีการลองเข้าสู่ระบบหลายครั้งเกินไป');
    const en = await post('en');
    expect(en.status).toBe(429);
    expect(await en.text()).toContain('too many attempts to sign in');
  });
});
