// `itas backup` and `itas restore` as an operator runs them: real processes on embedded database
// folders. A backup of one folder restores into a fresh folder with the same agencies; a second
// restore into the now non-empty folder, a missing --out and an existing file are refused with
// the documented exit codes (1: refused, 2: usage). The engine-level drill is backup-restore.test.ts.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'itas-backup-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function itas(folder: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, DATABASE_URL: `file:${join(dir, folder)}`, LOG_LEVEL: 'silent' },
      timeout: 120_000,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

// Embedded folders whatever DATABASE_URL the suite runs with: the PostgreSQL run skips this file
// (backup-restore.test.ts drills that engine), saving minutes of process start-up.
describe.skipIf(process.env.DATABASE_URL?.startsWith('postgres'))(
  'itas backup / itas restore',
  () => {
    const file = join(dir, 'a.itas.gz');

    it('backs up a folder and restores it into an empty one', async () => {
      const imported = await itas('a', 'import', 'agencies', 'src/demo/data/lamphun-agencies.csv');
      expect(imported.code, imported.err).toBe(0);
      const b = await itas('a', 'backup', '--out', file);
      expect(b.code, b.err).toBe(0);
      expect(b.out).toMatch(/Backed up \d+ rows of \d+ tables/);
      expect(existsSync(file)).toBe(true);
      expect(existsSync(`${file}.partial`)).toBe(false);

      const r = await itas('b', 'restore', file);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('กู้คืนข้อมูล');
      const listed = await itas('b', 'agencies', 'list', '--province', 'ลำพูน');
      expect(listed.code, listed.err).toBe(0);
      expect(listed.out).toContain('51-PRV');
    }, 600_000);

    it('refuses a second restore into the same folder, a missing --out and an existing file', async () => {
      const again = await itas('b', 'restore', file);
      expect(again.code).toBe(1);
      expect(again.err).toContain('A restore needs an empty database');
      expect(again.err).toContain('กู้คืนได้เฉพาะฐานข้อมูลที่ว่าง');
      expect((await itas('a', 'backup')).code).toBe(2);
      const exists = await itas('a', 'backup', '--out', file);
      expect(exists.code).toBe(2);
      expect(exists.err).toContain('--force');
      const missing = await itas('b', 'restore', join(dir, 'nope.gz'));
      expect(missing.code).toBe(1);
      expect(missing.err).toContain('No such file');
    }, 600_000);
  },
);
