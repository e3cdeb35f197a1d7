// The planner over the seed's 2563 report of the Lamphun province unit: its numbers are the scorer's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/registry.ts';
import { planAgency, projectProvince, raiseOneStep } from '../../../src/domain/improvement-plan.ts';
import { scoreAgency } from '../../../src/domain/scoring/index.ts';
import type { ScoreInput } from '../../../src/domain/scoring/types.ts';

interface Report {
  questions: { code: string; items: { distribution: number[] }[] }[];
  oit: { code: string; score: number }[];
}
const report = JSON.parse(
  readFileSync('test/fixtures/seed/lamphun-2563-report.json', 'utf8'),
) as Report;
const fw = getFramework('ita-2563')!;

function inputFromReport(): ScoreInput {
  const answers: Record<string, number[]> = {};
  for (const q of report.questions)
    q.items.forEach((item, i) => (answers[`${q.code}.${i + 1}`] = item.distribution));
  return {
    answers,
    respondents: { IIT: 1, EIT: 1 },
    oit: Object.fromEntries(report.oit.map((o) => [o.code, o.score])),
  };
}

describe('planAgency on the Lamphun province unit, 2563', () => {
  const input = inputFromReport();

  it('starts from the published 87.96 (level A)', () => {
    const plan = planAgency(fw, input, []);
    expect(plan.base.overall!.toFixed(2)).toBe('87.96');
    expect(plan.base.level).toBe('A');
  });

  it('projects O3, O8, O9, O25 and O32 ticked exactly as the scorer scores them', () => {
    const ticked = ['oit:O3', 'oit:O8', 'oit:O9', 'oit:O25', 'oit:O32'];
    const expected = scoreAgency(fw, {
      ...input,
      oit: { ...input.oit, O3: 100, O8: 100, O9: 100, O25: 100, O32: 100 },
    });
    const plan = planAgency(fw, input, ticked);
    expect(plan.ticked).toEqual(ticked);
    expect(plan.projected.overall).toBe(expected.overall);
    expect(plan.projected.tools.OIT).toBe(100);
    // ≈ 0.3 × 88.51 + 0.3 × 81.81 + 0.4 × 100, computed at full precision.
    expect(plan.projected.overall!.toFixed(2)).toBe('91.10');
    expect(plan.projected.overall!).toBeGreaterThan(plan.base.overall!);
  });

  it('lists the five OIT items at 0 and the indicators below 85, best gain first', () => {
    const plan = planAgency(fw, input, []);
    const ids = plan.actions.map((a) => a.action.id);
    for (const item of ['O3', 'O8', 'O9', 'O25', 'O32']) expect(ids).toContain(`oit:${item}`);
    expect(ids).toContain('ind:4'); // 84.42
    expect(ids).toContain('ind:8'); // 79.43
    expect(ids).not.toContain('ind:1'); // 92.81 passes
    const gains = plan.actions.map((a) => a.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    // O3 is one of 9 items of 9.1, one of 5 sub-indicators of 9, one of 2 OIT indicators.
    const o3 = plan.actions.find((a) => a.action.id === 'oit:O3')!;
    expect(o3.gain).toBeCloseTo((0.4 * 0.5 * 0.2 * 100) / 9, 10);
  });

  it('ignores ticks that are not actions of this agency', () => {
    const plan = planAgency(fw, input, ['oit:O1', 'ind:1', 'nonsense']);
    expect(plan.ticked).toEqual([]);
    expect(plan.projected.overall).toBe(plan.base.overall);
  });
});

describe('raiseOneStep', () => {
  it.each([
    ['likert4', [10, 20, 30, 40], [5, 15, 25, 55]],
    ['likert4_reverse', [40, 30, 20, 10], [55, 25, 15, 5]],
    ['yes_good', [80, 20], [90, 10]],
    ['no_good', [20, 80], [10, 90]],
  ] as const)('%s %j → %j', (scale, counts, expected) => {
    expect(raiseOneStep(scale, counts)).toEqual(expected);
  });
});

describe('projectProvince', () => {
  const r = (agencyCode: string, province: string, overall: number) => ({
    agencyCode,
    type: 'sao',
    province,
    overall,
    level: null,
    passed: null,
    indicators: {},
    respondents: { IIT: 0, EIT: 0 },
  });
  it('recomputes the combined score and rank with the replaced score', () => {
    const results = [r('a', 'ลำพูน', 60), r('b', 'ลำพูน', 70), r('c', 'เชียงใหม่', 70)];
    const p = projectProvince(results, 'ลำพูน', new Map([['a', 90]]));
    expect(p.before).toMatchObject({ score: 65, rank: 2 });
    expect(p.after).toMatchObject({ score: 80, rank: 1 });
    expect(p.provinces).toBe(2);
  });
});
