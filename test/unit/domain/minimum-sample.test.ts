// Minimum sample (issue 13.4): the year's rule gives each survey tool's minimum; a card keeps the
// minimum and whether the respondents fell below it; 2563 scores such an agency and marks it, and a
// year whose rule is 'not_scored' leaves the tool (and overall) unscored, with the reason.
import { describe, expect, it } from 'vitest';
import { frameworkSchema, getFramework } from '../../../src/domain/framework/index.ts';
import { minimumSample } from '../../../src/domain/framework/helpers.ts';
import { belowMinimum, scoreAgency, summarize } from '../../../src/domain/scoring/index.ts';
import { lamphunInput, toAgencyResult } from './seed-fixtures.ts';

const f = getFramework('ita-2563')!;

describe('the minimum sample on a score card', () => {
  it('2563: an agency below its minimum is scored exactly as before, and marked', () => {
    const input = lamphunInput();
    const plain = scoreAgency(f, input);
    const iitMin = input.respondents.IIT + 1;
    const card = scoreAgency(f, { ...input, minimums: { IIT: iitMin, EIT: 1 } });
    expect(card.overall).toBe(plain.overall);
    expect(card.level).toBe(plain.level);
    expect(card.sample).toEqual({
      IIT: { minimum: iitMin, below: true },
      EIT: { minimum: 1, below: false },
    });
    expect(belowMinimum(card.sample)).toEqual(['IIT']);
  });

  it('reaching the minimum exactly is not below it', () => {
    const input = lamphunInput();
    const card = scoreAgency(f, {
      ...input,
      minimums: { IIT: input.respondents.IIT, EIT: input.respondents.EIT },
    });
    expect(belowMinimum(card.sample)).toEqual([]);
  });

  it('an agency that entered no population has an unknown minimum, not a mark', () => {
    const card = scoreAgency(f, lamphunInput());
    expect(card.sample).toEqual({
      IIT: { minimum: null, below: null },
      EIT: { minimum: null, below: null },
    });
    expect(belowMinimum(card.sample)).toEqual([]);
  });

  it("a year whose rule is 'not_scored' leaves the tool and overall unscored, saying why", () => {
    const strict = frameworkSchema.parse({
      ...f,
      id: 'strict-test',
      sampleRule: { ...f.sampleRule, belowMinimum: 'not_scored' },
    });
    const input = lamphunInput();
    const card = scoreAgency(strict, { ...input, minimums: { IIT: 1, EIT: 10_000 } });
    expect(card.tools.IIT).not.toBeNull();
    expect(card.tools.EIT).toBeNull();
    expect(card.indicators['6']).toBeNull(); // an EIT indicator goes with its tool
    expect([card.overall, card.level, card.passed]).toEqual([null, null, null]);
    expect(card.missing).toContainEqual({
      tool: 'EIT',
      reason: 'below_minimum_sample',
      detail: `${input.respondents.EIT} < 10000`,
    });
  });

  it('2563 says what happens below the minimum, as data', () => {
    expect(f.sampleRule.belowMinimum).toBe('score_and_mark');
    // 10 % of the eligible, at least 30 (everyone when fewer), EIT at most 400 above 4,000.
    expect(minimumSample(f, 'IIT', 25)).toBe(25);
    expect(minimumSample(f, 'IIT', 301)).toBe(31);
    expect(minimumSample(f, 'EIT', 5000)).toBe(400);
  });

  it('summaries count the agencies marked', () => {
    const input = lamphunInput();
    const marked = scoreAgency(f, { ...input, minimums: { IIT: 10_000, EIT: null } });
    const fine = scoreAgency(f, { ...input, minimums: { IIT: 1, EIT: 1 } });
    const results = [marked, fine, fine].map((card, i) =>
      toAgencyResult({ agencyCode: `a${i}`, type: 'province', province: null }, card),
    );
    expect(summarize(f, results).belowMinimum).toBe(1);
  });
});
