// The report model: recommendations from the year's rule table, answer shares, ranked indicators,
// and no breakdown of respondents below 10 people.
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/index.ts';
import { recommendationsFor, rulesFor } from '../../../src/domain/recommendations/index.ts';
import { buildAgencyReport, type ReportInput } from '../../../src/domain/reports/agency-report.ts';

const fw = getFramework('ita-2563')!;
const indicators = {
  '1': 92.81,
  '2': 86.84,
  '3': 89.84,
  '4': 84.42,
  '5': 88.62,
  '6': 82.87,
  '7': 83.13,
  '8': 79.43,
  '9': 84.33,
  '10': 100,
};

describe('recommendationsFor', () => {
  it('lists each tool below the pass mark and its indicators below it in the framework order, with actions (as the seed: quality, communication, improvement)', () => {
    const recs = recommendationsFor(fw, {
      tools: { IIT: 88.51, EIT: 81.81, OIT: 92.17 },
      indicators,
    });
    expect(recs.map((r) => [r.tool, r.belowTarget])).toEqual([
      ['IIT', false],
      ['EIT', true],
      ['OIT', false],
    ]);
    const eit = recs[1]!;
    expect(eit.indicators.map((i) => i.code)).toEqual(['6', '7', '8']);
    expect(eit.indicators[2]!.actions[0]!.th).toContain('การปรับปรุงระบบการทำงาน');
    expect(recs[0]!.indicators.map((i) => i.code)).toEqual(['4']);
  });
  it('recommends nothing when every score reaches the target, and nothing for missing scores', () => {
    const high = Object.fromEntries(Object.keys(indicators).map((k) => [k, 90]));
    expect(
      recommendationsFor(fw, { tools: { IIT: 90, EIT: 90, OIT: 90 }, indicators: high }),
    ).toEqual([]);
    expect(
      recommendationsFor(fw, { tools: { IIT: null, EIT: null, OIT: null }, indicators: {} }),
    ).toEqual([]);
  });
  it('has actions for every indicator of the 2563 framework', () => {
    const rules = rulesFor(fw)!;
    for (const ind of fw.indicators)
      expect(rules.indicators[ind.code]?.length, ind.code).toBeGreaterThan(0);
  });
});

describe('buildAgencyReport', () => {
  const base = (people: number): ReportInput => ({
    framework: fw,
    fiscalYear: 2563,
    card: {
      frameworkId: fw.id,
      overall: 87.96,
      level: 'A',
      passed: true,
      tools: { IIT: 88.51, EIT: 81.81, OIT: 92.17 },
      indicators: { ...indicators, '3': 92.81 },
      questions: {},
      subItems: { 'I1.1': 85.82 },
      respondents: { IIT: people, EIT: people },
    },
    answerCounts: { IIT: new Map([[1, [3, 0, 6, 3]]]), EIT: new Map() },
    oit: [{ item: 'O3', score: 0, comment: 'ไม่ปรากฏ' }],
    trend: [{ fiscalYear: 2562, overall: 90.35 }],
    demographics: [
      { tool: 'IIT', field: 'age_band', value: '20-30', gender: 'male', n: people - 2 },
      { tool: 'IIT', field: 'age_band', value: '31-40', gender: 'female', n: 2 },
    ],
  });

  it('ranks indicators (ties share a rank), gives shares in percent and adds this year to the trend', () => {
    const r = buildAgencyReport(base(12));
    expect(r.indicators.slice(0, 3).map((i) => [i.rank, i.code])).toEqual([
      [1, '10'],
      [2, '1'],
      [2, '3'],
    ]);
    expect(r.indicators[3]!.rank).toBe(4);
    const i11 = r.questions[0]!.items[0]!;
    expect(i11.shares).toEqual([25, 0, 50, 25]);
    expect(i11.answered).toBe(12);
    expect(i11.score).toBe(85.82);
    expect(r.trend).toEqual([
      { fiscalYear: 2562, overall: 90.35 },
      { fiscalYear: 2563, overall: 87.96 },
    ]);
    expect(r.oit.find((o) => o.code === 'O3')).toMatchObject({ score: 0, comment: 'ไม่ปรากฏ' });
    expect(r.oit.find((o) => o.code === 'O1')!.score).toBeNull();
  });

  it('shows nothing per question for a tool with fewer respondents than the framework threshold', () => {
    expect(fw.minRespondentsShown).toBe(10);
    const r = buildAgencyReport(base(9));
    expect(r.detailHidden).toEqual({ IIT: true, EIT: true });
    expect(r.minRespondents).toBe(10);
    const i11 = r.questions[0]!.items[0]!;
    expect([i11.shares, i11.counts, i11.answered, i11.score]).toEqual([[], [], 0, null]);
    expect(r.questions.every((q) => q.score === null)).toBe(true);
    // The tool and indicator scores are the assessment's result and stay.
    expect(r.tools.find((t) => t.tool === 'IIT')!.score).toBe(88.51);
    // Ten respondents, but an item answered by fewer than ten: no shares or counts for it.
    const partial = base(10);
    partial.answerCounts.IIT.set(1, [1, 0, 2, 1]);
    const it11 = buildAgencyReport(partial).questions[0]!.items[0]!;
    expect([it11.shares, it11.counts]).toEqual([[], []]);
    expect(buildAgencyReport(base(10)).detailHidden.IIT).toBe(false);
  });

  it('breaks down who answered only from 10 people up, as counts of people', () => {
    const shown = buildAgencyReport(base(10)).whoAnswered[0]!;
    const age = shown.tables!.find((t) => t.field === 'age_band')!;
    expect(age.rows.find((r) => r.value === '20-30')!.counts).toEqual([8, 0, 0]);
    expect(buildAgencyReport(base(9)).whoAnswered[0]!.tables).toBeNull();
  });
});
