// The scorer's inputs and outputs. Inputs are answer counts (never single responses), so the same
// function scores one agency from SQL aggregates or the seed's published shares.

import type { ToolCode } from '../framework/schema.ts';

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
}
