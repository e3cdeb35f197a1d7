// The shape of a framework definition (one per fiscal year), validated with zod on load.
// A year is data: questions, scales, indicators, weights, levels, OIT items, sample rule.
import { z } from 'zod';

export const TOOL_CODES = ['IIT', 'EIT', 'OIT'] as const;
export type ToolCode = (typeof TOOL_CODES)[number];
export const SURVEY_TOOLS = ['IIT', 'EIT'] as const;
export type SurveyTool = (typeof SURVEY_TOOLS)[number];

const text = z.object({ th: z.string().min(1), en: z.string().optional() });
export type Text = z.infer<typeof text>;

/**
 * How a sub-item's answers score:
 * - likert4: options 1–4 score answerWeights[0..3] (0/33/67/100 in 2563);
 * - likert4_reverse: a negatively worded item, options 1–4 score the weights reversed;
 * - yes_good / no_good: the share of the good answer × 100.
 */
export const SCALES = ['likert4', 'likert4_reverse', 'yes_good', 'no_good'] as const;
export type Scale = (typeof SCALES)[number];

const subItem = z.object({
  /** 1-based position; the answer column is `<question>.<n>`, e.g. `I1.2`. */
  n: z.number().int().positive(),
  text,
  scale: z.enum(SCALES),
});

const question = z.object({
  code: z.string().regex(/^[IE]\d+$/),
  tool: z.enum(SURVEY_TOOLS),
  text,
  items: z.array(subItem).min(1),
});

const subIndicator = z.object({
  code: z.string(),
  name: text,
  /** OIT item codes, e.g. O1…O9. */
  items: z.array(z.string()).min(1),
});

const indicator = z.object({
  code: z.string(),
  tool: z.enum(TOOL_CODES),
  name: text,
  /** IIT/EIT indicators list their questions; OIT indicators their sub-indicators. */
  questions: z.array(z.string()).optional(),
  subIndicators: z.array(subIndicator).optional(),
});

const oitHeading = z.object({ code: z.string(), name: text, items: z.array(z.string()).min(1) });

const oitItem = z.object({
  code: z.string().regex(/^O\d+$/),
  title: text,
  /** What the auditor checks: the criteria printed beside the item. */
  criteria: text,
});

/** An ordered list of levels: the first whose conditions hold applies. */
const level = z.object({
  code: z.string(),
  name: text,
  minOverall: z.number().min(0).max(100),
  /** When set, every tool's score must also reach this (2566 pass tiers). */
  minEachTool: z.number().min(0).max(100).optional(),
  passes: z.boolean(),
});

const demographicField = z.object({
  code: z.string(),
  label: text,
  options: z.array(z.object({ value: z.string(), label: text })).min(2),
});

const sampleRule = z.object({
  /** Share of the eligible population to reach, e.g. 0.10. */
  share: z.number().gt(0).lte(1),
  /** At least this many; when the population is smaller, everyone. */
  floor: z.number().int().nonnegative(),
  /** Per-tool caps: at most `max` when the population exceeds `populationAbove`. */
  caps: z
    .array(
      z.object({
        tool: z.enum(SURVEY_TOOLS),
        populationAbove: z.number().int(),
        max: z.number().int(),
      }),
    )
    .default([]),
  /**
   * What an agency below its minimum for a survey tool gets: 'score_and_mark' scores it and marks
   * it everywhere its result appears (2563: the NACC published every agency with answers);
   * 'not_scored' leaves that tool, and so the overall score, unscored.
   */
  belowMinimum: z.enum(['score_and_mark', 'not_scored']).default('score_and_mark'),
});

export const frameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  fiscalYear: z.number().int().min(2500).max(2700),
  name: text,
  /** Display names of the three tools (optional for compatibility with older definitions). */
  toolNames: z.object({ IIT: text, EIT: text, OIT: text }).optional(),
  /** 'bands' (AA–F, 2563) or 'pass_tiers' (from 2566): only changes how levels are presented. */
  levelScheme: z.enum(['bands', 'pass_tiers']),
  toolWeights: z.object({ IIT: z.number(), EIT: z.number(), OIT: z.number() }),
  /** Scores of the four-level options in printed order (1…4). */
  answerWeights: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  answerLabels: z.object({
    likert4: z.array(text).length(4),
    yesNo: z.object({ yes: text, no: text }),
  }),
  passMark: z.number(),
  nationalTargetShare: z.number().gt(0).lte(1),
  indicators: z.array(indicator).min(1),
  questions: z.array(question).min(1),
  oitHeadings: z.array(oitHeading),
  oitItems: z.array(oitItem),
  levels: z.array(level).min(1),
  demographics: z.object({ IIT: z.array(demographicField), EIT: z.array(demographicField) }),
  sampleRule,
  /** IIT eligibility: minimum years with the agency. */
  iitMinYearsOfService: z.number().int().nonnegative(),
  /**
   * Small numbers: no figure finer than a tool's score (per-item answer shares, demographic
   * tables, anomaly flags) concerns fewer respondents than this, and live counts move in steps
   * of it (2563: 10).
   */
  minRespondentsShown: z.number().int().min(2),
});

export type Framework = z.infer<typeof frameworkSchema>;
/** What a definition module writes (before defaults are applied). */
export type FrameworkInput = z.input<typeof frameworkSchema>;
export type SubIndicator = z.infer<typeof subIndicator>;
export type OitHeading = z.infer<typeof oitHeading>;
export type DemographicField = z.infer<typeof demographicField>;
export type SampleRule = z.infer<typeof sampleRule>;
export type Question = z.infer<typeof question>;
export type SubItem = z.infer<typeof subItem>;
export type Indicator = z.infer<typeof indicator>;
export type OitItem = z.infer<typeof oitItem>;
export type Level = z.infer<typeof level>;
