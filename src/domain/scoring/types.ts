// The scorer's inputs and outputs. Inputs are answer counts (never single responses), so the same
// function scores one agency from SQL aggregates or the seed's published shares.

import type { SurveyTool, ToolCode } from '../framework/schema.ts';

/**
 * Counts of answers to one sub-item, keyed `<question>.<n>` (e.g. `I1.2`).
 * likert scales: counts of options 1..4 in printed order; yes/no scales: `[yes, no]`.
 * A respondent who skipped the sub-item is not counted.
 */
export type AnswerCounts = Record<string, readonly number[]>;

export interface ScoreInput {
  /** Sub-item answer counts for IIT and EIT. */
  answers: AnswerCounts;
  /** Respondents per survey tool (for "no data" and reports). */
  respondents: { IIT: number; EIT: number };
  /** Confirmed OIT item scores, 0 or 100, keyed by item code; a missing item is not yet scored. */
  oit: Record<string, number>;
  /**
   * The minimum sample per survey tool from the year's rule and the agency's entered population;
   * null (or absent) when the agency entered no population, so the minimum is unknown.
   */
  minimums?: Partial<Record<SurveyTool, number | null>>;
}

/** A survey tool's respondents against its minimum sample. */
export interface ToolSample {
  /** null: the agency entered no population, so the minimum is unknown. */
  minimum: number | null;
  /** Fewer respondents than the minimum; null when the minimum is unknown. */
  below: boolean | null;
}

export interface MissingReason {
  tool: ToolCode;
  /** e.g. 'no_respondents', 'oit_items_unscored' */
  reason: string;
  detail?: string;
}

export interface ScoreCard {
  frameworkId: string;
  /** Full precision; null where the data is incomplete. */
  subItems: Record<string, number | null>;
  questions: Record<string, number | null>;
  subIndicators: Record<string, number | null>;
  indicators: Record<string, number | null>;
  tools: Record<ToolCode, number | null>;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  missing: MissingReason[];
  respondents: { IIT: number; EIT: number };
  /** Respondents against the minimum sample, per survey tool (methodology: minimum sample). */
  sample: Record<SurveyTool, ToolSample>;
}
