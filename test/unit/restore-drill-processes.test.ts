// The restore drill as an operator runs it on the national set-up (issue 19.1/19.5): the real
// server (`src/main.ts`) on PostgreSQL takes survey answers from 20 concurrent clients while
// `itas backup` runs as its own process; `itas restore` loads the file into an empty database, and
// every answer the server acknowledged (201) before the backup began is there — and every answer
// in the copy is one the server acknowledged. Runs only with a postgres DATABASE_URL (npm run
// test:pg); the embedded database's drill is in backup-restore.test.ts and backup-cli.test.ts
// (with PGlite the server is stopped for a backup).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/services/container.ts';
import { startAppProcess, type AppProcess } from '../helpers/app-process.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import {
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

const onPostgres = process.env.DATABASE_URL?.startsWith('postgres') ?? false;
const why = onPostgres ? '' : 'needs DATABASE_URL=postgres://… (npm run test:pg)';
if (why) console.warn(`restore drill with real processes skipped: ${why}`);

const run = promisify(execFile);
const CLIENTS = 20;

async function itas(url: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      timeout: 180_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

describe.skipIf(!onPostgres)(
  `restore drill under survey load, real processes${why ? ` — skipped: ${why}` : ''}`,
  () => {
    let source: TestDb;
    let target: TestDb;
    let server: AppProcess;
    let codes: string[];
    const dir = mkdtempSync(join(tmpdir(), 'itas-drill-'));

    beforeAll(async () => {
      source = await createTestDb();
      const services = createServices(source.db);
      await openSurveyYear(services);
      codes = await Promise.all(['51-PRV', '51-PAO', '51-TM-01'].map((a) => linkCode(services, a)));
      target = await createTestDb();
      server = await startAppProcess({
        DATABASE_URL: source.url!,
        MIGRATE_ON_START: 'off',
        SURVEY_RATE_NETWORK_MAX: '1000000',
        SURVEY_RATE_CODE_MAX: '1000000',
        SURVEY_BURST_THRESHOLD: '1000000',
      });
    }, 240_000);

    afterAll(async () => {
      await server?.stop();
      await source?.close();
      await target?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('backs up while answers arrive; the restored copy misses no answer acknowledged before', async () => {
      const acknowledged: { id: string; at: number }[] = [];
      // Requests that got no answer at all (a keep-alive socket the server closed as it was
      // reused, on a loaded machine): not acknowledged, so never counted as owed.
      const unanswered = new Set<string>();
      let running = true;
      let i = 0;
      const client = async () => {
        while (running) {
          const n = i++;
          const tool = n % 2 ? 'iit' : 'eit';
          const id = randomUUID();
          const res = await fetch(
            `${server.url}/api/v1/surveys/${codes[n % codes.length]}/${tool}`,
            {
              signal: AbortSignal.timeout(60_000),
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                response_id: id,
                answers: fullAnswers(tool === 'iit' ? 'IIT' : 'EIT'),
                demographics: demographicsFor(tool === 'iit' ? 'IIT' : 'EIT'),
              }),
            },
          ).catch(() => null);
          if (
            !res ||
            !(await res.arrayBuffer().then(
              () => true,
              () => false,
            ))
          ) {
            unanswered.add(id);
            continue;
          }
          if (res.status === 201) acknowledged.push({ id, at: Date.now() });
        }
      };
      const clients = Array.from({ length: CLIENTS }, () => client());
      const until = Date.now() + 30_000;
      while (acknowledged.length < 100 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 50));

      const file = join(dir, 'busy.itas.gz');
      const began = Date.now();
      const backup = await itas(source.url!, 'backup', '--out', file);
      const ended = Date.now();
      // Load continues a moment after the backup, then stops.
      await new Promise((r) => setTimeout(r, 300));
      running = false;
      await Promise.all(clients);
      expect(backup.code, backup.out).toBe(0);
      const duringBackup = acknowledged.filter((a) => a.at >= began && a.at <= ended).length;

      const restore = await itas(target.url!, 'restore', file);
      expect(restore.code, restore.out).toBe(0);
      const { rows } = await sql<{ id: string }>`
        select response_id::text as id from responses`.execute(target.db);
      const restored = new Set(rows.map((r) => r.id));
      const before = acknowledged.filter((a) => a.at < began);
      console.log(
        `restore drill: ${acknowledged.length} acknowledged, ${before.length} before the backup, ` +
          `${duringBackup} while it ran (${ended - began} ms); ${restored.size} restored; ` +
          `${unanswered.size} requests unanswered`,
      );
      expect(before.length).toBeGreaterThanOrEqual(100);
      expect(before.filter((a) => !restored.has(a.id))).toEqual([]);
      // Nothing in the copy that the server did not acknowledge (or whose answer was lost).
      const ids = new Set([...acknowledged.map((a) => a.id), ...unanswered]);
      expect([...restored].filter((id) => !ids.has(id))).toEqual([]);
    }, 240_000);
  },
);
