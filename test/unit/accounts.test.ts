// Accounts at the service layer: argon2id passwords, sessions and their expiry, one-time
// links, invitations, the outbox and the append-only audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { politeName } from '../../src/i18n/th/accounts.ts';

let t: TestDb;
let s: Services;
let clock = new Date('2026-11-25T03:00:00Z');
const slept: number[] = [];
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

beforeAll(async () => {
  t = await createTestDb();
  s = createServices(t.db, {
    publicUrl: 'https://itas.example',
    clock: () => clock,
    sleep: async (ms) => void slept.push(ms),
  });
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await s.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  await s.users.create(SYSTEM_CLI, {
    email: 'Somchai@Example.go.th',
    displayName: 'สมชาย ใจดี',
    grant: { role: 'agency_admin', scope: '51-PRV' },
    password: 'correct horse battery',
  });
});
afterAll(() => t.close());

const linkIn = (text: string) => /https:\/\/itas\.example\/\S+/.exec(text)?.[0] ?? '';

describe('sign-in and sessions', () => {
  it('stores an argon2id hash and a lower-case e-mail, signs in case-insensitively', async () => {
    const row = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'somchai@example.go.th')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const r = await s.auth.signIn('SOMCHAI@example.go.th', 'correct horse battery');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const signed = await s.auth.resolveSession(r.sessionToken);
    expect(signed?.actor).toMatchObject({
      kind: 'user',
      email: 'somchai@example.go.th',
      grants: [{ role: 'agency_admin', scope: '51-PRV' }],
    });
    // Only the hash of the session id is in the database.
    const sessions = await t.db.selectFrom('sessions').select('id_hash').execute();
    expect(sessions.map((x) => x.id_hash)).not.toContain(r.sessionToken);
  });

  it('renews the session at sign-in: the previous session id stops working', async () => {
    const a = await s.auth.signIn('somchai@example.go.th', 'correct horse battery');
    if (!a.ok) throw new Error('sign-in failed');
    const b = await s.auth.signIn('somchai@example.go.th', 'correct horse battery', a.sessionToken);
    if (!b.ok) throw new Error('sign-in failed');
    expect(await s.auth.resolveSession(a.sessionToken)).toBeNull();
    expect(await s.auth.resolveSession(b.sessionToken)).not.toBeNull();
  });

  it('ends a session after 2 idle hours and after 12 hours in any case', async () => {
    const r = await s.auth.signIn('somchai@example.go.th', 'correct horse battery');
    if (!r.ok) throw new Error('sign-in failed');
    for (let i = 0; i < 11; i++) {
      advance(60 * 60 * 1000);
      expect(await s.auth.resolveSession(r.sessionToken), `hour ${i + 1}`).not.toBeNull();
    }
    advance(61 * 60 * 1000);
    expect(await s.auth.resolveSession(r.sessionToken)).toBeNull();
    const idle = await s.auth.signIn('somchai@example.go.th', 'correct horse battery');
    if (!idle.ok) throw new Error('sign-in failed');
    advance(2 * 60 * 60 * 1000 + 1000);
    expect(await s.auth.resolveSession(idle.sessionToken)).toBeNull();
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const a = await s.auth.signIn('somchai@example.go.th', 'correct horse battery');
    const b = await s.auth.signIn('somchai@example.go.th', 'correct horse battery');
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    const signed = await s.auth.resolveSession(a.sessionToken);
    await s.auth.signOutEverywhere(signed!.actor);
    expect(await s.auth.resolveSession(a.sessionToken)).toBeNull();
    expect(await s.auth.resolveSession(b.sessionToken)).toBeNull();
  });
});

// Failed sign-ins and their limits: sign-in-limits.test.ts.

describe('password reset and invitations', () => {
  it('mails a single-use reset link that expires after an hour', async () => {
    await s.auth.requestPasswordReset('somchai@example.go.th');
    const [mail] = await s.mail.list(SYSTEM_CLI, 1);
    expect(mail!.to).toBe('somchai@example.go.th');
    expect(mail!.status).toBe('stored');
    const token = linkIn(mail!.text).split('/').pop()!;
    expect(await s.auth.tokenEmail(token, 'reset')).toBe('somchai@example.go.th');
    expect(await s.auth.resetPassword(token, 'a brand new passphrase')).toBe(true);
    expect(await s.auth.resetPassword(token, 'yet another passphrase')).toBe(false);
    expect((await s.auth.signIn('somchai@example.go.th', 'a brand new passphrase')).ok).toBe(true);

    await s.auth.requestPasswordReset('somchai@example.go.th');
    const late = linkIn((await s.mail.list(SYSTEM_CLI, 1))[0]!.text)
      .split('/')
      .pop()!;
    advance(61 * 60 * 1000);
    expect(await s.auth.resetPassword(late, 'too late passphrase')).toBe(false);
  });

  it('sends nothing for an unknown e-mail, and says the same', async () => {
    const before = (await s.mail.list(SYSTEM_CLI)).length;
    await s.auth.requestPasswordReset('nobody@example.go.th');
    expect((await s.mail.list(SYSTEM_CLI)).length).toBe(before);
  });

  it('greets people in Thai letters with a title, and keeps a title they typed', () => {
    expect(politeName('สมชาย ใจดี')).toBe('คุณสมชาย ใจดี');
    expect(politeName('พลอย ศรีสุข')).toBe('คุณพลอย ศรีสุข');
    expect(politeName('นางสาวสมหญิง รักดี')).toBe('นางสาวสมหญิง รักดี');
    expect(politeName('ดร.สมศักดิ์ มั่นคง')).toBe('ดร.สมศักดิ์ มั่นคง');
    expect(politeName('Jane Doe')).toBe('Jane Doe');
  });

  it('invites a person who sets the first password from the e-mailed link', async () => {
    const { user, invitationLink } = await s.users.create(SYSTEM_CLI, {
      email: 'new.officer@example.go.th',
      displayName: 'เจ้าหน้าที่ใหม่',
      grant: { role: 'province_officer', scope: 'ลำพูน' },
    });
    expect(await s.auth.signIn('new.officer@example.go.th', 'anything at all')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const [mail] = await s.mail.list(SYSTEM_CLI, 1);
    expect(linkIn(mail!.text)).toBe(invitationLink);
    expect(mail!.text).toMatch(/^เรียน คุณเจ้าหน้าที่ใหม่\n/);
    expect(mail!.text).toContain('Dear เจ้าหน้าที่ใหม่,');
    const token = invitationLink!.split('/').pop()!;
    expect(await s.auth.acceptInvitation(token, 'my first passphrase')).toBe(true);
    const r = await s.auth.signIn('new.officer@example.go.th', 'my first passphrase');
    expect(r.ok && r.user.id).toBe(user.id);
  });

  it('refuses a scope that names nothing real, and a duplicate e-mail', async () => {
    await expect(
      s.users.create(SYSTEM_CLI, {
        email: 'x@example.go.th',
        displayName: 'X',
        grant: { role: 'agency_admin', scope: 'NOPE' },
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      s.users.create(SYSTEM_CLI, {
        email: 'x@example.go.th',
        displayName: 'X',
        grant: { role: 'province_officer', scope: 'Atlantis' },
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      s.users.create(SYSTEM_CLI, {
        email: 'SOMCHAI@example.go.th',
        displayName: 'X',
        grant: { role: 'nacc_admin', scope: null },
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('a disabled account cannot sign in and its sessions end', async () => {
    const r = await s.auth.signIn('new.officer@example.go.th', 'my first passphrase');
    if (!r.ok) throw new Error('sign-in failed');
    await s.users.disableByEmail(SYSTEM_CLI, 'new.officer@example.go.th');
    expect(await s.auth.resolveSession(r.sessionToken)).toBeNull();
    expect((await s.auth.signIn('new.officer@example.go.th', 'my first passphrase')).ok).toBe(
      false,
    );
  });
});

describe('audit log', () => {
  it('records who did what to which record, before and after', async () => {
    const rows = await s.audit.list(SYSTEM_CLI, { recordType: 'user' });
    const disable = rows.find((r) => r.action === 'user.disable');
    expect(disable).toMatchObject({
      actorEmail: 'system:cli',
      before: { disabled: false },
      after: { disabled: true },
    });
    const invite = rows.find((r) => r.action === 'user.invite');
    expect(invite?.after).toMatchObject({
      email: 'new.officer@example.go.th',
      grants: [{ role: 'province_officer', scope: 'ลำพูน' }],
    });
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const before = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(t.db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const after = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(
      (await t.db.selectFrom('audit_log').select('action').where('action', '=', 'forged').execute())
        .length,
    ).toBe(0);
  });

  it('exports CSV with a BOM and filters by person and date', async () => {
    const csv = await s.audit.exportCsv(SYSTEM_CLI, { person: 'somchai' });
    expect(csv.startsWith('\uFEFFid,at,actor_user_id,actor_email')).toBe(true);
    expect(csv).toContain('session.sign_in');
    expect(csv).not.toContain('user.disable');
    const none = await s.audit.list(SYSTEM_CLI, { to: new Date('2000-01-01') });
    expect(none).toEqual([]);
  });

  it('refuses the audit log and the outbox to anyone but the NACC', async () => {
    const r = await s.auth.signIn('somchai@example.go.th', 'a brand new passphrase');
    if (!r.ok) throw new Error('sign-in failed');
    const actor = (await s.auth.resolveSession(r.sessionToken))!.actor;
    await expect(s.audit.list(actor, {})).rejects.toMatchObject({ status: 403 });
    await expect(s.mail.list(actor)).rejects.toMatchObject({ status: 403 });
    await expect(s.users.list(actor)).rejects.toMatchObject({ status: 403 });
  });
});
