// The one-document POST's body as an attacker may shape it (ADR 0022: the form is read once, by
// the input guard, without Hono's FormData detour): over the size limit with or without a
// declared length, fields sent twice, another content type, no token, hostile names and values.
// Whatever is refused stores nothing; nothing is a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import {
  browserFor,
  demographicsFor,
  fullAnswers,
  openSurveyApp,
  respondentCount,
} from '../helpers/survey-fixture.ts';

let t: TestApp;
let code: string;
beforeAll(async () => ({ t, code } = await openSurveyApp()));
afterAll(async () => t?.close());

const count = () => respondentCount(t.db, '51-PRV', 'IIT');

/** A fresh respondent: the start page's CSRF cookie and sealed id. */
async function respondent() {
  const b = browserFor(t.app);
  const html = await (await b.get(`/go/iit/${code}`)).text();
  const submission = /name="submission" value="([\w-]+)"/.exec(html)![1]!;
  const csrf = b.jar.get('itas_csrf')!;
  return { csrf, submission, cookie: `itas_csrf=${csrf}` };
}

const whole = (): [string, string][] =>
  Object.entries({ eligible: 'yes', ...demographicsFor('IIT'), ...fullAnswers('IIT') });

function send(body: BodyInit, headers: Record<string, string>) {
  return t.app.request(`/go/iit/${code}/send`, { method: 'POST', body, headers });
}

const form = (cookie: string) => ({
  'content-type': 'application/x-www-form-urlencoded',
  cookie,
});

describe('the size of the one POST', () => {
  it('refuses a declared length over 1 MB with 413 before reading it', async () => {
    const r = await respondent();
    const before = await count();
    const body = new URLSearchParams([
      ...whole(),
      ['_csrf', r.csrf],
      ['submission', r.submission],
    ]).toString();
    const res = await send(body, {
      ...form(r.cookie),
      'content-length': String(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(await count()).toBe(before);
  });

  it('refuses more than 5,000 fields (400), well under the size limit', async () => {
    const r = await respondent();
    const fields = Array.from({ length: 5001 }, (_, i): [string, string] => [`x${i}`, '1']);
    const body = new URLSearchParams([...fields, ['_csrf', r.csrf]]).toString();
    const res = await send(body, form(r.cookie));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The form sent has too many fields.');
  });
});

describe('fields sent twice', () => {
  it('takes the last value, as every form of the app does: a bad last answer is refused', async () => {
    const r = await respondent();
    const before = await count();
    const body = new URLSearchParams([
      ...whole(),
      ['I1.1', '9'],
      ['_csrf', r.csrf],
      ['submission', r.submission],
    ]).toString();
    const res = await send(body, form(r.cookie));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('ข้อ I1.1: คำตอบ &quot;9&quot; ใช้ไม่ได้');
    expect(await count()).toBe(before);
  });

  it('stores one response when a good value comes last, and a second send stores nothing', async () => {
    const r = await respondent();
    const before = await count();
    const body = new URLSearchParams([
      ['I1.1', '9'],
      ...whole(),
      ['_csrf', r.csrf],
      ['submission', r.submission],
    ]).toString();
    expect((await send(body, form(r.cookie))).status).toBe(200);
    expect((await send(body, form(r.cookie))).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a forged token sent after the right one (403)', async () => {
    const r = await respondent();
    const before = await count();
    const body = new URLSearchParams([
      ...whole(),
      ['_csrf', r.csrf],
      ['_csrf', 'x'.repeat(43)],
      ['submission', r.submission],
    ]).toString();
    expect((await send(body, form(r.cookie))).status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe('the token and the content type', () => {
  it('refuses a send without a token (403) and stores nothing', async () => {
    const r = await respondent();
    const before = await count();
    const body = new URLSearchParams([...whole(), ['submission', r.submission]]).toString();
    expect((await send(body, form(r.cookie))).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses the same fields as text/plain or JSON (403): only a form carries the token', async () => {
    const r = await respondent();
    const before = await count();
    const fields = [...whole(), ['_csrf', r.csrf], ['submission', r.submission]];
    const urlencoded = new URLSearchParams(fields).toString();
    for (const [type, body] of [
      ['text/plain', urlencoded],
      ['application/json', JSON.stringify(Object.fromEntries(fields))],
    ] as const)
      expect((await send(body, { 'content-type': type, cookie: r.cookie })).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('takes a multipart form (a browser may send one) like the urlencoded one', async () => {
    const r = await respondent();
    const before = await count();
    const body = new FormData();
    for (const [k, v] of [...whole(), ['_csrf', r.csrf], ['submission', r.submission]])
      body.append(k!, v!);
    const res = await t.app.request(`/go/iit/${code}/send`, {
      method: 'POST',
      body,
      headers: { cookie: r.cookie },
    });
    expect(res.status).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});

describe('hostile names and values', () => {
  it('refuses a control character in a value (422) and an unknown field name (422), never a 500', async () => {
    const r = await respondent();
    const before = await count();
    const base: [string, string][] = [...whole(), ['_csrf', r.csrf], ['submission', r.submission]];
    const nul = new URLSearchParams(base).toString().replace('I1.1=1', 'I1.1=%00');
    expect((await send(nul, form(r.cookie))).status).toBe(422);
    for (const name of ['constructor', 'toString', '__proto__[x]'])
      expect(
        (await send(new URLSearchParams([...base, [name, '1']]).toString(), form(r.cookie))).status,
      ).toBe(422);
    // Malformed escapes are kept as typed (the WHATWG parser), so an unknown value, not a crash.
    const bad = new URLSearchParams(base).toString().replace('I1.1=1', 'I1.1=%E0%A4');
    expect((await send(bad, form(r.cookie))).status).toBe(422);
    expect(await count()).toBe(before);
  });
});
