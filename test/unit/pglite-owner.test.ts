// The embedded database has one owner: with the server running on a PGlite folder, the CLI on
// the same folder is refused with a message that says what to do, and stores nothing; once the
// server stops, the same command works and its work is there. Two real processes (each start of
// node + tsx + PGlite takes seconds, more on a busy machine: hence the long timeouts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { LOCK_FILE } from '../../src/storage/pglite-lock.ts';
import { freePort } from '../helpers/app-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'itas-owner-'));
const dataDir = join(dir, 'data');
const env = { ...process.env, DATABASE_URL: `file:${dataDir}`, DEMO: 'off', LOG_LEVEL: 'warn' };

function itas(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function years(): Promise<number[]> {
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const { rows } = await sql<{
      y: number;
    }>`select fiscal_year as y from assessment_years order by 1`.execute(db);
    return rows.map((r) => r.y);
  } finally {
    await db.destroy();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one owner for a PGlite folder', () => {
  let server: ReturnType<typeof spawn>;
  let output = '';
  beforeAll(async () => {
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 170_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`server exited: ${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 180_000);
  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it('refuses the CLI beside the running server, in Thai and English, and stores nothing', async () => {
    const r = itas('year', 'create', '--year', '2570', '--framework', 'ita-2563');
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/Created|สร้างปีการประเมิน/);
    expect(r.err).toContain(`process ${server.pid}`);
    expect(r.err).toContain('หยุดเซิร์ฟเวอร์ก่อน');
    expect(r.err).toMatch(
      /stop the server .* or do this through the running server's web pages or API/,
    );
    // A second server on the same folder is refused the same way, and the first keeps running.
    const secondPort = await freePort();
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...env, PORT: String(secondPort) },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(second.status).toBe(3);
    expect(second.stderr).toContain('in use by another Open ITAS process');
    expect(server.exitCode).toBeNull();
  }, 240_000);

  it('after the server stops, the same command works and its year is stored', async () => {
    await new Promise<void>((resolve) => {
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
    const r = itas('year', 'create', '--year', '2570', '--framework', 'ita-2563');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(await years()).toEqual([2570]);
  }, 180_000);

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const lock = join(dataDir, LOCK_FILE);
    writeFileSync(lock, JSON.stringify({ pid: Number(dead.stdout), host: hostname() }));
    expect(await years()).toEqual([2570]);
    // Closing the database released the lock it took over.
    expect(existsSync(lock)).toBe(false);
  });
});
