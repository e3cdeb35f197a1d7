// The two rating schemes: 2563 AA–F bands against every published ranking row, 2566 pass tiers.
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/index.ts';
import { levelFor } from '../../../src/domain/scoring/index.ts';
import { rankingRows } from './seed-fixtures.ts';

const f2563 = getFramework('ita-2563')!;
const f2566 = getFramework('ita-2566')!;

describe('2563 bands (AA ≥ 95, A ≥ 85, B ≥ 75, C ≥ 65, D ≥ 55, E ≥ 50, F)', () => {
  it('gives all 241 published ranking rows their published level and pass', () => {
    expect(rankingRows).toHaveLength(241);
    const wrong = rankingRows.filter((row) => {
      const level = levelFor(f2563, row.score2563);
      return level.code !== row.level || level.passes !== row.passed;
    });
    expect(wrong.map((r) => `line ${r.line}: ${r.agency} ${r.score2563}`)).toEqual([]);
  });

  it.each([
    [100, 'AA', true],
    [95, 'AA', true],
    // The published figure decides (2 decimals, half up): 94.995 prints 95.00, 84.996 prints 85.00.
    [94.999999, 'AA', true],
    [94.995, 'AA', true],
    [94.994999, 'A', true],
    [85, 'A', true],
    [84.996, 'A', true],
    [84.995, 'A', true],
    [84.994999, 'B', false],
    [84.99, 'B', false],
    [75, 'B', false],
    [65, 'C', false],
    [55, 'D', false],
    [54.99, 'E', false],
    [50, 'E', false],
    [49.99, 'F', false],
    [0, 'F', false],
  ])('%s → %s (passes: %s)', (overall, code, passes) => {
    const level = levelFor(f2563, overall);
    expect(level.code).toBe(code);
    expect(level.passes).toBe(passes);
  });
});

describe('2566 pass tiers', () => {
  const tools = (IIT: number, EIT: number, OIT: number) => ({ IIT, EIT, OIT });
  it.each([
    ['overall and every tool ≥ 95', 95, tools(95, 95, 95), 'ผ่านดีเยี่ยม', true],
    ['overall 99 but one tool 94.99', 99, tools(100, 94.99, 100), 'ผ่านดี', true],
    ['overall 99, a tool 94.996 (prints 95.00)', 99, tools(100, 94.996, 100), 'ผ่านดีเยี่ยม', true],
    ['overall and every tool ≥ 85', 85, tools(85, 85, 85), 'ผ่านดี', true],
    ['overall 90 but one tool 84.99', 90, tools(84.99, 95, 95), 'ผ่าน', true],
    ['overall 85 with a tool unknown', 85, { IIT: 90, EIT: null, OIT: 90 }, 'ผ่าน', true],
    ['overall 84.99 with every tool ≥ 95', 84.99, tools(95, 95, 70), 'ต้องปรับปรุง', false],
    ['overall 70', 70, tools(70, 70, 70), 'ต้องปรับปรุง', false],
    ['overall 69.99', 69.99, tools(70, 70, 70), 'ต้องปรับปรุงโดยด่วน', false],
    ['overall 0', 0, tools(0, 0, 0), 'ต้องปรับปรุงโดยด่วน', false],
  ])('%s → %s', (_case, overall, toolScores, name, passes) => {
    const level = levelFor(f2566, overall, toolScores);
    expect(level.name.th).toBe(name);
    expect(level.passes).toBe(passes);
  });

  it('uses the same questions and OIT items as 2563, only the levels differ', () => {
    expect(f2566.questions).toEqual(f2563.questions);
    expect(f2566.oitItems).toEqual(f2563.oitItems);
    expect(f2566.levelScheme).toBe('pass_tiers');
    expect(f2563.levelScheme).toBe('bands');
  });
});
