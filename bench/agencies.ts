// Benchmark: import an 8,303-agency agencies.csv into PGlite (goal < 10 s), printing time and
// peak memory. Run: npm run bench -- agencies
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { SYSTEM_CLI } from '../src/domain/actor.ts';
import { createServices } from '../src/services/container.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { ensureReferenceData } from '../src/storage/reference.repository.ts';
import { step, type StepResult } from './measure.ts';
import { TYPE_MIX_2563 } from './type-mix-2563.ts';

const NEEDS_PROVINCE = new Set([
  'province',
  'pao',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'sao',
  'special_local',
]);

/** agencies.csv rows of a national year: the 2563 type mix over the 77 provinces. */
export function nationalAgencyRows(): string[][] {
  const provinces = readFileSync(
    new URL('../src/storage/reference-data/provinces.txt', import.meta.url),
    'utf8',
  )
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const rows: string[][] = [];
  let n = 0;
  for (const [type, count] of Object.entries(TYPE_MIX_2563)) {
    for (let i = 0; i < count; i++) {
      n++;
      const code = `N${String(n).padStart(5, '0')}`;
      const province = NEEDS_PROVINCE.has(type) ? provinces[n % provinces.length]! : '';
      rows.push([
        code,
        `หน่วยงานทดสอบ ${type} ${i + 1}`,
        type,
        province,
        `https://${code.toLowerCase()}.bench.example`,
        String(20 + ((n * 37) % 480)),
      ]);
    }
  }
  return rows;
}

export const AGENCY_HEADER = ['code', 'name_th', 'type', 'province', 'website', 'staff_count'];

export async function runAgenciesBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'itas-bench-agencies-'));
  const results: StepResult[] = [];
  try {
    const file = join(dir, 'agencies.csv');
    writeFileSync(file, '\uFEFF' + stringify([AGENCY_HEADER, ...nationalAgencyRows()]));
    process.stdout.write(`agencies bench (PGlite, data dir ${dir})\n`);
    const db = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') });
    await migrateToLatest(db);
    await ensureReferenceData(db);
    const services = createServices(db);
    const r = await step(
      'importAgencies 8,303 rows (goal < 10 s)',
      () =>
        services.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', readFileSync(file, 'utf8')),
      results,
    );
    process.stdout.write(`  inserted ${r.inserted}, updated ${r.updated}\n`);
    await step(
      're-import (all updates)',
      () =>
        services.agencies.importAgencies(SYSTEM_CLI, 'agencies.csv', readFileSync(file, 'utf8')),
      results,
    );
    await db.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
