// The OIT arithmetic, once: item scores (0–100) → sub-indicators (the mean of their items) →
// indicators 9 and 10 (the mean of their sub-indicators) → OIT (the mean of the indicators). The
// scorer (score.ts) and the OIT sheet's running figures (domain/oit/workflow.ts) both use it.
import type { Framework } from '../framework/schema.ts';

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** Mean of the values, or null if any is null or there are none (never a score from part of the data). */
export const meanOrNull = (values: (number | null)[]): number | null =>
  values.length > 0 && values.every((v) => v !== null) ? mean(values) : null;

export interface OitRollup {
  subIndicators: Record<string, number | null>;
  indicators: Record<string, number | null>;
  oit: number | null;
}

/**
 * OIT figures from each item's score (`itemScore` is called once per item, in framework order;
 * null where an item has no usable score, which makes its sub-indicator and everything above null).
 */
export function oitRollup(
  framework: Framework,
  itemScore: (code: string) => number | null,
): OitRollup {
  const subIndicators: Record<string, number | null> = {};
  const indicators: Record<string, number | null> = {};
  const inFrameworkOrder: (number | null)[] = [];
  for (const ind of framework.indicators) {
    if (ind.tool !== 'OIT') continue;
    const subs = (ind.subIndicators ?? []).map((sub) => {
      const score = meanOrNull(sub.items.map(itemScore));
      subIndicators[sub.code] = score;
      return score;
    });
    indicators[ind.code] = meanOrNull(subs);
    inFrameworkOrder.push(indicators[ind.code]!);
  }
  return { subIndicators, indicators, oit: meanOrNull(inFrameworkOrder) };
}
