// Property tests of the scorer: bounded scores, better answers never lower a score. That the order
// of responses changes nothing is tested through the database (recount-properties.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerColumns, getFramework, subItemOf } from '../../../src/domain/framework/index.ts';
import { scoreAgency, type ScoreCard, type ScoreInput } from '../../../src/domain/scoring/index.ts';

const f = getFramework('ita-2563')!;
const columns = [...answerColumns(f, 'IIT'), ...answerColumns(f, 'EIT')];
const width = (column: string) => {
  const scale = subItemOf(f, column)!.item.scale;
  return scale === 'yes_good' || scale === 'no_good' ? 2 : 4;
};

/** Counts for every sub-item with at least one answer each, and every OIT item scored. */
const inputArb: fc.Arbitrary<ScoreInput> = fc
  .record({
    counts: fc.tuple(
      ...columns.map((c) =>
        fc
          .array(fc.nat({ max: 50 }), { minLength: width(c), maxLength: width(c) })
          .map((xs) => (xs.every((x) => x === 0) ? xs.map((x, i) => (i === 0 ? 1 : x)) : xs)),
      ),
    ),
    oit: fc.array(fc.constantFrom(0, 100), { minLength: 43, maxLength: 43 }),
  })
  .map(({ counts, oit }) => ({
    answers: Object.fromEntries(columns.map((c, i) => [c, counts[i]!])),
    respondents: { IIT: 50, EIT: 50 },
    oit: Object.fromEntries(oit.map((score, i) => [`O${i + 1}`, score])),
  }));

/** Every score on a card, with a label saying where it is. */
const allScores = (card: ScoreCard): [string, number | null][] => [
  ...Object.entries(card.subItems),
  ...Object.entries(card.questions),
  ...Object.entries(card.subIndicators),
  ...Object.entries(card.indicators).map(
    ([k, v]) => [`indicator ${k}`, v] as [string, number | null],
  ),
  ...Object.entries(card.tools),
  ['overall', card.overall],
];

/** Option indexes from worst to best for a sub-item's scale. */
const worstToBest = (column: string): number[] => {
  switch (subItemOf(f, column)!.item.scale) {
    case 'likert4':
      return [0, 1, 2, 3];
    case 'likert4_reverse':
      return [3, 2, 1, 0];
    case 'yes_good':
      return [1, 0];
    case 'no_good':
      return [0, 1];
  }
};

describe('scorer properties', () => {
  it('keeps every score within 0–100 and fully scores complete data', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const card = scoreAgency(f, input);
        expect(card.missing).toEqual([]);
        const outside = allScores(card).filter(([, s]) => s === null || s < 0 || s > 100);
        expect(outside).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('never lowers any score when one answer moves to a better option', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), (input, pickColumn, pickStep) => {
        // Find a column and an answer that can move up one step on that item's scale.
        const candidates = columns.flatMap((c) => {
          const order = worstToBest(c);
          return order
            .slice(0, -1)
            .flatMap((from, step) =>
              input.answers[c]![from]! > 0 ? [{ c, from, to: order[step + 1]! }] : [],
            );
        });
        fc.pre(candidates.length > 0);
        const { c, from, to } = candidates[(pickColumn + pickStep) % candidates.length]!;
        const better = [...input.answers[c]!];
        better[from]! -= 1;
        better[to]! += 1;
        const before = new Map(allScores(scoreAgency(f, input)));
        const after = scoreAgency(f, { ...input, answers: { ...input.answers, [c]: better } });
        // A floating-point hair of tolerance: means of equal data may differ in the last bit.
        const lowered = allScores(after).filter(([where, s]) => s! < before.get(where)! - 1e-9);
        expect(lowered, `after improving ${c}`).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
