// Roll-ups: province scores (Lamphun 2563 = 68.83), ranks with ties, per-type and national summaries.
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/index.ts';
import {
  provinceScores,
  rankAgencies,
  summarizeByType,
  summarizeNational,
  withLastYear,
  type AgencyResult,
} from '../../../src/domain/scoring/index.ts';
import { rankingRows, type RankingRow } from './seed-fixtures.ts';

const framework = getFramework('ita-2563')!;

/** Province and PAO rows carry their province only in the agency name. */
const provinceOf = (row: RankingRow): string =>
  row.province || row.agency.replace(/^องค์การบริหารส่วนจังหวัด|^จังหวัด/, '');

const asResult = (row: RankingRow, i: number): AgencyResult => ({
  agencyCode: `A${String(i).padStart(4, '0')}`,
  type: row.type,
  province: provinceOf(row),
  overall: row.score2563,
  level: row.level,
  passed: row.passed,
  indicators: {},
  respondents: { IIT: 0, EIT: 0 },
});

const result = (agencyCode: string, overall: number | null, extra: Partial<AgencyResult> = {}) => ({
  agencyCode,
  type: 'sao',
  province: 'ลำพูน',
  overall,
  level: null,
  passed: null,
  indicators: {},
  respondents: { IIT: 0, EIT: 0 },
  ...extra,
});

describe('province score', () => {
  it("gives Lamphun 68.83 from its 59 agencies' published 2563 scores", () => {
    const lamphun = rankingRows.map(asResult).filter((r) => r.province === 'ลำพูน');
    expect(lamphun).toHaveLength(59);
    const [row] = provinceScores(lamphun);
    expect(row).toMatchObject({ province: 'ลำพูน', agencies: 59, assessed: 59, rank: 1 });
    expect(row!.score!.toFixed(2)).toBe('68.83');
  });

  it('ranks provinces by mean, ties sharing a rank, and leaves out agencies without a score', () => {
    const rows = provinceScores([
      result('a', 80, { province: 'ก' }),
      result('b', 60, { province: 'ก' }),
      result('c', 70, { province: 'ข' }),
      result('d', null, { province: 'ข' }),
      result('e', 90, { province: 'ค' }),
      result('f', null, { province: 'ง' }),
    ]);
    expect(rows.map((r) => [r.province, r.score, r.rank, r.assessed, r.agencies])).toEqual([
      ['ค', 90, 1, 1, 1],
      ['ก', 70, 2, 2, 2],
      ['ข', 70, 2, 1, 2],
      ['ง', null, null, 0, 1],
    ]);
  });
});

describe('rankAgencies', () => {
  it('shares ranks between ties and skips after them (1, 2, 2, 4)', () => {
    const ranked = rankAgencies([
      result('d', 70),
      result('b', 88.5),
      result('a', 95),
      result('c', 88.5),
      result('x', null),
    ]);
    expect(ranked.map((r) => [r.agencyCode, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('ranks on the published figure: 88.504 and 88.496 both print 88.50 and share a rank', () => {
    const ranked = rankAgencies([result('b', 88.504), result('a', 88.496), result('c', 88.494)]);
    expect(ranked.map((r) => [r.agencyCode, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('two agencies printed 87.96 share a rank, whatever their raw doubles', () => {
    const ranked = rankAgencies([
      result('x', 87.96499999),
      result('y', 87.955),
      result('z', 87.97),
    ]);
    expect(ranked.map((r) => [r.agencyCode, r.rank])).toEqual([
      ['z', 1],
      ['x', 2],
      ['y', 2],
    ]);
  });
});

describe('summaries', () => {
  const results: AgencyResult[] = [
    result('a', 96, {
      type: 'pao',
      level: 'AA',
      passed: true,
      indicators: { '1': 90, '9': 100 },
      respondents: { IIT: 30, EIT: 40 },
    }),
    result('b', 80, {
      type: 'pao',
      level: 'B',
      passed: false,
      indicators: { '1': 70, '9': null },
      respondents: { IIT: 10, EIT: 5 },
    }),
    result('c', 86, {
      type: 'sao',
      level: 'A',
      passed: true,
      indicators: { '1': 80 },
      respondents: { IIT: 1, EIT: 2 },
    }),
    result('d', null, { type: 'sao' }),
  ];

  it('counts agencies, respondents, means, levels and passing per type', () => {
    const [pao, sao] = summarizeByType(framework, results);
    expect(pao).toMatchObject({
      type: 'pao',
      agencies: 2,
      assessed: 2,
      respondents: { IIT: 40, EIT: 45 },
      meanOverall: 88,
      passing: { count: 1, share: 0.5 },
      meetsNationalTarget: false,
    });
    expect(pao!.indicatorMeans['1']).toBe(80);
    expect(pao!.indicatorMeans['9']).toBe(100);
    expect(pao!.indicatorMeans['5']).toBeNull();
    expect(pao!.levels).toMatchObject({
      AA: { count: 1, share: 0.5 },
      B: { count: 1, share: 0.5 },
      F: { count: 0, share: 0 },
    });
    expect(sao).toMatchObject({
      agencies: 2,
      assessed: 1,
      meanOverall: 86,
      passing: { count: 1, share: 1 },
      meetsNationalTarget: true,
    });
  });

  it('summarises the nation over every agency', () => {
    const nation = summarizeNational(framework, results);
    expect(nation.agencies).toBe(4);
    expect(nation.assessed).toBe(3);
    expect(nation.meanOverall).toBeCloseTo((96 + 80 + 86) / 3, 12);
    expect(nation.passing.count).toBe(2);
    expect(nation.meetsNationalTarget).toBe(false);
  });
});

describe('withLastYear', () => {
  it('joins last year by agency code, null when unknown', () => {
    const joined = withLastYear(
      [result('a', 90), result('b', 70), result('c', null)],
      [
        { agencyCode: 'a', overall: 85.5 },
        { agencyCode: 'c', overall: 60 },
      ],
    );
    expect(joined.map((r) => [r.agencyCode, r.lastYear, r.change])).toEqual([
      ['a', 85.5, 4.5],
      ['b', null, null],
      ['c', 60, null],
    ]);
  });

  it('matches the published 2562 scores of Lamphun province unit', () => {
    const row = rankingRows.find((r) => r.agency === 'จังหวัดลำพูน')!;
    const [joined] = withLastYear(
      [result('lamphun', row.score2563)],
      [{ agencyCode: 'lamphun', overall: row.score2562 }],
    );
    expect(joined!.lastYear).toBe(90.35);
    expect(joined!.change!.toFixed(2)).toBe('-2.39');
  });
});
