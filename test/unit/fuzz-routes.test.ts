// Every route, fuzzed (issue 14): fast-check sends hostile requests (random, oversized, control
// characters, NUL, bad UTF-8, malformed multipart, bad JSON, wrong content types, random next=)
// as each demo role and signed out. No answer may be a 5xx or show a stack trace, and the app
// must still answer afterwards. `npm run bench -- fuzz` runs 10,000 of them over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Client, Who } from '../helpers/sessions.ts';
import { createTestApp } from '../helpers/app.ts';
import {
  anyRequest,
  fuzzFixtures,
  leaksInternals,
  materialise,
  SEEDS,
  type FuzzRequest,
} from '../helpers/fuzz-requests.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let fixtures: Awaited<ReturnType<typeof fuzzFixtures>>;
let clients: Record<Who, Client>;
let sent = 0;

beforeAll(async () => {
  t = await createTestApp();
  fixtures = await fuzzFixtures(t.services);
  clients = await fixtures.clients();
});
afterAll(async () => t?.close());

async function send(r: FuzzRequest): Promise<{ status: number; text: string }> {
  // Fresh sessions now and then: a fuzzed sign-out must not leave the rest signed out.
  if (++sent % 100 === 0) clients = await fixtures.clients();
  const { url, init } = materialise(r, clients[r.who]);
  const res = await t.app.request(url, init);
  return { status: res.status, text: await res.text() };
}

describe('fuzzing every route', () => {
  it('covers every route of the app', () => {
    expect(SEEDS.length).toBeGreaterThan(80);
  });

  it('1,000 hostile requests: no 5xx, no stack trace, and the app still answers', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(anyRequest, async (r) => {
        const { status, text } = await send(r);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, `${r.method} ${r.path}`).toBeLessThan(500);
        expect(leaksInternals(text), text.slice(0, 500)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect((await t.app.request('/healthz')).status).toBe(200);
    // Most requests got past the door: the fuzzer reached the routes, not only the guard.
    const reached = [...statuses].filter(([s]) => s < 400 || s === 404 || s === 403 || s === 409);
    expect(reached.reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(200);
  }, 600_000);
});
