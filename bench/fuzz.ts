// Fuzz run (issue 14): 10,000 hostile requests across every route of a real HTTP server (the
// generator of test/helpers/fuzz-requests.ts: random and oversized values, control characters,
// NUL, bad UTF-8, malformed multipart, bad JSON, wrong content types, random next=; as each demo
// role and signed out). Prints the count of each status (0: a target Node's client will not
// send), of 5xx, of bodies showing a stack trace and of error lines the server logged.
// Run: npm run bench -- fuzz   (options in env: FUZZ_RUNS=10000, FUZZ_SEED, FUZZ_CONCURRENCY=4)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import pino from 'pino';
import { createApp } from '../src/http/app.tsx';
import { createServices } from '../src/services/container.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';
import {
  anyRequest,
  fuzzFixtures,
  leaksInternals,
  materialise,
  type FuzzRequest,
} from '../test/helpers/fuzz-requests.ts';
import type { Client, Who } from '../test/helpers/sessions.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);

// A connection per request: after a refusal at the HTTP parser (431 for a 1 MB URL) Node closes
// the socket, and a reused keep-alive socket would blame the next request for it.
const agent = new http.Agent({ keepAlive: false, maxSockets: CONCURRENCY * 2 });

function send(
  port: number,
  url: string,
  init: RequestInit,
): Promise<{ status: number; text: string }> {
  // Normalised as a browser would send it; a target no browser could send (`/\\host>/…`, read as
  // a host) goes as it is, as an attacker's own client would send it.
  let path = url;
  try {
    const u = new URL(url, 'http://127.0.0.1');
    path = u.pathname + u.search;
  } catch {
    // Not a URL: sent as it is.
  }
  const body =
    init.body === undefined || init.body === null
      ? undefined
      : typeof init.body === 'string'
        ? Buffer.from(init.body)
        : Buffer.from(init.body as Uint8Array);
  return new Promise((resolve) => {
    // Node refuses to send a target with characters HTTP does not allow (status 0: not sent).
    if (/[^\u0021-\u00ff]/.test(path)) return resolve({ status: 0, text: '' });
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: {
          ...(init.headers as Record<string, string>),
          ...(body ? { 'content-length': body.length } : {}),
        },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', () => resolve({ status: -1, text: '' }));
      },
    );
    req.on('error', (e) => resolve({ status: -1, text: String(e) }));
    req.end(body);
  });
}

export async function runFuzzBench(): Promise<void> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(db);
  await ensureReferenceData(db);
  const services = createServices(db);
  const fixtures = await fuzzFixtures(services);
  let clients: Record<Who, Client> = await fixtures.clients();

  let errorLines = 0;
  const log = pino(
    { level: 'warn' },
    {
      write: (line: string) => {
        if ((JSON.parse(line) as { level: number }).level >= 50) {
          errorLines++;
          if (errorLines <= 5) process.stderr.write(line);
        }
      },
    },
  );
  const app = createApp({ services, log });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;

  const requests: FuzzRequest[] = fc.sample(anyRequest, { numRuns: RUNS, seed: SEED });
  const statuses = new Map<number, number>();
  const fivexx: string[] = [];
  let leaks = 0;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < requests.length) {
      const i = next++;
      if (i > 0 && i % 250 === 0) clients = await fixtures.clients(); // undo fuzzed sign-outs
      const r = requests[i]!;
      const { url, init } = materialise(r, clients[r.who]);
      const res = await send(port, url, init);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500 || res.status < 0)
        fivexx.push(
          `${res.status} ${r.method} ${url.slice(0, 120)}${res.status < 0 ? ` (${res.text})` : ''}`,
        );
      if (leaksInternals(res.text)) leaks++;
      if ((i + 1) % 1000 === 0) {
        const bad = [...statuses].filter(([s]) => s >= 500 || s < 0).reduce((a, [, c]) => a + c, 0);
        process.stderr.write(`… ${i + 1} sent, ${bad} 5xx so far\n`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const alive = await send(port, '/healthz', {});

  const n5xx = [...statuses].filter(([s]) => s >= 500 || s < 0).reduce((a, [, c]) => a + c, 0);
  const lines = [
    `${RUNS.toLocaleString('en-US')} fuzzed requests: ${n5xx} 5xx (seed ${SEED}, ${CONCURRENCY} at a time, ${seconds.toFixed(1)} s)`,
    `statuses: ${[...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${s}×${c}`)
      .join(', ')}`,
    `bodies showing a stack trace or an internal error: ${leaks}`,
    `error lines logged by the server: ${errorLines}`,
    `server still answering /healthz afterwards: ${alive.status === 200 ? 'yes' : `NO (${alive.status})`}`,
    ...fivexx.slice(0, 20).map((f) => `  5xx: ${f}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  server.close();
  agent.destroy();
  await db.destroy();
  if (n5xx > 0 || leaks > 0 || alive.status !== 200) process.exitCode = 1;
}
