// `itas framework …` over a test database: validate, import (frozen once a year using it has
// started), list, export exactly, diff; a copy of ita-2563 runs a year with identical results; and
// the JSON Schema the running app serves.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app.ts';
import { runCommand } from '../helpers/cli.ts';
import { oitCsv, responsesCsv, setUpYear } from '../helpers/results-fixtures.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { ServiceError } from '../../src/services/errors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const dir = mkdtempSync(join(tmpdir(), 'itas-framework-'));
const shipped = readFileSync(new URL('../../frameworks/ita-2563.json', import.meta.url), 'utf8');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The command as the runner (cli/run.ts) reports it: a refusal in both languages, exit 1. */
async function itas(...argv: string[]) {
  try {
    return await runCommand(t.services, ...argv);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    return { code: 1, out: '', err: `${e.th}\n${e.en}\n` };
  }
}
/** Writes a variant of the 2563 file and returns its path. */
function fileWith(name: string, change: (d: Record<string, unknown>) => void): string {
  const d = JSON.parse(shipped) as Record<string, unknown>;
  change(d);
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(d, null, 2)}\n`);
  return path;
}

describe('itas framework validate', () => {
  it('accepts a valid file', async () => {
    const r = await itas(
      'framework',
      'validate',
      fileWith('ok.json', () => {}),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ita-2563 \(version 1, fiscal year 2563\) is valid/);
  });

  it('lists every problem with its path in Thai and English, and exits 1', async () => {
    const file = fileWith('bad.json', (d) => {
      (d.toolWeights as { OIT: number }).OIT = 0.5;
      (d.questions as { code: string }[])[1]!.code = 'I1';
    });
    const r = await itas('framework', 'validate', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/3 problem\(s\) in the framework file/);
    expect(r.err).toMatch(/toolWeights: Tool weights sum to 1\.1/);
    expect(r.err).toMatch(/questions\[1\]\.code: Duplicate question code "I1"/);
    expect(r.err).toMatch(/toolWeights: น้ำหนักของแบบวัดรวมกันได้ 1\.1/);
  });
});

describe('the JSON Schema of framework files', () => {
  it('is served at /frameworks/schema.json as published in docs', async () => {
    const res = await t.app.request('/frameworks/schema.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const docs = readFileSync(new URL('../../docs/framework.schema.json', import.meta.url), 'utf8');
    expect(await res.text()).toBe(docs);
  });

  it('is what itas framework schema prints', async () => {
    const r = await itas('framework', 'schema');
    const docs = readFileSync(new URL('../../docs/framework.schema.json', import.meta.url), 'utf8');
    expect(r.out).toBe(docs);
  });
});

const COPY = 'ita-2563-copy';
const agencies = ['T-PRV', 'T-PAO', 'T-SAO1'];

/** Every agency's result of a year as the JSON export gives it, without the year itself. */
async function results(year: number): Promise<unknown[]> {
  const file = join(dir, `results-${year}.json`);
  const r = await itas(
    'export',
    'results',
    '--year',
    String(year),
    '--format',
    'json',
    '--out',
    file,
  );
  expect(r.code).toBe(0);
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  return rows.map(({ fiscal_year: _y, ...rest }) => rest);
}

async function runYear(year: number): Promise<void> {
  await t.services.imports.importResponses(SYSTEM_CLI, year, 'r.csv', responsesCsv(agencies, 15));
  await t.services.imports.importOit(SYSTEM_CLI, year, 'o.csv', oitCsv(agencies));
  await t.services.results.computeYear(year);
}

describe('import, export, list and diff', () => {
  it('exports a shipped framework exactly as its file', async () => {
    const out = join(dir, 'export-2563.json');
    const r = await itas('framework', 'export', 'ita-2563', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(shipped);
  });

  it('a copy of ita-2563 with only its id and fiscal year changed runs a year identically', async () => {
    await setUpYear(t.services);
    const copy = fileWith('copy.json', (d) => {
      d.id = COPY;
      d.fiscalYear = 2570;
    });
    const imported = await itas('framework', 'import', copy);
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/version 1: created/) });
    expect((await itas('year', 'create', '--year', '2570', '--framework', COPY)).code).toBe(0);
    await runYear(2563);
    await runYear(2570);
    const original = await results(2563);
    expect(original).toHaveLength(agencies.length);
    expect(await results(2570)).toEqual(original);
    // The scores are real: at least one agency has an overall score.
    expect(original.some((r) => typeof (r as { overall: unknown }).overall === 'number')).toBe(
      true,
    );

    // Export gives back the imported bytes; importing them again changes nothing.
    const exported = await itas('framework', 'export', COPY);
    expect(exported.out).toBe(readFileSync(copy, 'utf8'));
    expect((await itas('framework', 'import', copy)).out).toMatch(/version 1: unchanged/);
  });

  it('refuses to change a framework once a year using it has answers: a new id is needed', async () => {
    const changed = fileWith('changed.json', (d) => {
      d.id = COPY;
      d.fiscalYear = 2570;
      d.version = 2;
      d.passMark = 80;
    });
    const r = await itas('framework', 'import', changed);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ita-2563-copy is frozen: year 2570 using it has answers/);
    expect((await itas('framework', 'export', COPY)).out).toMatch(/"passMark": 85/);
  });

  it('replaces an unused draft only with a higher version, and never a shipped id', async () => {
    const draft = (version: number, passMark: number) =>
      fileWith(`draft-${version}-${passMark}.json`, (d) => {
        d.id = 'ita-2571-draft';
        d.fiscalYear = 2571;
        d.version = version;
        d.passMark = passMark;
      });
    expect((await itas('framework', 'import', draft(1, 85))).code).toBe(0);
    const same = await itas('framework', 'import', draft(1, 80));
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/raise its version above 1/);
    expect((await itas('framework', 'import', draft(2, 80))).out).toMatch(/version 2: replaced/);
    expect((await itas('framework', 'export', 'ita-2571-draft')).out).toMatch(/"passMark": 80/);
    expect(
      (await t.services.years.create(SYSTEM_CLI, 2571, 'ita-2571-draft')).framework.passMark,
    ).toBe(80);

    const shippedId = await itas(
      'framework',
      'import',
      fileWith('shipped.json', () => {}),
    );
    expect(shippedId.code).toBe(1);
    expect(shippedId.err).toMatch(/"ita-2563" is shipped with the system/);
  });

  it('lists every framework with its source and the years on it', async () => {
    const r = await itas('framework', 'list');
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(0, 5).join(' '))).toEqual([
      'id version fiscal year source years',
      'ita-2563 1 2563 shipped 2563 (frozen)',
      'ita-2566 1 2566 shipped -',
      `${COPY} 1 2570 imported 2570 (frozen)`,
      'ita-2571-draft 2 2571 imported 2571',
    ]);
  });

  it('diffs two frameworks by code: levels and scheme from 2563 to 2566, only id and year to the copy', async () => {
    const copy = await itas('framework', 'diff', 'ita-2563', COPY);
    expect(copy.out).toMatch(
      /^~ id "ita-2563" → "ita-2563-copy"\n~ fiscalYear 2563 → 2570\n2 difference/,
    );
    const next = await itas('framework', 'diff', 'ita-2563', 'ita-2566');
    expect(next.out).toMatch(/^~ levelScheme "bands" → "pass_tiers"$/m);
    expect(next.out).toMatch(/^- levels\[AA\] /m);
    expect(next.out).toMatch(/^\+ levels\[pass_excellent\] /m);
  });
});
