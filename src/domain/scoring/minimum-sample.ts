// The minimum sample on a score card: the year's rule (framework.sampleRule) gives each survey
// tool's minimum from the agency's entered population; an agency below it is marked wherever its
// result appears (report, rankings, summaries, exports, API), and with a 'not_scored' rule that
// tool is not scored at all (score.ts).
import type { SurveyTool } from '../framework/schema.ts';
import type { ScoreCard, ToolSample } from './types.ts';

/** A tool's respondents against its minimum (unknown when the agency entered no population). */
export function toolSample(minimum: number | null | undefined, respondents: number): ToolSample {
  if (minimum === null || minimum === undefined || !Number.isFinite(minimum))
    return { minimum: null, below: null };
  return { minimum, below: respondents < minimum };
}

/** The survey tools whose respondents fell below the minimum, in IIT, EIT order. */
export function belowMinimum(sample: ScoreCard['sample'] | undefined): SurveyTool[] {
  return (['IIT', 'EIT'] as const).filter((t) => sample?.[t]?.below === true);
}
