// /api/openapi.json describes the whole API: it validates as OpenAPI 3.1, and every route the app
// mounts under /api (as Hono lists them) is in it with its method — so a new API route without
// its description fails here.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Hono's `/api/v1/years/:year/results` (or `:code{[a-z]+}`) as OpenAPI's `{year}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1 and describes every mounted /api route', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const mounted = t.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(mounted).toEqual(
      expect.arrayContaining([
        'POST /api/v1/surveys/{code}/{tool}',
        'GET /api/v1/years/{year}/results',
        'GET /api/v1/years/{year}/summary',
        'GET /api/v1/years/{year}/rankings',
        'GET /api/openapi.json',
      ]),
    );
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(mounted.filter((r) => !described.includes(r))).toEqual([]);
    // And nothing described under /api that the app does not serve.
    const apiDescribed = described.filter((d) => d.split(' ')[1]!.startsWith('/api/'));
    expect(apiDescribed.filter((d) => !mounted.includes(d))).toEqual([]);
  });
});
