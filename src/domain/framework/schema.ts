// The framework file format (open-itas-framework/1): one JSON document per method, validated with
// zod on load. Everything a year's method needs is here; the JSON Schema is generated from it.
import { z } from 'zod';

export const TOOL_CODES = ['IIT', 'EIT', 'OIT'] as const;
export type ToolCode = (typeof TOOL_CODES)[number];
export const SURVEY_TOOLS = ['IIT', 'EIT'] as const;
export type SurveyTool = (typeof SURVEY_TOOLS)[number];

/** The file format this code reads; a change that old files cannot follow gets a new number. */
export const FRAMEWORK_FORMAT = 'open-itas-framework/1';

const text = z
  .strictObject({ th: z.string().min(1), en: z.string().optional() })
  .describe('Text in Thai (required) and English');
export type Text = z.infer<typeof text>;

/**
 * How a sub-item's answers score:
 * - likert4: options 1–4 score answerWeights[0..3] (0/33/67/100 in 2563);
 * - likert4_reverse: a negatively worded item, options 1–4 score the weights reversed;
 * - yes_good / no_good: the share of the good answer × 100.
 */
export const SCALES = ['likert4', 'likert4_reverse', 'yes_good', 'no_good'] as const;
export type Scale = (typeof SCALES)[number];

const subItem = z.strictObject({
  n: z.number().int().positive().describe('1-based position; the answer column is <question>.<n>'),
  text,
  scale: z
    .enum(SCALES)
    .describe('Answer scale and direction: likert4, likert4_reverse, yes_good, no_good'),
});

const question = z.strictObject({
  code: z.string().regex(/^[IE]\d+$/),
  tool: z.enum(SURVEY_TOOLS),
  text,
  items: z.array(subItem).min(1),
});

const subIndicator = z.strictObject({
  code: z.string().min(1),
  name: text,
  // Emptiness is a semantic check, so it is reported together with every other problem.
  items: z.array(z.string()).describe('OIT item codes, e.g. O1…O9 (at least one)'),
});

const indicator = z.strictObject({
  code: z.string().min(1),
  tool: z.enum(TOOL_CODES),
  name: text,
  questions: z.array(z.string()).optional().describe('IIT/EIT indicators: their question codes'),
  subIndicators: z.array(subIndicator).optional().describe('OIT indicators: their sub-indicators'),
});

const oitHeading = z.strictObject({
  code: z.string().min(1),
  name: text,
  items: z.array(z.string()).min(1),
});

const oitItem = z.strictObject({
  code: z.string().regex(/^O\d+$/),
  title: text,
  criteria: text.describe('What the auditor checks: the criteria printed beside the item'),
  elements: z
    .array(text)
    .optional()
    .describe('The required elements of the criteria, each checked on its own'),
  period: text.optional().describe('The period the evidence must cover'),
  notApplicable: z
    .enum(['not_allowed', 'with_explanation'])
    .optional()
    .describe('Whether "not applicable, with an explanation" may earn the point (default: not)'),
});

const level = z
  .strictObject({
    code: z.string().min(1),
    name: text,
    minOverall: z.number().min(0).max(100),
    minEachTool: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe("When set, every tool's score must also reach this (2566 pass tiers)"),
    passes: z.boolean(),
  })
  .describe('Levels are ordered: the first whose conditions hold applies');

const demographicField = z.strictObject({
  code: z.string().min(1),
  label: text,
  options: z.array(z.strictObject({ value: z.string().min(1), label: text })).min(2),
});

export const AGENCY_SIZES = ['S', 'M', 'L'] as const;
export type AgencySize = (typeof AGENCY_SIZES)[number];

const agencyGroup = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z0-9_-]+$/)
      .max(60)
      .describe('The code agencies are imported with'),
    name: text,
    sizes: z
      .array(z.enum(AGENCY_SIZES))
      .optional()
      .describe(
        'Sizes (S/M/L) the group is divided into; when set, every agency of the group has one',
      ),
  })
  .describe(
    "A group of agencies in this year's method (2568: by mission, and size for local governments)",
  );

const groupMinimum = z
  .strictObject({
    group: z.string().min(1).describe('An agencyGroups code'),
    size: z.enum(AGENCY_SIZES).optional().describe('Only agencies of this size (else every size)'),
    tool: z.enum(SURVEY_TOOLS),
    part: z
      .string()
      .min(1)
      .optional()
      .describe('The part of the tool this minimum is for (e.g. EIT part "1"); parts add up'),
    minimum: z.number().int().nonnegative(),
  })
  .describe("A fixed minimum for a group's agencies, replacing the share-of-population rule");

const sampleRule = z.strictObject({
  share: z.number().gt(0).lte(1).describe('Share of the eligible population to reach, e.g. 0.10'),
  floor: z
    .number()
    .int()
    .nonnegative()
    .describe('At least this many; when the population is smaller, everyone'),
  caps: z
    .array(
      z.strictObject({
        tool: z.enum(SURVEY_TOOLS),
        populationAbove: z.number().int(),
        max: z.number().int(),
      }),
    )
    .default([])
    .describe('Per-tool caps: at most max when the population exceeds populationAbove'),
  // 'score_and_mark': 2563 published every agency with answers; 'not_scored' leaves the tool,
  // and so the overall score, unscored.
  groupMinimums: z
    .array(groupMinimum)
    .optional()
    .describe(
      'Fixed minimums per agency group (and size), per tool or per part; an agency with a group in the year takes them',
    ),
  belowMinimum: z
    .enum(['score_and_mark', 'not_scored'])
    .default('score_and_mark')
    .describe('What an agency below its minimum for a survey tool gets'),
});

const provenance = z
  .strictObject({
    summary: text,
    sources: z.array(
      z.strictObject({
        title: z.string().min(1),
        url: z.string().optional(),
        note: z.string().optional(),
      }),
    ),
    unverified: z
      .array(
        z.strictObject({
          path: z.string().min(1).describe('The part concerned, e.g. questions or oitItems[3]'),
          status: z.enum(['carried_over', 'assumed']),
          note: text,
        }),
      )
      .default([])
      .describe('Parts not confirmed by a public source: never to be presented as official'),
  })
  .describe('Where the method comes from, and which parts are not verified');

const recommendations = z
  .strictObject({
    tools: z.strictObject({ IIT: text, EIT: text, OIT: text }),
    indicators: z.record(z.string(), z.array(text)).describe('Indicator code → actions'),
  })
  .describe('What an agency should do when a tool or an indicator is below the pass mark');

export const frameworkSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this format, for editors'),
    format: z.literal(FRAMEWORK_FORMAT).describe('The file format and its version'),
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(60)
      .describe('Years name it, e.g. ita-2569'),
    version: z
      .number()
      .int()
      .positive()
      .describe('Revision of this definition: a corrected file of an unused id raises it'),
    fiscalYear: z.number().int().min(2500).max(2700),
    name: text,
    provenance: provenance.optional(),
    toolNames: z.strictObject({ IIT: text, EIT: text, OIT: text }).optional(),
    levelScheme: z
      .enum(['bands', 'pass_tiers'])
      .describe("'bands' (AA–F, 2563) or 'pass_tiers' (from 2566): how levels are presented"),
    toolWeights: z
      .strictObject({ IIT: z.number(), EIT: z.number(), OIT: z.number() })
      .describe('Weights of the tools in the overall score; they sum to 1'),
    answerWeights: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .describe('Scores of the four-level options in printed order (1…4)'),
    answerLabels: z.strictObject({
      likert4: z.array(text).length(4),
      yesNo: z.strictObject({ yes: text, no: text }),
    }),
    passMark: z.number(),
    nationalTargetShare: z.number().gt(0).lte(1),
    indicators: z.array(indicator).min(1),
    questions: z.array(question).min(1),
    oitHeadings: z.array(oitHeading),
    oitItems: z.array(oitItem),
    levels: z.array(level).min(1),
    demographics: z.strictObject({
      IIT: z.array(demographicField),
      EIT: z.array(demographicField),
    }),
    agencyGroups: z
      .array(agencyGroup)
      .optional()
      .describe('The agency groups of this year; agencies are given theirs by import, per year'),
    sampleRule,
    iitMinYearsOfService: z.number().int().nonnegative().describe('IIT eligibility'),
    minRespondentsShown: z
      .number()
      .int()
      .min(2)
      .describe('No figure finer than a tool score concerns fewer respondents than this'),
    recommendations: recommendations.optional(),
  })
  .describe('An Open ITAS framework: the whole method of one fiscal year');

export type Framework = z.infer<typeof frameworkSchema>;
/** What a framework file holds (before defaults are applied). */
export type FrameworkInput = z.input<typeof frameworkSchema>;
export type SubIndicator = z.infer<typeof subIndicator>;
export type OitHeading = z.infer<typeof oitHeading>;
export type DemographicField = z.infer<typeof demographicField>;
export type SampleRule = z.infer<typeof sampleRule>;
export type AgencyGroup = z.infer<typeof agencyGroup>;
export type GroupMinimum = z.infer<typeof groupMinimum>;
export type Question = z.infer<typeof question>;
export type SubItem = z.infer<typeof subItem>;
export type Indicator = z.infer<typeof indicator>;
export type OitItem = z.infer<typeof oitItem>;
export type Level = z.infer<typeof level>;
export type Recommendations = z.infer<typeof recommendations>;
