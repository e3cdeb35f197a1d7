// Every `itas` command of the imports, compute, exports, calendar and links, with its exit codes:
// 0 done, 1 refused or failed (an import rejected, a year that does not exist), 2 a usage error
// (a missing or malformed option, an unreadable file). They run through the CLI's own runner
// (runCli: argument parsing, the error-to-exit-code mapping) over one in-memory test database;
// a last block runs the real program (src/cli/main.ts) in child processes on a throwaway embedded
// folder, to show the exit code reaches the shell.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { AGENCIES, oitCsv, responsesCsv } from '../helpers/results-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'itas-cli-'));
let t: TestDb;
let services: Services;
beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db, { publicUrl: 'https://itas.example' });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function itas(...argv: string[]) {
  let out = '';
  let err = '';
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s) };
  const code = await runCli(argv, io, { services });
  return { code, out, err };
}

/** Writes a file into the test's folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const CODES = AGENCIES.map((a) => a[0]);

describe('itas import …', () => {
  it('agencies, then a year: 0; an unreadable file or a bad encoding: 2', async () => {
    const agencies = file(
      'agencies.csv',
      'code,name_th,type,province,staff_count\n' + AGENCIES.map((a) => a.join(',')).join('\n'),
    );
    const r = await itas('import', 'agencies', agencies);
    expect(r, r.err).toMatchObject({ code: 0 });
    expect(await itas('year', 'create', '--year', '2563', '--framework', 'ita-2563')).toMatchObject(
      { code: 0 },
    );
    expect((await itas('import', 'agencies', join(dir, 'missing.csv'))).code).toBe(2);
    const enc = await itas('import', 'agencies', '--encoding', 'latin1', agencies);
    expect(enc.code).toBe(2);
    expect(enc.err).toContain('Usage: itas import agencies');
  });

  it('responses: 0 and counted; without --year 2; a bad row rejects the file with 1', async () => {
    const csv = file('responses.csv', responsesCsv(CODES, 12));
    const ok = await itas('import', 'responses', '--year', '2563', csv);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^Imported \d+ responses \(\d+ new\) for 5 agencies/);
    expect((await itas('import', 'responses', csv)).code).toBe(2);
    expect((await itas('import', 'responses', '--year', '2563', csv, csv)).code).toBe(2);
    const bad = file(
      'bad.csv',
      `${readFileSync(csv, 'utf8').split('\n')[0]}\nnot-a-uuid,T-PRV,IIT\n`,
    );
    const refused = await itas('import', 'responses', '--year', '2563', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('bad.csv');
  });

  it('oit and past results: 0; an unknown option: 2', async () => {
    const oit = await itas('import', 'oit', '--year', '2563', file('oit.csv', oitCsv(CODES)));
    expect(oit.code, oit.err).toBe(0);
    expect(oit.out).toMatch(/^Imported \d+ OIT rows/);
    const past = file('results.csv', 'agency_code,fiscal_year,overall\nT-PRV,2562,80.5\n');
    const r = await itas('import', 'results', past);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Imported 1 past results');
    expect((await itas('import', 'results', '--year', '2562', past)).code).toBe(2);
  });
});

describe('itas compute', () => {
  it('computes a year: 0; no year 2; a year that does not exist 1', async () => {
    const r = await itas('compute', '--year', '2563');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Computed 5 score cards for 2563/);
    expect((await itas('compute')).code).toBe(2);
    expect((await itas('compute', '--year', '63')).code).toBe(2);
    const missing = await itas('compute', '--year', '2599');
    expect(missing.code).toBe(1);
    expect(missing.err).not.toBe('');
  });
});

describe('itas export …', () => {
  it('results, summary and rankings to files in each format: 0', async () => {
    const results = join(dir, 'results.out.csv');
    expect(
      (await itas('export', 'results', '--year', '2563', '--format', 'csv', '--out', results)).code,
    ).toBe(0);
    expect(readFileSync(results, 'utf8')).toMatch(/^\uFEFFagency_code,name_th,/);
    const summary = join(dir, 'summary.json');
    expect((await itas('export', 'summary', '--year', '2563', '--out', summary)).code).toBe(0);
    const types = JSON.parse(readFileSync(summary, 'utf8')) as { type: string }[];
    expect(types.map((x) => x.type)).toContain('province');
    const rankings = join(dir, 'rankings.xlsx');
    const r = await itas(
      'export',
      'rankings',
      '--year',
      '2563',
      '--format',
      'xlsx',
      '--out',
      rankings,
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^Wrote \d+ rows to /);
    expect(readFileSync(rankings).subarray(0, 2).toString()).toBe('PK'); // a zip: XLSX
  });

  it('a bad format, an unknown agency type or no year: 2; a year that does not exist: 1', async () => {
    const out = join(dir, 'x.out');
    expect(
      (await itas('export', 'results', '--year', '2563', '--format', 'pdf', '--out', out)).code,
    ).toBe(2);
    expect(
      (await itas('export', 'rankings', '--year', '2563', '--type', 'king', '--out', out)).code,
    ).toBe(2);
    expect((await itas('export', 'summary', '--out', out)).code).toBe(2);
    expect(
      (await itas('export', 'results', '--year', '2599', '--format', 'csv', '--out', out)).code,
    ).toBe(1);
    expect((await itas('export', 'summary', '--year', '2599', '--out', out)).code).toBe(1);
  });
});

describe('itas calendar …', () => {
  it('sets and shows a window: 0; missing or invalid options: 2; an unknown year: 1', async () => {
    const set = await itas(
      'calendar',
      'set',
      '--year',
      '2563',
      '--phase',
      'iit',
      '--from',
      '2020-06-01',
      '--to',
      '2020-06-30',
    );
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('2563 iit: 2020-06-01 – 2020-06-30');
    const show = await itas('calendar', 'show', '--year', '2563');
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/^iit\s+\*\s+2020-06-01 2020-06-30/m);
    expect((await itas('calendar', 'set', '--year', '2563', '--phase', 'iit')).code).toBe(2);
    expect((await itas('calendar', 'show')).code).toBe(2);
    const backwards = await itas(
      'calendar',
      'set',
      '--year',
      '2563',
      '--phase',
      'iit',
      '--from',
      '2020-06-30',
      '--to',
      '2020-06-01',
    );
    expect(backwards.code).toBe(2);
    expect(backwards.err).toContain('--');
    const noYear = await itas(
      'calendar',
      'set',
      '--year',
      '2599',
      '--phase',
      'iit',
      '--from',
      '2020-06-01',
      '--to',
      '2020-06-30',
    );
    expect([1, 2]).toContain(noYear.code);
    expect(noYear.code).not.toBe(0);
  });
});

describe('itas links', () => {
  it('lists every agency link as CSV or a table: 0; a bad format or year: 2; unknown year: 1', async () => {
    const csv = await itas('links', '--year', '2563');
    expect(csv.code, csv.err).toBe(0);
    const lines = csv.out
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('agency_code,name_th,province,code,iit_url,eit_url');
    expect(lines).toHaveLength(1 + CODES.length);
    // Absolute links from the CLI's PUBLIC_URL (its configuration, not the services').
    expect(lines[1]).toMatch(/^T-\w+,[^,]+,ลำพูน,(\w+),http\S+\/go\/iit\/\1,http\S+\/go\/eit\/\1$/);
    expect((await itas('links', '--year', '2563', '--format', 'table')).code).toBe(0);
    expect((await itas('links', '--year', '2563', '--format', 'pdf')).code).toBe(2);
    expect((await itas('links')).code).toBe(2);
    expect((await itas('links', '--year', '2599')).code).toBe(1);
  });
});

describe('the runner', () => {
  it('an unknown command is 2, help is 0', async () => {
    expect((await itas('frobnicate')).code).toBe(2);
    expect((await itas('--help')).code).toBe(0);
    expect((await itas('compute', '--help')).code).toBe(0);
  });
});

// The real program: the exit code reaches the shell. Commands that open no database, so the
// three processes cost only Node's start-up (backup-cli.test.ts runs ones that do).
describe('src/cli/main.ts', () => {
  const run = promisify(execFile);
  async function program(...args: string[]) {
    try {
      await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        env: { ...process.env, DATABASE_URL: `file:${join(dir, 'db')}`, LOG_LEVEL: 'silent' },
        timeout: 60_000,
      });
      return 0;
    } catch (e) {
      return (e as { code: number }).code;
    }
  }

  it('exits 2 on a usage error, 1 on a refusal, 0 when done', async () => {
    const broken = file('broken.json', '{"id": "x"}');
    const codes = await Promise.all([
      program('compute'),
      program('framework', 'validate', broken),
      program('framework', 'validate', 'frameworks/ita-2563.json'),
    ]);
    expect(codes).toEqual([2, 1, 0]);
  }, 90_000);
});
