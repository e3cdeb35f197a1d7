// A workbook says it was created and modified at the services' clock (ADR 0019), not at the
// machine's (exceljs's default): the agency report's and the OIT status's workbook
// (tablesToXlsx) and every streamed results download (writeTableStream).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeTableStream } from '../../src/exports/stream-export.ts';
import { tablesToXlsx } from '../../src/exports/table-export.ts';

const AT = new Date('2026-12-03T01:02:03.000Z');
const clock = () => new Date(AT);
// The machine's clock, years away, so a workbook dated by it cannot pass.
const MACHINE = new Date('2031-06-01T12:00:00.000Z');

async function datesOf(buf: Buffer): Promise<{ created: Date; modified: Date }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return { created: wb.created, modified: wb.modified };
}

const table = {
  name: 'T',
  columns: [
    { key: 'name', header: 'name' },
    { key: 'score', header: 'score', decimals: true },
  ],
  rows: [{ name: 'a', score: 87.975 }],
};

async function streamed(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  async function* pages() {
    yield table.rows;
  }
  await writeTableStream(
    'xlsx',
    { name: table.name, columns: table.columns, row: (r) => r, json: (r) => r },
    pages(),
    out,
    clock,
  );
  out.end();
  return Buffer.concat(chunks);
}

describe('XLSX exports take their date from the clock they are given', () => {
  beforeEach(() => {
    // Only Date: exceljs's zip writers need real timers and immediates.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(MACHINE);
  });
  afterEach(() => vi.useRealTimers());

  it('tablesToXlsx (agency report, OIT status): created and modified are the clock time', async () => {
    expect(await datesOf(await tablesToXlsx([table], clock))).toEqual({
      created: AT,
      modified: AT,
    });
  });

  it('writeTableStream (every results download): created and modified are the clock time', async () => {
    expect(await datesOf(await streamed())).toEqual({ created: AT, modified: AT });
  });

  it('nothing else varies: the same data at the same time makes the same bytes', async () => {
    const first = await tablesToXlsx([table], clock);
    expect((await tablesToXlsx([table], clock)).equals(first)).toBe(true);
    const firstStreamed = await streamed();
    expect((await streamed()).equals(firstStreamed)).toBe(true);
  });
});
