// Golden test: the seed's published 2563 report of the province unit of Lamphun, recomputed.
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/index.ts';
import { scoreAgency } from '../../../src/domain/scoring/index.ts';
import { lamphunInput, lamphunReport } from './seed-fixtures.ts';

const framework = getFramework('ita-2563')!;
const card = scoreAgency(framework, lamphunInput());
/** "To 0.01": the published figure is the full-precision score rounded, so they differ by < 0.01. */
const within = (actual: number | null | undefined, published: number) => {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs(actual! - published)).toBeLessThan(0.01);
};

describe('Lamphun 2563 report recomputed from its answer shares', () => {
  // The shares are printed to 2 decimals, so a recomputed figure can sit just across a rounding
  // edge (indicator 4: 84.4255 from the shares, 84.42 published from the true counts).
  it('gives every published indicator score within 0.01', () => {
    const published = lamphunReport.published.indicators;
    expect(Object.keys(published)).toHaveLength(10);
    for (const [code, score] of Object.entries(published)) within(card.indicators[code], score);
    expect(card.indicators['10']).toBe(100);
  });

  it('gives IIT 88.51, EIT 81.81, OIT 92.17, overall 87.96, level A, passed', () => {
    expect(card.tools.IIT!.toFixed(2)).toBe('88.51');
    expect(card.tools.EIT!.toFixed(2)).toBe('81.81');
    expect(card.tools.OIT!.toFixed(2)).toBe('92.17');
    expect(card.overall!.toFixed(2)).toBe('87.96');
    expect(card.level).toBe('A');
    expect(card.passed).toBe(true);
    expect(card.missing).toEqual([]);
    expect(card.frameworkId).toBe('ita-2563');
  });

  it('gives every published sub-item and question score within 0.01', () => {
    let checked = 0;
    for (const q of lamphunReport.questions) {
      within(card.questions[q.code], q.score);
      q.items.forEach((item, i) => within(card.subItems[`${q.code}.${i + 1}`], item.score));
      checked += 1 + q.items.length;
    }
    expect(checked).toBe(45 + 70);
  });

  it('gives sub-indicators as the mean of their items (9.1 has 3 of 9 items at 0)', () => {
    expect(card.subIndicators['9.1']).toBeCloseTo((6 / 9) * 100, 10);
    expect(card.subIndicators['10.1']).toBe(100);
    expect(Object.keys(card.subIndicators).sort()).toEqual([
      '10.1',
      '10.2',
      '9.1',
      '9.2',
      '9.3',
      '9.4',
      '9.5',
    ]);
  });
});
