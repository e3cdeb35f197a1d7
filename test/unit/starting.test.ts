// While the server starts (opening and migrating its database, loading the demo), the port
// already answers: alive, not ready, a calm bilingual page that retries by itself, JSON for the API.
import { describe, expect, it } from 'vitest';
import { createStartingApp } from '../../src/http/starting.tsx';

const app = createStartingApp();

describe('the port while the server starts', () => {
  it('is alive but not ready, so a load balancer waits', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'starting' });
  });

  it('answers a page with a bilingual 503 that retries, not a refused connection', async () => {
    const res = await app.request('/results/2563/summary');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('ระบบกำลังเริ่มทำงาน');
    expect(html).toContain('Starting up');
    expect(html).toContain('<meta http-equiv="refresh" content="3"/>');
    expect(html).toContain('href="/results/2563/summary"');
  });

  it('answers the API in JSON and a form POST without storing anything', async () => {
    const res = await app.request('/api/v1/surveys/abcd1234/iit', { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message_th: string } };
    expect(body.error.code).toBe('starting');
    expect(body.error.message_th).toContain('ยังไม่ได้บันทึก');
    expect((await app.request('/sign-in', { method: 'POST' })).status).toBe(503);
  });

  it('serves the stylesheet so the page looks like the rest', async () => {
    const html = await (await app.request('/')).text();
    const css = /href="(\/static\/app\.css\?v=\w+)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    expect((await app.request(css!)).status).toBe(200);
  });
});
