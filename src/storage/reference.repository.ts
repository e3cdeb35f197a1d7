// Provinces and districts: reference lists shipped with the code, loaded into the database idempotently.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './database.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'reference-data');

export function readProvinceNames(): string[] {
  return readFileSync(join(dir, 'provinces.txt'), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readDistricts(): Record<string, string[]> {
  return JSON.parse(readFileSync(join(dir, 'districts.json'), 'utf8')) as Record<string, string[]>;
}

/** The provinces' names as stored (unsorted: callers sort in Thai order). */
export async function listProvinceNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('provinces').select('name_th').execute();
  return rows.map((r) => r.name_th);
}

export async function ensureReferenceData(db: Db): Promise<void> {
  const provinces = readProvinceNames();
  const have = await db
    .selectFrom('provinces')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(have.n) >= provinces.length) return;
  const districts = readDistricts();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('provinces')
      .values(provinces.map((name_th) => ({ name_th, name_en: null, region: null })))
      .onConflict((oc) => oc.column('name_th').doNothing())
      .execute();
    const rows = provinces.flatMap((p) =>
      (districts[p] ?? []).map((name_th) => ({ province: p, name_th })),
    );
    await tx
      .insertInto('districts')
      .values(rows)
      .onConflict((oc) => oc.columns(['province', 'name_th']).doNothing())
      .execute();
  });
}

export async function loadReference(db: Db) {
  const [provinces, districts, codes] = await Promise.all([
    db.selectFrom('provinces').select('name_th').execute(),
    db.selectFrom('districts').select(['province', 'name_th']).execute(),
    db.selectFrom('agencies').select('code').execute(),
  ]);
  const byProvince = new Map<string, Set<string>>();
  for (const d of districts) {
    let s = byProvince.get(d.province);
    if (!s) byProvince.set(d.province, (s = new Set()));
    s.add(d.name_th);
  }
  return {
    provinces: new Set(provinces.map((p) => p.name_th)),
    districtsOf: (p: string) => byProvince.get(p),
    existingCodes: new Set(codes.map((c) => c.code)),
  };
}
