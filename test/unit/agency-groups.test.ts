// Agency groups per year and fixed survey minimums per group (issue 15.5): the framework rule
// (pure), the register import's optional group columns (all or nothing, line and column), and the
// minimums the sample targets and score cards follow — on PGlite, and on PostgreSQL with DATABASE_URL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { validateAgencyGroupRows } from '../../src/domain/agency-import.ts';
import { agencyMinimum, groupMinimum } from '../../src/domain/framework/helpers.ts';
import { getFramework } from '../../src/domain/framework/index.ts';
import { parseFrameworkText } from '../../src/domain/framework/validate.ts';
import { ImportRejected } from '../../src/services/import-rejected.ts';
import { worded, wordedAt } from '../helpers/import-issues.ts';
import { createServices, type Services } from '../../src/services/container.ts';
import { loadScoreInputs } from '../../src/services/score-inputs.ts';
import { createTestDb, type TestDb } from '../helpers/db.ts';

const TEXT = readFileSync(
  new URL('../../frameworks/unverified/ita-2568-structure.json', import.meta.url),
  'utf8',
);
const parsed = parseFrameworkText(TEXT);
if (!parsed.ok) throw new Error('the 2568 structure must be valid');
const f2568 = parsed.value.framework;
const f2563 = getFramework('ita-2563')!;

describe('the rule (pure)', () => {
  it('gives a group its fixed minimum, by size, summed over parts, capped by the population', () => {
    const m = { group: 'subdistrict_municipality', size: 'M' as const };
    expect(groupMinimum(f2568, 'EIT', m)).toBe(70);
    expect(groupMinimum(f2568, 'EIT', { group: 'university', size: null })).toBe(400);
    expect(groupMinimum(f2568, 'IIT', m)).toBeNull();
    expect(agencyMinimum(f2568, 'EIT', null, m)).toBe(70);
    expect(agencyMinimum(f2568, 'EIT', 25, m)).toBe(25);
    // No fixed minimum (IIT, the L size, no group): the share rule of the population.
    expect(agencyMinimum(f2568, 'IIT', 500, m)).toBe(50);
    expect(agencyMinimum(f2568, 'EIT', 500, { group: 'subdistrict_municipality', size: 'L' })).toBe(
      50,
    );
    expect(agencyMinimum(f2568, 'EIT', null, null)).toBeNull();
    const twoParts = {
      ...f2568,
      sampleRule: {
        ...f2568.sampleRule,
        groupMinimums: [
          { group: 'university', tool: 'EIT' as const, part: '1', minimum: 400 },
          { group: 'university', tool: 'EIT' as const, part: '2', minimum: 100 },
        ],
      },
    };
    expect(groupMinimum(twoParts, 'EIT', { group: 'university', size: null })).toBe(500);
  });

  it('leaves the 2563 headcount formula as it was (a group there changes nothing)', () => {
    for (const pop of [0, 12, 29, 30, 299, 301, 4001, 10_000])
      for (const tool of ['IIT', 'EIT'] as const)
        expect(agencyMinimum(f2563, tool, pop, { group: 'sao', size: 'S' })).toBe(
          agencyMinimum(f2563, tool, pop, null),
        );
    expect(agencyMinimum(f2563, 'EIT', 10_000, null)).toBe(400);
  });

  it('refuses a file whose minimums name an unknown group or size, or repeat', () => {
    const doc = JSON.parse(TEXT) as {
      sampleRule: { groupMinimums: Record<string, unknown>[] };
    };
    doc.sampleRule.groupMinimums.push(
      { group: 'no_such', tool: 'EIT', minimum: 5 },
      { group: 'university', size: 'S', tool: 'EIT', minimum: 5 },
      { group: 'sao', size: 'S', tool: 'EIT', part: '1', minimum: 31 },
    );
    const r = parseFrameworkText(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(wordedAt(r.error).map((p) => `${p.path}: ${p.en}`)).toEqual([
      'sampleRule.groupMinimums[8].group: Unknown agency group "no_such" (not in agencyGroups)',
      'sampleRule.groupMinimums[9].size: Agency group "university" has no size S',
      'sampleRule.groupMinimums[10]: The same minimum as sampleRule.groupMinimums[4]',
    ]);
  });

  it('reads the group columns row by row, naming line and column', () => {
    const years = new Map([
      [2568, f2568.agencyGroups ?? []],
      [2563, []],
    ]);
    const row = (line: number, values: Record<string, string>) => ({
      line,
      values: { code: `G-${line}`, ...values },
    });
    const r = validateAgencyGroupRows(
      [
        row(2, { fiscal_year: '2568', agency_group: 'sao', agency_size: 'M' }),
        row(3, {}),
        row(4, { fiscal_year: '', agency_group: 'sao', agency_size: 'M' }),
        row(5, { fiscal_year: '2570', agency_group: 'sao', agency_size: 'M' }),
        row(6, { fiscal_year: '2568', agency_group: 'sao' }),
        row(7, { fiscal_year: '2568', agency_group: 'university', agency_size: 'L' }),
        row(8, { fiscal_year: '2563', agency_group: 'sao' }),
        row(9, { fiscal_year: '2568', agency_group: 'nope' }),
      ],
      years,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(worded(r.error).map((i) => `${i.line} ${i.column}: ${i.en}`)).toEqual([
      '4 fiscal_year: a group needs the fiscal year it applies to',
      '5 fiscal_year: fiscal year "2570" has not been created',
      '6 agency_size: group sao needs a size (S, M, L)',
      '7 agency_size: group university has no sizes; leave agency_size empty',
      '8 agency_group: the 2563 framework has no agency groups',
      expect.stringContaining('9 agency_group: group "nope" is not in the 2568 framework'),
    ]);
    expect(
      validateAgencyGroupRows(
        [row(2, { fiscal_year: '2568', agency_group: 'university', agency_size: '' })],
        years,
      ),
    ).toEqual({
      ok: true,
      value: [{ fiscalYear: 2568, agencyCode: 'G-2', group: 'university', size: null }],
    });
  });
});

describe('import, agency page, sample targets and score inputs', () => {
  let t: TestDb;
  let s: Services;
  const HEAD = 'code,name_th,type,province,district,staff_count';

  beforeAll(async () => {
    t = await createTestDb();
    s = createServices(t.db);
    expect((await s.frameworks.import(SYSTEM_CLI, TEXT)).ok).toBe(true);
    await s.years.create(SYSTEM_CLI, 2568, 'ita-2568-structure');
    await s.years.create(SYSTEM_CLI, 2563, 'ita-2563');
  });
  afterAll(async () => t?.close());

  it('imports a file without group columns exactly as before', async () => {
    const r = await s.agencies.importAgencies(
      SYSTEM_CLI,
      'plain.csv',
      `${HEAD}\nG-1,เทศบาลตำบลกลุ่ม,subdistrict_municipality,ลำพูน,เมืองลำพูน,40\n`,
    );
    expect(r).toEqual({ inserted: 1, updated: 0 });
    expect((await s.agencies.page('G-1'))?.groups).toEqual([]);
  });

  it('takes a file with one bad group row not at all, naming line and column', async () => {
    const csv = `${HEAD},fiscal_year,agency_group,agency_size
G-1,เทศบาลตำบลกลุ่ม,subdistrict_municipality,ลำพูน,เมืองลำพูน,40,2568,subdistrict_municipality,M
G-2,อบต.กลุ่ม,sao,ลำพูน,ป่าซาง,40,2568,sao,X
`;
    const e = await s.agencies.importAgencies(SYSTEM_CLI, 'bad.csv', csv).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportRejected);
    expect(worded((e as ImportRejected).issues)).toEqual([
      expect.objectContaining({ line: 3, column: 'agency_size' }),
    ]);
    expect(await s.agencies.get('G-2')).toBeUndefined();
    expect((await s.agencies.page('G-1'))?.groups).toEqual([]);
  });

  it('sets groups per year, shows them, and the minimums follow the group', async () => {
    const csv = `${HEAD},fiscal_year,agency_group,agency_size
G-1,เทศบาลตำบลกลุ่ม,subdistrict_municipality,ลำพูน,เมืองลำพูน,40,2568,subdistrict_municipality,M
G-2,อบต.กลุ่ม,sao,ลำพูน,ป่าซาง,40,,,
`;
    expect(await s.agencies.importAgencies(SYSTEM_CLI, 'good.csv', csv)).toEqual({
      inserted: 1,
      updated: 1,
    });
    const page = await s.agencies.page('G-1');
    expect(page?.groups).toEqual([
      {
        fiscalYear: 2568,
        agencyCode: 'G-1',
        group: 'subdistrict_municipality',
        size: 'M',
        name: { th: 'เทศบาลตำบล', en: 'Subdistrict municipalities' },
      },
    ]);
    // Sample targets: EIT 70 for the group without any population; IIT by the share rule.
    expect(
      await s.sampleTargets.setTargets(SYSTEM_CLI, 2568, 'G-1', { iit: '400', eit: '' }),
    ).toMatchObject({ ok: false });
    expect(
      await s.sampleTargets.setTargets(SYSTEM_CLI, 2568, 'G-1', { iit: '400', eit: '5000' }),
    ).toMatchObject({ ok: true });
    const { progress } = await s.sampleTargets.forAgency(SYSTEM_CLI, 2568, 'G-1');
    expect([progress.IIT.minimum, progress.EIT.minimum]).toEqual([40, 70]);
    // The same agency in 2563 (no group there) keeps the headcount formula: EIT capped at 400.
    await s.sampleTargets.setTargets(SYSTEM_CLI, 2563, 'G-1', { iit: '400', eit: '5000' });
    const old = await s.sampleTargets.forAgency(SYSTEM_CLI, 2563, 'G-1');
    expect([old.progress.IIT.minimum, old.progress.EIT.minimum]).toEqual([40, 400]);
    // And the score card's inputs carry the same minimums.
    const inputs = await loadScoreInputs(t.db, 2568, f2568, ['G-1', 'G-2']);
    expect(inputs.get('G-1')?.minimums).toEqual({ IIT: 40, EIT: 70 });
    expect(inputs.get('G-2')?.minimums).toEqual({ IIT: null, EIT: null });
  });
});
