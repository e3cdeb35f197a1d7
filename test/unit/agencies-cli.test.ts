// `itas agencies list` in each format: the exchange names of agencies.csv (docs/formats.md) in
// CSV and JSON alike — `name_th`, never the code's `nameTh`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AGENCY_COLUMNS } from '../../src/domain/agency-import.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';
import { runCommand } from '../helpers/cli.ts';

let t: TestDb;
let services: Services;
beforeAll(async () => {
  t = await createTestDb();
  services = createServices(t.db);
  const csv = readFileSync(
    new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
    'utf8',
  );
  await services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
});
afterAll(() => t.close());

describe('itas agencies list', () => {
  it('--format json names every field as the agency file does (name_th, parent_code, …)', async () => {
    const r = await runCommand(
      services,
      'agencies',
      'list',
      '--type',
      'province',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    expect(list).toEqual([
      expect.objectContaining({ code: '51-PRV', name_th: 'จังหวัดลำพูน', type: 'province' }),
    ]);
    expect(Object.keys(list[0]!)).toEqual([...AGENCY_COLUMNS]);
    expect(r.out).not.toMatch(/nameTh|parentCode|staffCount/);
  });

  it('--format csv has the same columns, with the agency file header', async () => {
    const r = await runCommand(
      services,
      'agencies',
      'list',
      '--type',
      'province',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    const [header, row] = r.out
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toBe(AGENCY_COLUMNS.join(','));
    expect(row).toMatch(/^51-PRV,จังหวัดลำพูน,/);
  });
});
