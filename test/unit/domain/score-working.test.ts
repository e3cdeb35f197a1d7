// The working of a score (domain/scoring/working.ts): the scorer's own figures, each step with
// its inputs and weights, and answer counts left out below the respondents threshold.
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/index.ts';
import { fullPrecisionText, published } from '../../../src/domain/scoring/rounding.ts';
import { scoreAgency } from '../../../src/domain/scoring/score.ts';
import { explainScore, minRespondentsShown } from '../../../src/domain/scoring/working.ts';
import { answerCountRows, oitScoreRows } from '../../../src/domain/open-data.ts';
import { lamphunInput } from './seed-fixtures.ts';

const f = getFramework('ita-2563')!;

describe('explainScore', () => {
  it('lays out the scorer’s card: tool contributions add up to the overall score', () => {
    const input = lamphunInput();
    const w = explainScore(f, input);
    expect(w.card).toEqual(scoreAgency(f, input));
    const sum = w.tools.reduce((s, t) => s + t.contribution!, 0);
    expect(sum).toBeCloseTo(w.overall!, 9);
    expect(w.tools.map((t) => t.weight)).toEqual([0.3, 0.3, 0.4]);
    const iit = w.tools[0]!;
    expect(iit.indicators).toHaveLength(5);
    const mean = iit.indicators.reduce((s, i) => s + i.score!, 0) / iit.indicators.length;
    expect(mean).toBeCloseTo(iit.score!, 9);
    const q = iit.indicators[0]!.questions[0]!;
    expect(q.items[0]!.counts).toEqual(input.answers[q.items[0]!.column]);
    expect(q.items[0]!.optionScores).toEqual([0, 33, 67, 100]);
    const oit = w.tools[2]!.indicators[0]!;
    expect(oit.subIndicators.length).toBeGreaterThan(0);
    expect(oit.subIndicators[0]!.items[0]!.score).toBe(input.oit['O1']);
    expect(w.level?.code).toBe(w.card.level);
  });

  it('withholds the answer counts of a tool below the threshold, keeping its scores', () => {
    const min = minRespondentsShown(f);
    expect(min).toBe(10);
    const input = { ...lamphunInput(), respondents: { IIT: min - 1, EIT: min } };
    const w = explainScore(f, input);
    const [iit, eit] = w.tools;
    expect(iit!.countsShown).toBe(false);
    expect(iit!.score).not.toBeNull();
    expect(
      iit!.indicators.flatMap((i) => i.questions.flatMap((q) => q.items.map((x) => x.counts))),
    ).toSatisfy((all: unknown[]) => all.every((c) => c === null));
    expect(eit!.countsShown).toBe(true);
    expect(eit!.indicators[0]!.questions[0]!.items[0]!.counts).not.toBeNull();
  });

  it('shows full precision without binary noise, never as a published figure', () => {
    expect(fullPrecisionText(87.96499999999999)).toBe('87.965');
    expect(published(87.96499999999999)).toBe(87.97);
    expect(fullPrecisionText(25.5)).toBe('25.5');
    expect(fullPrecisionText(100)).toBe('100');
  });
});

describe('the open data rows of an agency', () => {
  it('carry every sub-item of a tool that reaches the threshold and none of one below it', () => {
    const min = minRespondentsShown(f);
    const both = answerCountRows(f, 'X', {
      ...lamphunInput(),
      respondents: { IIT: min, EIT: min },
    });
    const subItems = (tool: string) =>
      f.questions.filter((q) => q.tool === tool).reduce((n, q) => n + q.items.length, 0);
    expect(both.filter((r) => r.tool === 'IIT')).toHaveLength(subItems('IIT'));
    expect(both.filter((r) => r.tool === 'EIT')).toHaveLength(subItems('EIT'));
    const small = answerCountRows(f, 'X', {
      ...lamphunInput(),
      respondents: { IIT: min - 1, EIT: min },
    });
    expect(small.filter((r) => r.tool === 'IIT')).toEqual([]);
    expect(small.filter((r) => r.tool === 'EIT')).toHaveLength(subItems('EIT'));
    expect(oitScoreRows(f, 'X', lamphunInput())).toHaveLength(f.oitItems.length);
  });
});
