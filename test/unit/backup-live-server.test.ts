// The restore drill on the embedded database with the server running (issue 19, ADR 0015): the
// real server (`src/main.ts`) on a PGlite folder takes survey answers from concurrent clients
// while `itas backup` runs as its own process beside it and gets the snapshot from the server;
// `itas restore` loads the file into a fresh folder, and no answer acknowledged before the backup
// began is missing, nothing unacknowledged is there, and every table the load does not write is
// equal to the live database. A second backup of the quiet server restores to a copy equal to it
// table by table. Then the attacks: wrong or missing tokens are refused and learn nothing, the
// endpoint does not exist without BACKUP_TOKEN, and a transfer cut short leaves no file.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.tsx';
import { mountBackupRoute } from '../../src/http/backup.routes.ts';
import { fetchBackupFromServer } from '../../src/services/backup-fetch.ts';
import { createServices } from '../../src/services/container.ts';
import { listTables } from '../../src/storage/backup.repository.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { LOCK_FILE } from '../../src/storage/pglite-lock.ts';
import { ensureReferenceData } from '../../src/storage/reference.repository.ts';
import { startAppProcess, type AppProcess } from '../helpers/app-process.ts';
import { createTestDb } from '../helpers/db.ts';
import {
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyYear,
} from '../helpers/survey-fixture.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'itas-live-backup-'));
const TOKEN = 'live-backup-token-0123456789abcdef0123456789';
const CLIENTS = 10;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function itas(folder: string, env: Record<string, string>, ...args: string[]) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${join(dir, folder)}`,
        LOG_LEVEL: 'silent',
        BACKUP_TOKEN: '',
        ...env,
      },
      timeout: 240_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

async function openFolder(folder: string): Promise<Db> {
  const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, folder) });
  await migrateToLatest(db);
  await ensureReferenceData(db);
  return db;
}

/** Per table: its row count and a digest of its rows in a fixed order. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await listTables(db)) {
    const { rows } = await sql<{ n: number; h: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(j, E'\n' order by j), '')) as h
      from (select row_to_json(t)::text as j from ${sql.table(t.name)} t) x`.execute(db);
    out[t.name] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}

/** Every response row as JSON, by response id. */
async function responseRows(db: Db): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; j: string }>`
    select response_id::text as id, row_to_json(r)::text as j from responses r`.execute(db);
  return new Map(rows.map((r) => [r.id, r.j]));
}

const gone = (file: string) => !existsSync(file) && !existsSync(`${file}.partial`);

describe.skipIf(process.env.DATABASE_URL?.startsWith('postgres'))(
  'itas backup beside a running server on the embedded database',
  () => {
    let server: AppProcess | undefined;
    let codes: string[];
    let preLoad: Record<string, string>;

    beforeAll(async () => {
      const db = await openFolder('live');
      const services = createServices(db);
      await openSurveyYear(services);
      codes = await Promise.all(['51-PRV', '51-PAO', '51-TM-01'].map((a) => linkCode(services, a)));
      preLoad = await fingerprint(db);
      await db.destroy();
      server = await startAppProcess({
        DATABASE_URL: `file:${join(dir, 'live')}`,
        BACKUP_TOKEN: TOKEN,
        // For the server's own "backup served" line (how long the snapshot held the database).
        LOG_LEVEL: 'info',
        // No recount during the test: after the load the database stays as the last backup saw it.
        RECOMPUTE_DELAY_SECONDS: '3600',
        SURVEY_RATE_NETWORK_MAX: '1000000',
        SURVEY_RATE_CODE_MAX: '1000000',
        SURVEY_BURST_THRESHOLD: '1000000',
      });
    }, 300_000);

    afterAll(async () => {
      await server?.stop();
    });

    it('backs up under survey load; the restored copy misses no acknowledged answer', async () => {
      const live = server!;
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
          const res = await fetch(`${live.url}/api/v1/surveys/${codes[n % codes.length]}/${tool}`, {
            method: 'POST',
            signal: AbortSignal.timeout(60_000),
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              response_id: id,
              answers: fullAnswers(tool === 'iit' ? 'IIT' : 'EIT'),
              demographics: demographicsFor(tool === 'iit' ? 'IIT' : 'EIT'),
            }),
          }).catch(() => null);
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
      const until = Date.now() + 60_000;
      while (acknowledged.length < 100 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 50));

      const file = join(dir, 'busy.itas.gz');
      const began = Date.now();
      const countAtStart = acknowledged.length;
      const backup = await itas('live', { BACKUP_TOKEN: TOKEN }, 'backup', '--out', file);
      const ended = Date.now();
      const duringBackup = acknowledged.length - countAtStart;
      await new Promise((r) => setTimeout(r, 300));
      running = false;
      await Promise.all(clients);
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toContain('through the running server');
      expect(existsSync(`${file}.partial`)).toBe(false);

      const restore = await itas('busy-copy', {}, 'restore', file);
      expect(restore.code, restore.out).toBe(0);

      await live.stop();
      const served = /"ms":(\d+)[^\n]*"msg":"backup served"/.exec(live.output());
      const [liveDb, copyDb] = [await openFolder('live'), await openFolder('busy-copy')];
      try {
        const [liveRows, copyRows] = [await responseRows(liveDb), await responseRows(copyDb)];
        const before = acknowledged.filter((a) => a.at < began);
        console.log(
          `live backup drill: ${acknowledged.length} acknowledged, ${before.length} before the ` +
            `backup, ${duringBackup} while it ran (${ended - began} ms, CLI start included); ` +
            `${copyRows.size} restored of ${liveRows.size} stored; the server's snapshot took ` +
            `${served?.[1] ?? '?'} ms; ${unanswered.size} requests unanswered`,
        );
        expect(before.length).toBeGreaterThanOrEqual(100);
        expect(duringBackup).toBeGreaterThan(0);
        expect(before.filter((a) => !copyRows.has(a.id))).toEqual([]);
        const ids = new Set([...acknowledged.map((a) => a.id), ...unanswered]);
        expect([...copyRows.keys()].filter((id) => !ids.has(id))).toEqual([]);
        // Each restored answer is the live row as stored, byte for byte.
        expect([...copyRows].filter(([id, j]) => liveRows.get(id) !== j)).toEqual([]);

        // Every table the survey load does not write is equal to the live database (the audit
        // log too: the backup's own entry is written before its snapshot).
        const [live2, copy] = [await fingerprint(liveDb), await fingerprint(copyDb)];
        const written = Object.keys(live2).filter(
          (t) => t !== 'audit_log' && live2[t] !== preLoad[t],
        );
        expect(written).toContain('responses');
        const rest = (f: Record<string, string>) =>
          Object.fromEntries(Object.entries(f).filter(([t]) => !written.includes(t)));
        expect(Object.keys(rest(copy)).length).toBeGreaterThan(20);
        expect(rest(copy)).toEqual(rest(live2));
        const audit = await sql<{ actor_email: string; record_type: string }>`
          select actor_email, record_type from audit_log where action = 'database.backup'`.execute(
          copyDb,
        );
        expect(audit.rows).toEqual([
          { actor_email: 'system:backup-token', record_type: 'database' },
        ]);
      } finally {
        await liveDb.destroy();
        await copyDb.destroy();
      }
    }, 600_000);

    it('a backup of the quiet running server restores to a copy equal to it, table by table', async () => {
      server = await startAppProcess({
        DATABASE_URL: `file:${join(dir, 'live')}`,
        BACKUP_TOKEN: TOKEN,
        RECOMPUTE_DELAY_SECONDS: '3600',
      });
      const file = join(dir, 'quiet.itas.gz');
      const backup = await itas('live', { BACKUP_TOKEN: TOKEN }, 'backup', '--out', file);
      expect(backup.code, backup.out).toBe(0);
      await server.stop();
      const copy = await createTestDb();
      const liveDb = await openFolder('live');
      try {
        await createServices(copy.db).backup.restoreFromFile(
          { kind: 'system', label: 'test' },
          file,
        );
        const [a, b] = [await fingerprint(liveDb), await fingerprint(copy.db)];
        expect(Object.keys(a).length).toBeGreaterThan(20);
        expect(b).toEqual(a);
      } finally {
        await liveDb.destroy();
        await copy.close();
      }
    }, 600_000);

    it('refuses a wrong or missing token, saying nothing more, and keeps no file', async () => {
      server = await startAppProcess({
        DATABASE_URL: `file:${join(dir, 'live')}`,
        BACKUP_TOKEN: TOKEN,
        RECOMPUTE_DELAY_SECONDS: '3600',
      });
      const file = join(dir, 'refused.itas.gz');
      const [wrong, none] = await Promise.all([
        itas('live', { BACKUP_TOKEN: `x${TOKEN}` }, 'backup', '--out', file),
        itas('live', {}, 'backup', '--out', file),
      ]);
      expect(wrong.code).toBe(1);
      expect(wrong.out).toContain('refused this BACKUP_TOKEN');
      expect(wrong.out).not.toContain(TOKEN);
      expect(none.code).toBe(1);
      expect(none.out).toContain('is in use by another Open ITAS process');
      expect(none.out).toContain('BACKUP_TOKEN');
      expect(gone(file)).toBe(true);

      const url = `${server.url}/ops/backup`;
      for (const headers of [
        {} as Record<string, string>,
        { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
        { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` },
      ]) {
        const res = await fetch(url, { method: 'POST', headers });
        expect(res.status).toBe(401);
        expect(await res.text()).toBe('unauthorized\n');
        expect(res.headers.get('set-cookie')).toBeNull();
      }
      const get = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(get.status).toBe(404);
      await get.arrayBuffer();
      // The server logs the refusals, never the token.
      expect(server.output()).toContain('backup refused');
      expect(server.output()).not.toContain(TOKEN.slice(0, 20));
      await server.stop();
    }, 600_000);

    it('a transfer cut short, or a whole-looking file that is not, leaves no file', async () => {
      const whole = readFileSync(join(dir, 'quiet.itas.gz'));
      const lines = gunzipSync(whole).toString('utf8').trimEnd().split('\n');
      const bodies: Record<string, { bytes: Buffer; length: number }> = {
        // The connection drops halfway through (Content-Length promised the whole file).
        dropped: { bytes: whole.subarray(0, whole.length >> 1), length: whole.length },
        // A complete HTTP answer whose backup stops before its end line.
        'no end line': (() => {
          const b = gzipSync(lines.slice(0, -5).join('\n'));
          return { bytes: b, length: b.length };
        })(),
      };
      let serving = 'dropped';
      const fake: Server = createServer((req, res) => {
        const body = bodies[serving]!;
        res.writeHead(200, {
          'content-type': 'application/gzip',
          'content-length': String(body.length),
        });
        res.write(body.bytes, () => {
          if (body.bytes.length < body.length) res.destroy();
          else res.end();
        });
      });
      await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
      const fakeUrl = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
      try {
        for (const name of Object.keys(bodies)) {
          serving = name;
          const file = join(dir, `cut-${name.replace(/ /g, '-')}.itas.gz`);
          const e = await fetchBackupFromServer({
            serverUrl: fakeUrl,
            token: TOKEN,
            path: file,
          }).catch((x: unknown) => x);
          expect(e, name).toMatchObject({ status: 409 });
          expect(gone(file), name).toBe(true);
        }
        // The same through `itas backup`: a folder whose lock names a live process (this one)
        // listening at the fake server's address.
        mkdirSync(join(dir, 'held'));
        writeFileSync(
          join(dir, 'held', LOCK_FILE),
          JSON.stringify({ pid: process.pid, host: hostname(), url: fakeUrl }),
        );
        serving = 'dropped';
        const file = join(dir, 'cut-cli.itas.gz');
        const cli = await itas('held', { BACKUP_TOKEN: TOKEN }, 'backup', '--out', file);
        expect(cli.code, cli.out).toBe(1);
        expect(cli.out).toContain('cut short');
        expect(gone(file)).toBe(true);
      } finally {
        fake.close();
      }
    }, 300_000);
  },
);

describe('POST /ops/backup in process', () => {
  it('does not exist without BACKUP_TOKEN', async () => {
    const t = await createTestDb();
    try {
      const app = createApp({ services: createServices(t.db), log: pino({ level: 'silent' }) });
      for (const method of ['POST', 'GET']) {
        const res = await app.request('/ops/backup', {
          method,
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        expect(res.status, method).toBe(404);
        expect(await res.text()).not.toMatch(/open-itas-backup|unauthorized/);
      }
    } finally {
      await t.close();
    }
  });

  it('refuses a client after ten wrong tokens a minute, and one backup at a time', async () => {
    const t = await createTestDb();
    let clock = 1_000_000;
    try {
      const app = new Hono();
      mountBackupRoute(app, createServices(t.db), pino({ level: 'silent' }), {
        token: TOKEN,
        now: () => clock,
      });
      const post = (token: string) =>
        app.request('/ops/backup', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
      for (let n = 0; n < 10; n++) expect((await post('wrong')).status).toBe(401);
      const limited = await post(TOKEN);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('60');
      clock += 60_000;
      const ok = await post(TOKEN);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('application/gzip');
      const body = Buffer.from(await ok.arrayBuffer());
      expect(Number(ok.headers.get('content-length'))).toBe(body.length);
      expect(gunzipSync(body).toString('utf8')).toMatch(/^\{"format":"open-itas-backup"/);
      // A second backup right after is refused until the cool-down has passed.
      expect((await post(TOKEN)).status).toBe(429);
      clock += 10_000;
      const again = await post(TOKEN);
      expect(again.status).toBe(200);
      await again.arrayBuffer();
    } finally {
      await t.close();
    }
  });
});
