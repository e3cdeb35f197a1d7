// The scorer never scores from part of the data: a tool without data is null, with the reason.
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/index.ts';
import { scoreAgency, subItemScore } from '../../../src/domain/scoring/index.ts';
import { lamphunInput } from './seed-fixtures.ts';

const f = getFramework('ita-2563')!;

describe('missing and invalid data', () => {
  it('gives IIT null when nobody answered it, and so overall, level and passed', () => {
    const input = lamphunInput();
    const card = scoreAgency(f, { ...input, respondents: { IIT: 0, EIT: 120 } });
    expect(card.tools.IIT).toBeNull();
    expect(card.indicators['1']).toBeNull();
    expect(card.subItems['I1.1']).toBeNull();
    expect(card.tools.EIT).not.toBeNull();
    expect([card.overall, card.level, card.passed]).toEqual([null, null, null]);
    expect(card.missing).toEqual([{ tool: 'IIT', reason: 'no_respondents' }]);
  });

  it('gives OIT null while any item is unscored, naming the items', () => {
    const input = lamphunInput();
    delete input.oit.O7;
    delete input.oit.O43;
    const card = scoreAgency(f, input);
    expect(card.subIndicators['9.1']).toBeNull();
    expect(card.subIndicators['9.2']).not.toBeNull();
    expect(card.indicators['9']).toBeNull();
    expect(card.tools.OIT).toBeNull();
    expect(card.overall).toBeNull();
    expect(card.missing).toEqual([
      { tool: 'OIT', reason: 'oit_items_unscored', detail: 'O7, O43' },
    ]);
  });

  it('gives EIT null when a sub-item has no answers, and refuses malformed counts', () => {
    const input = lamphunInput();
    input.answers['E1.2'] = [0, 0, 0, 0];
    input.answers['E4.1'] = [1, 2, 3];
    input.oit.O1 = 150;
    const card = scoreAgency(f, input);
    expect(card.questions.E1).toBeNull();
    expect(card.questions.E2).not.toBeNull();
    expect(card.tools.EIT).toBeNull();
    expect(card.tools.OIT).toBeNull();
    expect(card.missing).toEqual([
      { tool: 'EIT', reason: 'sub_items_unanswered', detail: 'E1.2' },
      { tool: 'EIT', reason: 'invalid_answer_counts', detail: 'E4.1' },
      { tool: 'OIT', reason: 'invalid_oit_score', detail: 'O1' },
    ]);
  });

  it('scores an empty input without throwing: everything null, every tool explained', () => {
    const card = scoreAgency(f, { answers: {}, respondents: { IIT: 0, EIT: 0 }, oit: {} });
    expect(card.overall).toBeNull();
    expect(card.missing.map((m) => `${m.tool}:${m.reason}`)).toEqual([
      'IIT:no_respondents',
      'EIT:no_respondents',
      'OIT:oit_items_unscored',
    ]);
  });
});

describe('subItemScore', () => {
  it.each([
    ['likert4', [1, 1, 1, 1], 50],
    ['likert4', [0, 0, 0, 7], 100],
    ['likert4', [0, 3, 0, 0], 33],
    ['likert4_reverse', [0, 3, 0, 0], 67],
    ['likert4_reverse', [5, 0, 0, 0], 100],
    ['yes_good', [3, 1], 75],
    ['no_good', [3, 1], 25],
  ] as const)('%s %j → %d', (scale, counts, expected) => {
    expect(subItemScore(f, scale, counts)).toBe(expected);
  });
  it('is null without answers and invalid for counts of the wrong shape', () => {
    expect(subItemScore(f, 'likert4', undefined)).toBeNull();
    expect(subItemScore(f, 'likert4', [0, 0, 0, 0])).toBeNull();
    expect(subItemScore(f, 'yes_good', [1, 1, 1, 1])).toBe('invalid');
    expect(subItemScore(f, 'likert4', [1, -1, 1, 1])).toBe('invalid');
    expect(subItemScore(f, 'likert4', [1, Number.NaN, 1, 1])).toBe('invalid');
  });
});
