// A forged or missing CSRF token is refused with 403 and nothing changes; the token is bound to
// the session, so one from another session or from before sign-in is useless; cookies are
// Secure whenever PUBLIC_URL is https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createApp } from '../../src/http/app.tsx';
import { createServices } from '../../src/services/container.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/app.ts';
import { FORM, TEST_PASSWORD, clientFor, createStandardAccounts } from '../helpers/sessions.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let ids: Awaited<ReturnType<typeof createStandardAccounts>>;

beforeAll(async () => {
  t = await createTestApp();
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  ids = await createStandardAccounts(t.services);
});
afterAll(() => t.close());

const invite = { email: 'csrf-victim@test.example', name: 'เหยื่อ', role: 'nacc_admin', scope: '' };
const counts = async () => ({
  users: (await t.services.users.list(SYSTEM_CLI)).length,
  mails: (await t.services.mail.list(SYSTEM_CLI)).length,
  audit: (await t.services.audit.list(SYSTEM_CLI, {})).length,
});

describe('CSRF on a real state change (inviting a NACC administrator)', () => {
  it('refuses a forged token and a missing one with 403; nothing changes', async () => {
    const before = await counts();
    const c = await clientFor(t.services, ids.nacc_admin);
    const forged = await t.app.request('/admin/users/invite', {
      method: 'POST',
      headers: c.headers(FORM),
      body: new URLSearchParams({ ...invite, _csrf: 'A'.repeat(43) }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('CSRF');
    const missing = await t.app.request('/admin/users/invite', {
      method: 'POST',
      headers: c.headers(FORM),
      body: new URLSearchParams(invite).toString(),
    });
    expect(missing.status).toBe(403);
    // A cross-site page has the session cookie sent along but cannot read the CSRF cookie.
    const noCookie = await t.app.request('/admin/users/invite', {
      method: 'POST',
      headers: { cookie: c.cookie.replace(/itas_csrf=[^;]+; /, ''), ...FORM },
      body: new URLSearchParams({ ...invite, _csrf: c.csrf }).toString(),
    });
    expect(noCookie.status).toBe(403);
    expect(await counts()).toEqual(before);
    expect(await t.services.users.list(SYSTEM_CLI)).not.toContainEqual(
      expect.objectContaining({ email: invite.email }),
    );
  });

  it('accepts the same request with the right token', async () => {
    const c = await clientFor(t.services, ids.nacc_admin);
    const r = await t.app.request('/admin/users/invite', {
      method: 'POST',
      headers: c.headers(FORM),
      body: c.form(invite),
    });
    expect(r.status).toBe(303);
    expect(await t.services.users.list(SYSTEM_CLI)).toContainEqual(
      expect.objectContaining({ email: invite.email }),
    );
  });

  it('gives a new CSRF token and a new HttpOnly, SameSite=Lax session cookie at sign-in', async () => {
    const c = await clientFor(t.services, null);
    const r = await t.app.request('/sign-in', {
      method: 'POST',
      headers: c.headers(FORM),
      body: c.form({ email: 'agency-admin@test.example', password: TEST_PASSWORD }),
    });
    expect(r.status).toBe(303);
    const cookies = r.headers.getSetCookie();
    const session = cookies.find((x) => x.startsWith('itas_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    const csrf = cookies.find((x) => x.startsWith('itas_csrf='))!;
    expect(csrf.split(';')[0]).not.toBe(`itas_csrf=${c.csrf}`);
    // Over https the cookie is Secure.
    const s = await t.app.request('https://itas.example/sign-in', {
      method: 'POST',
      headers: c.headers(FORM),
      body: c.form({ email: 'agency-admin@test.example', password: TEST_PASSWORD }),
    });
    expect(s.headers.getSetCookie().find((x) => x.startsWith('itas_session='))).toMatch(/Secure/);
  });
});

describe('CSRF tokens belong to one session', () => {
  const tryInvite = (cookie: string, token: string, email: string) =>
    t.app.request('/admin/users/invite', {
      method: 'POST',
      headers: { cookie, ...FORM },
      body: new URLSearchParams({ ...invite, email, _csrf: token }).toString(),
    });

  it("refuses session A's token in session B, even for the same person", async () => {
    const a = await clientFor(t.services, ids.nacc_admin);
    const b = await clientFor(t.services, ids.nacc_admin);
    // B's browser with B's cookies, but the token A's page carried (same CSRF cookie value too).
    const bWithA = b.cookie.replace(/itas_csrf=[^;]+/, `itas_csrf=${a.csrfCookie}`);
    expect((await tryInvite(bWithA, a.csrf, 'bound-1@test.example')).status).toBe(403);
    expect((await tryInvite(b.cookie, a.csrf, 'bound-2@test.example')).status).toBe(403);
    expect((await tryInvite(b.cookie, b.csrf, 'bound-3@test.example')).status).toBe(303);
    const emails = (await t.services.users.list(SYSTEM_CLI)).map((u) => u.email);
    expect(emails).not.toContain('bound-1@test.example');
    expect(emails).not.toContain('bound-2@test.example');
    expect(emails).toContain('bound-3@test.example');
  });

  it('refuses a signed-out token once signed in, and the page after sign-in carries a new one', async () => {
    const anon = await clientFor(t.services, null);
    const r = await t.app.request('/sign-in', {
      method: 'POST',
      headers: anon.headers(FORM),
      body: anon.form({ email: 'nacc-admin@test.example', password: TEST_PASSWORD }),
    });
    expect(r.status).toBe(303);
    const set = r.headers.getSetCookie().map((x) => x.split(';')[0]!);
    const session = set.find((x) => x.startsWith('itas_session='))!;
    const csrfCookie = set.find((x) => x.startsWith('itas_csrf='))!;
    // The token planted or read before sign-in, with the old or the new CSRF cookie: refused.
    const old = `${session}; itas_csrf=${anon.csrfCookie}`;
    expect((await tryInvite(old, anon.csrf, 'fixed-1@test.example')).status).toBe(403);
    const fresh = `${session}; ${csrfCookie}`;
    expect((await tryInvite(fresh, anon.csrf, 'fixed-2@test.example')).status).toBe(403);
    // The token on a page rendered in the new session works.
    const page = await t.app.request('/admin/users', { headers: { cookie: fresh } });
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    expect(token).not.toBe(anon.csrf);
    expect((await tryInvite(fresh, token, 'fixed-3@test.example')).status).toBe(303);
  });
});

describe('Secure cookies follow PUBLIC_URL', () => {
  const cookiesOf = async (publicUrl: string) => {
    const app = createApp({
      services: createServices(t.db, { publicUrl }),
      log: pino({ level: 'silent' }),
    });
    const c = await clientFor(t.services, null);
    // Behind a TLS proxy the app itself is reached over plain http.
    const signIn = await app.request('http://10.0.0.5:3000/sign-in', {
      method: 'POST',
      headers: c.headers(FORM),
      body: c.form({ email: 'auditor@test.example', password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(303);
    const lang = await app.request('http://10.0.0.5:3000/lang/en?next=/');
    const home = await app.request('http://10.0.0.5:3000/');
    return [
      ...signIn.headers.getSetCookie(),
      ...lang.headers.getSetCookie(),
      ...home.headers.getSetCookie(),
    ];
  };

  it('marks the session, CSRF and language cookies Secure when PUBLIC_URL is https', async () => {
    const cookies = await cookiesOf('https://itas.nacc.go.th');
    for (const name of ['itas_session', 'itas_csrf', 'lang'])
      expect(cookies.filter((x) => x.startsWith(`${name}=`)).length, name).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
  });

  it('leaves them without Secure when PUBLIC_URL is plain http (development)', async () => {
    const cookies = await cookiesOf('http://localhost:3000');
    expect(cookies.length).toBeGreaterThanOrEqual(4);
    for (const cookie of cookies) expect(cookie).not.toMatch(/Secure/);
  });
});
