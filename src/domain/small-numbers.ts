// Small numbers (design.md, ADR 0005): what agency-facing figures may show without singling out
// fewer respondents than the framework's `minRespondentsShown` (10 in 2563). Pure.

/**
 * A live response count as the agency (and its province) sees it: rounded down to a multiple of
 * the threshold, so it moves once per `step` answers and a single answer arriving is never seen.
 */
export function coarseCount(n: number, step: number): number {
  return step > 1 ? Math.floor(n / step) * step : n;
}

/**
 * The exact count at which the minimum sample is shown as reached: the minimum rounded up to the
 * next step, so "reached" changes only when the coarse count moves (it tells nothing the count
 * does not); never more than the population, so an agency smaller than a step can reach it (by
 * everyone answering, which singles out no one).
 */
export function minimumShownReachedAt(
  minimum: number,
  step: number,
  population: number | null,
): number {
  const rounded = step > 1 ? Math.ceil(minimum / step) * step : minimum;
  return population === null ? rounded : Math.min(rounded, Math.max(minimum, population));
}

/**
 * An anomaly flag as it may be shown, or null when it concerns fewer answers than the threshold.
 * A network burst is raised once per `burstThreshold` answers from one network; a repeated
 * answer set or a straight-lined answer counts one answer per occurrence, so those are shown in
 * coarse steps too (one more occurrence right after someone submitted would single them out).
 */
export function shownAnomalyOccurrences(
  kind: string,
  occurrences: number,
  min: number,
  burstThreshold: number,
): number | null {
  const perOccurrence = kind === 'network_burst' ? Math.max(1, burstThreshold) : 1;
  if (occurrences * perOccurrence < min) return null;
  // In steps of as many occurrences as make the threshold's worth of answers.
  return coarseCount(occurrences, Math.ceil(min / perOccurrence));
}
