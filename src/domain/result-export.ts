// The results export object of docs/formats.md, built from a stored score card (pure).
import type { Framework, SurveyTool, ToolCode } from './framework/schema.ts';
import { belowMinimum } from './scoring/minimum-sample.ts';
import { publishedDigitsOrNull } from './scoring/rounding.ts';
import type { ScoreCard } from './scoring/types.ts';

/** The published 2-decimal digits of a result's scores ("85.00"), as every other output shows them. */
export interface RoundedScores {
  overall: string | null;
  tools: Record<ToolCode, string | null>;
  indicators: Record<string, string | null>;
}

export interface ResultObject {
  agency_code: string;
  name_th: string;
  type: string;
  province: string | null;
  fiscal_year: number;
  overall: number | null;
  level: string | null;
  passed: boolean | null;
  tools: Record<ToolCode, number | null>;
  indicators: Record<string, number | null>;
  respondents: { IIT: number; EIT: number };
  /** Tools without complete data (then overall, level and passed are null). */
  missing: ToolCode[];
  /** Each survey tool's minimum sample (null: the agency entered no population). */
  minimum_sample: Record<SurveyTool, number | null>;
  /** Survey tools whose respondents fell below the minimum (the result is marked). */
  below_minimum: SurveyTool[];
  /** The same scores as published (2 decimals, half up); the fields above are full precision. */
  rounded: RoundedScores;
}

export function toResultObject(
  framework: Framework,
  fiscalYear: number,
  s: {
    agencyCode: string;
    nameTh: string;
    type: string;
    province: string | null;
    card: ScoreCard;
  },
): ResultObject {
  const indicators: Record<string, number | null> = {};
  for (const ind of framework.indicators)
    indicators[ind.code] = s.card.indicators[ind.code] ?? null;
  const missing = [...new Set(s.card.missing.map((m) => m.tool))];
  return {
    agency_code: s.agencyCode,
    name_th: s.nameTh,
    type: s.type,
    province: s.province,
    fiscal_year: fiscalYear,
    overall: s.card.overall,
    level: s.card.level,
    passed: s.card.passed,
    tools: { IIT: s.card.tools.IIT, EIT: s.card.tools.EIT, OIT: s.card.tools.OIT },
    indicators,
    respondents: s.card.respondents,
    missing,
    minimum_sample: {
      IIT: s.card.sample?.IIT?.minimum ?? null,
      EIT: s.card.sample?.EIT?.minimum ?? null,
    },
    below_minimum: belowMinimum(s.card.sample),
    rounded: {
      overall: publishedDigitsOrNull(s.card.overall),
      tools: {
        IIT: publishedDigitsOrNull(s.card.tools.IIT),
        EIT: publishedDigitsOrNull(s.card.tools.EIT),
        OIT: publishedDigitsOrNull(s.card.tools.OIT),
      },
      indicators: Object.fromEntries(
        Object.entries(indicators).map(([k, v]) => [k, publishedDigitsOrNull(v)]),
      ),
    },
  };
}
