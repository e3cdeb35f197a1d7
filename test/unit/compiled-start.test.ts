// `npm start` runs bin/start.js: the compiled server in dist/, after dist/prestart.js has begun a
// first start's copy of the empty database in a worker thread (ADR 0027). The rest of the suite
// runs the sources; this is the one test of the path a new user takes, so a prestart that failed
// to load, or a copy left half moved, shows here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../helpers/app-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'itas-compiled-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // As bin/start.js would: compiled once if the sources are newer than dist/ (a fresh clone
  // has it from `npm install`).
  // @ts-expect-error -- plain JavaScript module without types
  const build = (await import('../../scripts/build.js')) as { ensureBuilt: () => Promise<void> };
  await build.ensureBuilt();
}, 180_000);

const staging = (dataDir: string) =>
  readdirSync(dataDir).filter((n) => n.startsWith('.open-itas-'));

describe('npm start (bin/start.js, the compiled server)', () => {
  it('starts on an empty folder from the copied empty database, and tidies what a dead start left', async () => {
    const dataDir = join(dir, 'data');
    const env = { DATABASE_URL: `file:${dataDir}`, DEMO: 'off' };
    const first = await startAppProcess(env, { compiled: true });
    try {
      const ready = await fetch(`${first.url}/readyz`);
      expect(ready.status).toBe(200);
      const home = await fetch(`${first.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('lang="th"');
    } finally {
      await first.stop();
    }
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(staging(dataDir)).toEqual([]);
    expect(first.output()).not.toMatch(/Error|compiling/);

    // A start that died while copying (its pid no longer alive) left its staging folder.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(dataDir, `.open-itas-empty-${dead}`, 'base'), { recursive: true });
    writeFileSync(join(dataDir, `.open-itas-empty-${dead}`, 'base', 'half'), 'x');
    const second = await startAppProcess(env, { compiled: true });
    await second.stop();
    expect(staging(dataDir)).toEqual([]);
  }, 180_000);

  // The build bundles the pure ES-module packages (kysely, zod, hono, csv-parse, csv-stringify)
  // into dist/: the compiled CLI reads a file, checks it and writes CSV with them.
  it('the compiled itas imports agencies, refuses a bad file with its line, and lists them as CSV', () => {
    const env = {
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'cli')}`,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
    };
    const itas = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/itas.js', ...args], { env, encoding: 'utf8' });
    const imported = itas('import', 'agencies', 'src/demo/data/lamphun-agencies.csv');
    expect(imported.stderr).not.toMatch(/compiling/);
    expect(imported.status).toBe(0);
    const bad = join(dir, 'bad-agencies.csv');
    writeFileSync(bad, 'code,name_th,type\nX-1,,province\n');
    const refused = itas('import', 'agencies', bad);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('bad-agencies.csv:บรรทัด 2 คอลัมน์ name_th');
    expect(refused.stderr).toContain(
      'bad-agencies.csv:line 2, column name_th: name_th is required',
    );
    const listed = itas('agencies', 'list', '--format', 'csv');
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^code,/);
    expect(lines).toHaveLength(60);
  }, 120_000);
});
