// One results read model and one serializer per table (issue 13.3): for the demo's published
// 2563, the rankings and summaries that the page downloads, the API gives, `itas export` writes
// and the open data holds are the same figures under the same column names.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { createApp } from '../../src/http/app.tsx';
import { createServices, type Services } from '../../src/services/container.ts';
import { runCommand } from '../helpers/cli.ts';
import { createTestDb } from '../helpers/db.ts';

type Row = Record<string, string>;
interface RankingJson {
  rank: number;
  agency_code: string;
  overall: number;
  overall_rounded: string;
  level: string;
  passed: boolean;
  below_minimum: string[];
  last_year_rounded: string | null;
}

let services: Services;
let app: ReturnType<typeof createApp>;
let dir: string;
let close: () => Promise<void>;

const csvRows = (text: string): Row[] => parse(text, { bom: true, columns: true });
const get = async (path: string) => {
  const r = await app.request(path);
  expect(r.status, path).toBe(200);
  // Bytes as sent: Response.text() would drop the CSV's BOM.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await r.arrayBuffer());
};
/** `itas export …` into a file (stdout is the process's), read back. */
async function cli(...args: string[]): Promise<string> {
  const out = join(dir, `export-${args.join('-').replace(/[^a-z0-9-]/gi, '')}`);
  expect((await runCommand(services, 'export', ...args, '--out', out)).code).toBe(0);
  return readFile(out, 'utf8');
}

beforeAll(async () => {
  const t = await createTestDb();
  close = t.close;
  services = createServices(t.db);
  await loadDemo(services);
  app = createApp({ services, log: pino({ level: 'silent' }) });
  dir = await mkdtemp(join(tmpdir(), 'itas-agree-'));
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await close();
});

describe('the demo year 2563, read four ways', () => {
  it('the rankings: page CSV and CLI CSV byte for byte, API, page and CLI JSON equal, open data the same figures', async () => {
    const pageCsv = await get('/results/2563/rankings?format=csv');
    const cliCsv = await cli('rankings', '--year', '2563', '--format', 'csv');
    expect(pageCsv).toBe(cliCsv);
    const rows = csvRows(cliCsv);
    expect(rows).toHaveLength(59);

    const api = JSON.parse(await get('/api/v1/years/2563/rankings')) as RankingJson[];
    expect(JSON.parse(await get('/results/2563/rankings?format=json'))).toEqual(api);
    expect(JSON.parse(await cli('rankings', '--year', '2563', '--format', 'json'))).toEqual(api);
    // The CSV's printed figures are the JSON's published digits, column for column.
    expect(
      rows.map((r) => [r.rank, r.agency_code, r.overall, r.level, r.passed, r.below_minimum]),
    ).toEqual(
      api.map((r) => [
        String(r.rank),
        r.agency_code,
        r.overall_rounded,
        r.level,
        String(r.passed),
        r.below_minimum.join(' '),
      ]),
    );
    expect(rows.map((r) => r.last_year)).toEqual(api.map((r) => r.last_year_rounded ?? ''));

    // The open data's results hold the same figures under the same names, and rank the same:
    // one plus the agencies with a higher published overall (ties share a rank).
    const open = new Map(
      csvRows(await get('/open-data/2563/results.csv')).map((r) => [r.agency_code, r]),
    );
    const openJson = new Map(
      (
        JSON.parse(await get('/open-data/2563/results.json')) as {
          agency_code: string;
          overall: number | null;
        }[]
      ).map((r) => [r.agency_code, r]),
    );
    const scored = [...open.values()].filter((r) => r.overall !== '');
    expect(scored).toHaveLength(rows.length);
    expect(api).toHaveLength(rows.length);
    for (const [i, r] of rows.entries()) {
      const code = r.agency_code!;
      const o = open.get(code)!;
      expect([o.overall, o.level, o.passed, o.below_minimum, o.name_th], code).toEqual([
        r.overall,
        r.level,
        r.passed,
        r.below_minimum,
        r.name_th,
      ]);
      expect(openJson.get(code)!.overall).toBe(api[i]!.overall);
      const higher = scored.filter((s) => Number(s.overall) > Number(r.overall)).length;
      expect(Number(r.rank), code).toBe(higher + 1);
    }
  });

  it('a province ranking: the page scope and the CLI filter give the same file', async () => {
    const p = 'ลำพูน';
    const page = await get(
      `/results/2563/rankings?scope=province&province=${encodeURIComponent(p)}` + '&format=csv',
    );
    expect(page).toBe(await cli('rankings', '--year', '2563', '--province', p, '--format', 'csv'));
  });

  it('the summaries: the page CSV is the CLI export with the row of every agency first; JSON equal', async () => {
    const page = csvRows(await get('/results/2563/summary?format=csv'));
    const cliRows = csvRows(await cli('summary', '--year', '2563', '--format', 'csv'));
    expect(Object.keys(page[0]!)).toEqual(Object.keys(cliRows[0]!));
    expect(page[0]!.type).toBe('all');
    expect(page[0]!.agencies).toBe('59');
    expect(page.slice(1)).toEqual(cliRows);

    const api = JSON.parse(await get('/api/v1/years/2563/summary')) as {
      national: object;
      types: object[];
    };
    expect(JSON.parse(await get('/results/2563/summary?format=json'))).toEqual([
      { type: 'all', ...api.national },
      ...api.types,
    ]);
    expect(JSON.parse(await cli('summary', '--year', '2563', '--format', 'json'))).toEqual(
      api.types,
    );
  });

  it('names every field of the JSON the API and the CLI give as the files do (snake_case, ADR 0021)', async () => {
    // Codes of the framework (IIT, AA, 1…10) stay as they are; no key is camelCase.
    const camel: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (/[a-z][A-Z]/.test(k)) camel.push(`${path}.${k}`);
          walk(x, `${path}.${k}`);
        }
    };
    for (const what of ['results', 'summary', 'rankings'])
      walk(JSON.parse(await get(`/api/v1/years/2563/${what}`)), what);
    walk(JSON.parse(await cli('summary', '--year', '2563', '--format', 'json')), 'export summary');
    walk(JSON.parse(await cli('results', '--year', '2563', '--format', 'json')), 'export results');
    expect(camel).toEqual([]);
    const api = JSON.parse(await get('/api/v1/years/2563/summary')) as {
      national: Record<string, unknown>;
    };
    expect(api.national).toHaveProperty('mean_overall');
    expect(api.national).toHaveProperty('below_minimum');
  });
});
