// Shared by the demo-answers builder (build-demo-answers.ts): the year, its framework, the
// published-figure check and one sub-item's score from counts.
import { frameworkForYear } from '../domain/framework/registry.ts';
import type { Scale } from '../domain/framework/schema.ts';
import { scoreAgency } from '../domain/scoring/score.ts';
import type { ScoreCard } from '../domain/scoring/types.ts';
import { demoScoreInput, type DemoAgencyAnswers } from './demo-answers.ts';

export const YEAR = 2563;
export const framework = frameworkForYear(YEAR)!;

// ---- checks ---------------------------------------------------------------------------------

/**
 * Whether a full-precision value prints as the published 2-decimal figure under any sensible
 * rounding: inside the half-cent around it, never on the tie.
 */
export const printsAs = (value: number | null, published: number): boolean =>
  value !== null && Math.abs(value - published) < 0.005 - 1e-7;

export function scoreOf(a: DemoAgencyAnswers): ScoreCard {
  return scoreAgency(framework, demoScoreInput(framework, a));
}

const WEIGHTS = framework.answerWeights;

export function itemScore(scale: Scale, c: readonly number[]): number {
  const n = c.reduce((s, x) => s + x, 0);
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = c;
  if (scale === 'yes_good') return (c0 / n) * 100;
  if (scale === 'no_good') return (c1 / n) * 100;
  const w = scale === 'likert4_reverse' ? [...WEIGHTS].reverse() : WEIGHTS;
  return (c0 * w[0]! + c1 * w[1]! + c2 * w[2]! + c3 * w[3]!) / n;
}
