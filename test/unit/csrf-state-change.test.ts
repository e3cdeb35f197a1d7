// A forged or missing CSRF token is refused with 403 and nothing changes; sign-in rotates the
// token so one planted before sign-in is useless afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
