import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SYSTEM_CLI, ANONYMOUS } from '../../src/domain/actor.ts';
import { ImportRejected } from '../../src/services/import-rejected.ts';
import { worded } from '../helpers/import-issues.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { ForbiddenError } from '../../src/services/errors.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const demo = readFileSync(
  new URL('../../src/demo/data/lamphun-agencies.csv', import.meta.url),
  'utf8',
);
const HEADER = 'code,name_th,type,province,district,website,staff_count';

let t: TestDb;
let s: Services;
beforeAll(async () => {
  t = await createTestDb();
  s = createServices(t.db);
});
afterAll(() => t.close());

describe('agency import', () => {
  it('loads the 59 Lamphun agencies and re-import updates instead of duplicating', async () => {
    const first = await s.agencies.importAgencies(SYSTEM_CLI, 'lamphun.csv', demo);
    expect(first).toEqual({ inserted: 59, updated: 0 });
    const again = await s.agencies.importAgencies(SYSTEM_CLI, 'lamphun.csv', `\uFEFF${demo}`);
    expect(again).toEqual({ inserted: 0, updated: 59 });
    expect(await s.agencies.count()).toBe(59);
    const types = (await s.agencies.listAll({ province: 'ลำพูน' })).map((a) => a.type);
    expect(types.filter((x) => x === 'subdistrict_municipality')).toHaveLength(39);
    expect(types.filter((x) => x === 'sao')).toHaveLength(17);
  });

  it('rejects the whole file when one row is bad, naming line and column, and writes nothing', async () => {
    const csv = `${HEADER}\nX1,หน่วยงานหนึ่ง,sao,ลำพูน,ลี้,,10\nX2,หน่วยงานสอง,sao,ลำพูนน,,,\nX3,หน่วยงานสาม,village,ลำพูน,,http://x.go.th,abc\n`;
    const before = await s.agencies.count();
    const e = await s.agencies.importAgencies(SYSTEM_CLI, 'bad.csv', csv).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportRejected);
    const issues = worded((e as ImportRejected).issues);
    expect(issues).toContainEqual(expect.objectContaining({ line: 3, column: 'province' }));
    expect(issues).toContainEqual(expect.objectContaining({ line: 4, column: 'type' }));
    expect(issues).toContainEqual(expect.objectContaining({ line: 4, column: 'website' }));
    expect(issues).toContainEqual(expect.objectContaining({ line: 4, column: 'staff_count' }));
    expect(issues.every((i) => i.th.length > 0 && i.en.length > 0)).toBe(true);
    expect(await s.agencies.count()).toBe(before);
    expect(await s.agencies.get('X1')).toBeUndefined();
  });

  it('checks districts against the reference list and refuses duplicate codes and unknown columns', async () => {
    const csv = `${HEADER}\nY1,ก,sao,ลำพูน,ลิ้น,,\nY1,ข,sao,ลำพูน,,,\n`;
    const e = (await s.agencies
      .importAgencies(SYSTEM_CLI, 'd.csv', csv)
      .catch((x: unknown) => x)) as ImportRejected;
    expect(worded(e.issues).map((i) => [i.line, i.column])).toEqual([
      [2, 'district'],
      [3, 'code'],
    ]);
    const e2 = (await s.agencies
      .importAgencies(SYSTEM_CLI, 'c.csv', 'code,name_th,type,colour\n')
      .catch((x: unknown) => x)) as ImportRejected;
    expect(worded(e2.issues)[0]).toMatchObject({ line: 1, column: 'colour' });
  });

  it('refuses an import by someone who is not an NACC administrator', async () => {
    await expect(s.agencies.importAgencies(ANONYMOUS, 'x.csv', demo)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('searches by part of the Thai name, then province and district, in Thai order', async () => {
    const page = await s.agencies.search({ q: 'ลำพูน' }, 1);
    expect(page.total).toBe(59);
    expect(page.items.slice(0, 3).map((a) => a.nameTh)).toEqual([
      'จังหวัดลำพูน',
      'เทศบาลเมืองลำพูน',
      'องค์การบริหารส่วนจังหวัดลำพูน',
    ]);
    const rest = page.items.slice(3).map((a) => a.nameTh);
    expect(rest).toEqual([...rest].sort(new Intl.Collator('th').compare));
    const district = await s.agencies.search({ q: 'บ้านโฮ่ง' }, 1);
    expect(district.items.length).toBeGreaterThan(1);
    expect(
      district.items.every((a) => a.district === 'บ้านโฮ่ง' || a.nameTh.includes('บ้านโฮ่ง')),
    ).toBe(true);
    const all = await s.agencies.listAll({ type: 'subdistrict_municipality' });
    const names = all.map((a) => a.nameTh);
    expect(names).toEqual([...names].sort(new Intl.Collator('th').compare));
  });
});
