import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createTestApp } from '../helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  const demo = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', demo);
});
afterAll(() => t.close());

describe('http foundation', () => {
  it('answers health and readiness', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    const r = await t.app.request('/readyz');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ready' });
  });

  it('serves a Thai home page with security headers, a CSP nonce and a request id', async () => {
    const r = await t.app.request('/');
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('การประเมินคุณธรรมและความโปร่งใส');
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[\w+/=]+'/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-request-id')).toBeTruthy();
  });

  it('switches to English with a cookie and comes back to the same page', async () => {
    const r = await t.app.request('/lang/en?next=%2Fagencies%3Fq%3Dx');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/agencies?q=x');
    const cookie = r.headers
      .getSetCookie()
      .map((h) => h.split(';')[0])
      .join('; ');
    const page = await (await t.app.request('/agencies', { headers: { cookie } })).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Agency register');
    expect((await t.app.request('/lang/en?next=//evil.example')).headers.get('location')).toBe('/');
  });

  it('gives a bilingual 404 page', async () => {
    const r = await t.app.request('/no-such-page');
    expect(r.status).toBe(404);
    const html = await r.text();
    expect(html).toContain('ไม่พบหน้าที่ต้องการ');
    expect(html).toContain('Page not found');
  });

  it('lists agencies filtered by province and type, and shows one agency', async () => {
    const r = await t.app.request(`/agencies?province=${encodeURIComponent('ลำพูน')}&type=sao`);
    const html = await r.text();
    expect(html).toContain('พบ 17 หน่วยงาน');
    const one = await t.app.request('/agencies/51-PRV');
    expect(one.status).toBe(200);
    expect(await one.text()).toContain('จังหวัดลำพูน');
    expect((await t.app.request('/agencies/NOPE')).status).toBe(404);
  });

  it('refuses a form post without a matching CSRF token, with 403', async () => {
    const page = await t.app.request('/');
    const cookie = page.headers
      .getSetCookie()
      .map((h) => h.split(';')[0])
      .join('; ');
    const post = (body: string) =>
      t.app.request('/lang/en', {
        method: 'POST',
        body,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await post('_csrf=forged')).status).toBe(403);
    expect((await post('')).status).toBe(403);
  });

  it('serves hashed static assets with long-lived caching', async () => {
    const html = await (await t.app.request('/')).text();
    const href = /href="(\/static\/app\.css\?v=\w+)"/.exec(html)![1]!;
    const css = await t.app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it('answers /favicon.ico with the site icon instead of a 404', async () => {
    const r = await t.app.request('/favicon.ico');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('image/svg+xml');
    expect(await r.text()).toContain('<svg');
  });
});
