// Benchmark (issue 17.4): `npm start` on an empty embedded database against a second start on
// the same folder, each timed from spawning the compiled server (`node bin/start.js`, as
// `npm start` runs it) to its first `/readyz` 200 (polled every 50 ms), the demo loaded by the
// first. Rounds alternate (first, second, a new folder, …); prints each round and the ratio of the
// medians (target: at most 2). BENCH_ROUNDS (5). Run: npm run bench -- first-start
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../test/helpers/app-process.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** Seconds from spawn to the first /readyz 200; the server is stopped (SIGTERM) afterwards. */
async function timeToReady(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/start.js'], {
    // As `npm start` on a new machine: the demo loads on the empty folder whatever DEMO says here.
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${dataDir}`,
      DEMO: 'auto',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let gone = false;
  void exited.then(() => (gone = true));
  try {
    for (;;) {
      await sleep(50);
      if (gone) throw new Error('the server stopped before it was ready');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        await res.arrayBuffer();
        if (res.status === 200) return (performance.now() - t0) / 1000;
      } catch {
        // Not listening yet.
      }
      if (performance.now() - t0 > 120_000) throw new Error('not ready within 120 s');
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runFirstStartBench(): Promise<void> {
  process.stdout.write(
    `first-start bench: node bin/start.js on an empty embedded folder, then again on it; ${ROUNDS} rounds\n`,
  );
  // A stale dist/ would be compiled by the first start: compile it before timing anything.
  // @ts-expect-error -- plain JavaScript module without types
  const build = (await import('../scripts/build.js')) as { ensureBuilt: () => Promise<void> };
  await build.ensureBuilt();
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'itas-first-start-'));
    try {
      const first = await timeToReady(join(dir, 'data'));
      const second = await timeToReady(join(dir, 'data'));
      firsts.push(first);
      seconds.push(second);
      process.stdout.write(
        `  round ${round}: first ${first.toFixed(2)} s, second ${second.toFixed(2)} s (${(first / second).toFixed(2)} ×)\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(
    `medians: first ${median(firsts).toFixed(2)} s, second ${median(seconds).toFixed(2)} s\nfirst/second=${(median(firsts) / median(seconds)).toFixed(2)}\n`,
  );
}
