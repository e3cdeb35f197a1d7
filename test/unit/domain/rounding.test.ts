// The one rounding rule (docs/methodology.md "Rounding"): 2 decimals, half up, from full precision,
// and every output — page, CSV, XLSX, JSON (page downloads and streamed exports) — shows the same
// digits for the same figure.
import { PassThrough } from 'node:stream';
import { systemClock } from '../../../src/clock.ts';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  published,
  publishedChange,
  publishedDigits,
  publishedDigitsOrNull,
} from '../../../src/domain/scoring/index.ts';
import { writeTableStream, type StreamTable } from '../../../src/exports/stream-export.ts';
import { rankingsTable } from '../../../src/exports/rankings-table.ts';
import { tablesToXlsx } from '../../../src/exports/table-export.ts';
import type { AgencyRankingRow } from '../../../src/domain/reports/ranking-view.ts';
import { formatScore } from '../../../src/i18n/format.ts';

/** A seeded generator, so a failure names values that can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exact half-up of a decimal written as thousandths (k / 1000), done in integers. */
const halfUpOfThousandths = (k: number) => {
  const hundredths = Math.floor((k + 5) / 10);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};

describe('publishedDigits', () => {
  it.each([
    [0.145, '0.15'],
    [0.144, '0.14'],
    [87.965, '87.97'],
    [87.955, '87.96'],
    [84.996, '85.00'],
    [84.994999, '84.99'],
    [99.995, '100.00'],
    [100, '100.00'],
    [0, '0.00'],
    [1.005, '1.01'],
    [2.675, '2.68'],
    [-0.145, '-0.15'],
    [-0.001, '0.00'],
    [-0, '0.00'],
    // Binary noise from arithmetic: mathematically 87.965, the double a hair below.
    [87.96499999999999, '87.97'],
    [(87.96 + 87.97) / 2, '87.97'],
    [0.1 + 0.2, '0.30'],
  ])('%s → %s', (value, digits) => {
    expect(publishedDigits(value)).toBe(digits);
    expect(published(value)).toBe(Number(digits));
  });

  it('refuses what is not a figure, and maps missing figures to null', () => {
    expect(() => publishedDigits(Number.NaN)).toThrow(RangeError);
    expect(() => publishedDigits(Infinity)).toThrow(RangeError);
    expect(publishedDigitsOrNull(null)).toBeNull();
    expect(publishedDigitsOrNull(undefined)).toBeNull();
    expect(publishedDigitsOrNull(Number.NaN)).toBeNull();
  });

  it('rounds every x.xx5 written as a decimal up, like the integer reference (10,000 values)', () => {
    const next = random(13);
    const wrong: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const k = Math.floor(next() * 10_000) * 10 + 5; // 0.005 … 99.995
      const value = k / 1000;
      if (publishedDigits(value) !== halfUpOfThousandths(k))
        wrong.push(`${value}: ${publishedDigits(value)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the change is the difference of the printed figures', () => {
    expect(publishedChange(87.965, 80.004)).toBe(7.97);
    expect(publishedChange(80.004, 87.965)).toBe(-7.97);
    expect(publishedChange(null, 80)).toBeNull();
  });
});

/** A ranking row whose overall score is `v`. */
const rankingRow = (v: number): AgencyRankingRow => ({
  rank: 1,
  agencyCode: 'X',
  nameTh: 'x',
  nameEn: null,
  type: 'province',
  province: null,
  district: null,
  overall: v,
  level: 'A',
  passed: true,
  belowMinimum: [],
  lastYear: null,
  lastRank: null,
  change: null,
});

describe('every output shows the same digits (10,000 random x.xx5-ish values)', () => {
  const next = random(2563);
  // x.xx5 written as decimals, the same reached by arithmetic (binary noise either side), and
  // plain random doubles.
  const values = Array.from({ length: 10_000 }, (_, i) => {
    const k = Math.floor(next() * 10_000) * 10 + 5;
    if (i % 3 === 0) return k / 1000;
    if (i % 3 === 1) return ((k - 5) / 1000 + (k + 5) / 1000) / 2 + (next() - 0.5) * 1e-13;
    return next() * 100;
  });
  const expected = values.map(publishedDigits);

  it('page (Thai and English) and the agency report workbook (XLSX)', async () => {
    const table = {
      name: 't',
      columns: [
        { key: 'i', header: 'i' },
        { key: 'v', header: 'v', decimals: true },
      ],
      rows: values.map((v, i) => ({ i, v })),
    };
    const page = values.map((v) => [formatScore(v, 'th'), formatScore(v, 'en')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tablesToXlsx([table], systemClock)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const mismatches: string[] = [];
    values.forEach((v, i) => {
      const cell = ws.getRow(i + 2).getCell(2);
      const shown = [page[i]![0], page[i]![1], String((cell.value as number).toFixed(2))];
      if (shown.some((s) => s !== expected[i]) || cell.numFmt !== '0.00')
        mismatches.push(`${v}: expected ${expected[i]}, got ${shown.join(' / ')} (${cell.numFmt})`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('every results download (page, CLI, API): CSV, XLSX and JSON of the rankings table', async () => {
    const table: StreamTable<number> = {
      ...rankingsTable(),
      row: (v) => rankingsTable().row(rankingRow(v)),
      json: (v) => rankingsTable().json(rankingRow(v)),
    };
    const run = async (format: 'csv' | 'xlsx' | 'json') => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      async function* pages() {
        for (let i = 0; i < values.length; i += 1000) yield values.slice(i, i + 1000);
      }
      await writeTableStream(format, table, pages(), out, systemClock);
      out.end();
      return Buffer.concat(chunks);
    };
    const csv = parse<{ overall: string }>((await run('csv')).toString('utf8'), {
      bom: true,
      columns: true,
    }).map((r) => r.overall);
    const json = JSON.parse((await run('json')).toString('utf8')) as {
      overall: number;
      overall_rounded: string;
    }[];
    const col = rankingsTable().columns.findIndex((c) => c.key === 'overall') + 1;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await run('xlsx')) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const mismatches: string[] = [];
    values.forEach((v, i) => {
      const cell = ws.getRow(i + 2).getCell(col);
      const shown = [csv[i], (cell.value as number).toFixed(2), json[i]!.overall_rounded];
      if (shown.some((s) => s !== expected[i]) || cell.value !== Number(expected[i]))
        mismatches.push(`${v}: expected ${expected[i]}, got ${shown.join(' / ')}`);
      if (json[i]!.overall !== v) mismatches.push(`${v}: JSON lost full precision`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
