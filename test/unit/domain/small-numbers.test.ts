// Small numbers (ADR 0005, issue 12 point 6): what an agency or its province may see of live
// counts, the minimum sample and anomaly flags without one answer becoming visible.
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../src/domain/framework/registry.ts';
import {
  coarseCount,
  minimumShownReachedAt,
  shownAnomalyOccurrences,
} from '../../../src/domain/small-numbers.ts';

const step = getFramework('ita-2563')!.minRespondentsShown;

describe('small numbers', () => {
  it('takes its threshold from the framework: 10 in 2563 and 2566', () => {
    expect(step).toBe(10);
    expect(getFramework('ita-2566')!.minRespondentsShown).toBe(10);
  });

  it('shows live counts rounded down to steps of the threshold: one more answer is never seen', () => {
    const shown = Array.from({ length: 41 }, (_, n) => coarseCount(n, step));
    expect(shown.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(shown.slice(10, 20)).toEqual(Array(10).fill(10));
    expect(shown[40]).toBe(40);
    // Between two answers the shown count moves only when it crosses a multiple of ten.
    for (let n = 0; n < 40; n++) if (shown[n + 1] !== shown[n]) expect((n + 1) % step).toBe(0);
  });

  it('says "minimum reached" only when the shown count moves, or when everyone has answered', () => {
    // Minimum 26 of 253 staff: reached shows at 30 answers, when the shown count becomes 30.
    expect(minimumShownReachedAt(26, step, 253)).toBe(30);
    expect(minimumShownReachedAt(30, step, 300)).toBe(30);
    // 25 staff must all answer (everyone below 30): reached at 25, when nobody is left out.
    expect(minimumShownReachedAt(25, step, 25)).toBe(25);
    expect(minimumShownReachedAt(5, step, 5)).toBe(5);
    for (const [minimum, population] of [
      [26, 253],
      [43, 430],
      [30, 300],
    ] as const) {
      const at = minimumShownReachedAt(minimum, step, population);
      expect(at).toBeGreaterThanOrEqual(minimum);
      // The flip happens exactly when the shown count changes.
      expect(coarseCount(at, step)).not.toBe(coarseCount(at - 1, step));
    }
  });

  it('hides anomaly flags about fewer answers than the threshold and shows the rest in steps', () => {
    expect(shownAnomalyOccurrences('same_column', 9, step, 100)).toBeNull();
    expect(shownAnomalyOccurrences('same_column', 10, step, 100)).toBe(10);
    expect(shownAnomalyOccurrences('identical_answers', 19, step, 100)).toBe(10);
    // A burst stands for SURVEY_BURST_THRESHOLD answers from one network: shown as counted.
    expect(shownAnomalyOccurrences('network_burst', 1, step, 100)).toBe(1);
    expect(shownAnomalyOccurrences('network_burst', 3, step, 100)).toBe(3);
    // With a burst threshold below ten, a burst is shown only once it stands for ten answers.
    expect(shownAnomalyOccurrences('network_burst', 1, step, 5)).toBeNull();
    expect(shownAnomalyOccurrences('network_burst', 2, step, 5)).toBe(2);
    expect(shownAnomalyOccurrences('network_burst', 3, step, 5)).toBe(2);
  });
});
