// The scoring engine's public API: score one agency, pick a level, roll results up.
export type { AnswerCounts, MissingReason, ScoreCard, ScoreInput, ToolSample } from './types.ts';
export { belowMinimum, toolSample } from './minimum-sample.ts';
export { scoreAgency, subItemScore } from './score.ts';
export { levelFor } from './level.ts';
export {
  PUBLISHED_DECIMALS,
  published,
  publishedChange,
  publishedDigits,
  publishedDigitsOrNull,
  publishedOrNull,
} from './rounding.ts';
export {
  provinceScores,
  rankAgencies,
  summarize,
  summarizeByType,
  summarizeNational,
  withLastYear,
  type AgencyResult,
  type CountShare,
  type PastResult,
  type ProvinceScore,
  type Ranked,
  type Summary,
  type TypeSummary,
} from './rollups.ts';
