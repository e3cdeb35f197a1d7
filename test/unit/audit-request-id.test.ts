// Every audit entry written while serving an HTTP request names that request (X-Request-Id),
// carried on the request's actor (ADR 0029): signing in, a change made while signed in, signing
// out everywhere, a reset link, a locked-out sign-in; the CLI's entries name none.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { csrfTokenFor } from '../../src/http/csrf.ts';
import { createTestApp } from '../helpers/app.ts';
import { FORM, TEST_PASSWORD, clientFor, createAccount } from '../helpers/sessions.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let userId: string;
const EMAIL = 'somying@test.example';

beforeAll(async () => {
  t = await createTestApp({ sleep: async () => {} });
  const csv = readFileSync('src/demo/data/lamphun-agencies.csv', 'utf8');
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  userId = await createAccount(t.services, EMAIL, [{ role: 'agency_admin', scope: '51-PRV' }]);
});
afterAll(async () => t?.close());

const entries = (action: string) =>
  t.services.audit
    .list(SYSTEM_CLI, { recordId: action.startsWith('agency.') ? '51-PRV' : userId })
    .then((rows) => rows.filter((r) => r.action === action));

/** A signed-out browser's form post (its CSRF cookie and token), with the given request id. */
async function postSignedOut(path: string, fields: Record<string, string>, requestId: string) {
  const anon = await clientFor(t.services, null);
  return t.app.request(path, {
    method: 'POST',
    headers: anon.headers({ ...FORM, 'x-request-id': requestId }),
    body: anon.form(fields),
  });
}

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((h) => new RegExp(`^${name}=([^;]*)`).exec(h)?.[1])
    .find(Boolean)!;

describe('the request id on audit entries', () => {
  it('names the request that signed in, and each request the session then makes', async () => {
    const signIn = await postSignedOut(
      '/sign-in',
      { email: EMAIL, password: TEST_PASSWORD, next: '/home' },
      'req-sign-in-1',
    );
    expect(signIn.status).toBe(303);
    expect(await entries('session.sign_in')).toMatchObject([{ requestId: 'req-sign-in-1' }]);

    // The browser now holds the session and the CSRF cookie the sign-in rotated.
    const session = cookieOf(signIn, 'itas_session');
    const csrfCookie = cookieOf(signIn, 'itas_csrf');
    const post = (path: string, fields: Record<string, string>, requestId: string) =>
      t.app.request(path, {
        method: 'POST',
        headers: {
          ...FORM,
          cookie: `itas_session=${session}; itas_csrf=${csrfCookie}`,
          'x-request-id': requestId,
        },
        body: new URLSearchParams({
          _csrf: csrfTokenFor(csrfCookie, session),
          ...fields,
        }).toString(),
      });
    const edit = await post(
      '/agencies/51-PRV/profile',
      { website: 'https://lamphun.example', staff: '3600' },
      'req-profile-2',
    );
    expect(edit.status).toBe(303);
    expect(await entries('agency.profile.update')).toMatchObject([
      { actorEmail: EMAIL, requestId: 'req-profile-2' },
    ]);
    const everywhere = await post('/account/sign-out-everywhere', {}, 'req-everywhere-3');
    expect(everywhere.status).toBe(303);
    expect(await entries('session.sign_out_everywhere')).toMatchObject([
      { requestId: 'req-everywhere-3' },
    ]);
  });

  it('names the request that used a reset link', async () => {
    await t.services.auth.requestPasswordReset(EMAIL);
    const [mail] = await t.services.mail.list(SYSTEM_CLI, 1);
    const link = /\/reset-password\/[\w-]+/.exec(mail!.text)![0];
    const password = 'a new passphrase 2569';
    const res = await postSignedOut(link, { password, confirm: password }, 'req-reset-4');
    expect(res.status).toBe(303);
    expect(await entries('user.password.reset')).toMatchObject([{ requestId: 'req-reset-4' }]);
  });

  it('names the request whose sign-in was refused by the limits', async () => {
    for (let i = 0; i < 6; i++)
      await postSignedOut('/sign-in', { email: EMAIL, password: 'not the password' }, `req-l${i}`);
    expect(await entries('user.sign_in_limited')).toMatchObject([
      { actorEmail: 'anonymous', requestId: 'req-l5' },
    ]);
  });

  it("leaves it empty on the CLI's entries", async () => {
    const [created] = await entries('user.create');
    expect(created).toMatchObject({ actorEmail: 'system:cli', requestId: null });
  });
});
