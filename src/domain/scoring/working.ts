// The working behind a score, step by step (issue 13.6, "show the working"): answer counts →
// sub-item → question → indicator → tool → overall for IIT and EIT, OIT items → sub-indicators →
// indicator, with the framework's weights. Every figure is the scorer's own (scoreAgency): this
// module only arranges the card's intermediate values beside the inputs and weights they came from,
// so the working can never disagree with the published score.
import type { Framework, Level, Scale, Text, ToolCode } from '../framework/schema.ts';
import { levelByCode } from '../framework/helpers.ts';
import { scoreAgency } from './score.ts';
import type { ScoreCard, ScoreInput } from './types.ts';

/**
 * The fewest respondents of a tool for its answer counts per sub-item to be shown (the calculation
 * page, open data). The one place this threshold is read for the working and the open data.
 */
export function minRespondentsShown(framework: Framework): number {
  return framework.minRespondentsShown;
}

/** Whether a tool's answer counts may be shown for this many respondents. */
export function countsShown(framework: Framework, respondents: number): boolean {
  return respondents >= minRespondentsShown(framework);
}

export interface SubItemStep {
  /** Answer column, e.g. 'I1.2'. */
  column: string;
  text: Text;
  scale: Scale;
  /** Counts of options 1..4 (yes/no: [yes, no]); null when withheld or not stored. */
  counts: readonly number[] | null;
  /** Score of each option, in the counts' order (the framework's answer weights). */
  optionScores: number[];
  answered: number | null;
  score: number | null;
}

export interface QuestionStep {
  code: string;
  text: Text;
  score: number | null;
  /** Each sub-item's share of the question's score (a plain mean: 1 ÷ sub-items). */
  itemWeight: number;
  items: SubItemStep[];
}

export interface OitItemStep {
  code: string;
  title: Text;
  /** 0 or 100; null when not scored (or not confirmed). */
  score: number | null;
}

export interface SubIndicatorStep {
  code: string;
  name: Text;
  score: number | null;
  /** Each item's share of the sub-indicator (1 ÷ items). */
  itemWeight: number;
  items: OitItemStep[];
}

export interface IndicatorStep {
  code: string;
  name: Text;
  score: number | null;
  /** IIT/EIT: each question's share of the indicator (1 ÷ questions); OIT: each sub-indicator's. */
  partWeight: number;
  questions: QuestionStep[];
  subIndicators: SubIndicatorStep[];
}

export interface ToolStep {
  tool: ToolCode;
  name: Text;
  score: number | null;
  /** The tool's weight in the overall score (0.3 / 0.3 / 0.4 in 2563). */
  weight: number;
  /** weight × score, what the tool adds to the overall score (null without a score). */
  contribution: number | null;
  /** Each indicator's share of the tool (1 ÷ indicators). */
  indicatorWeight: number;
  /** Respondents of a survey tool; null for OIT. */
  respondents: number | null;
  /** False when a survey tool has too few respondents for its answer counts to be shown. */
  countsShown: boolean;
  indicators: IndicatorStep[];
}

export interface ScoreWorking {
  frameworkId: string;
  /** The scorer's card, full precision. */
  card: ScoreCard;
  /** Scores of options 1..4 of a four-level item (yes/no items score the good answer's share). */
  answerWeights: readonly number[];
  minRespondentsShown: number;
  tools: ToolStep[];
  overall: number | null;
  level: Level | null;
  passed: boolean | null;
  /** The framework's levels, in the order they are tried. */
  levels: Level[];
  passMark: number;
}

const TOOL_FALLBACK: Record<ToolCode, Text> = {
  IIT: { th: 'IIT' },
  EIT: { th: 'EIT' },
  OIT: { th: 'OIT' },
};

function optionScores(framework: Framework, scale: Scale): number[] {
  const w = framework.answerWeights;
  switch (scale) {
    case 'likert4':
      return [w[0], w[1], w[2], w[3]];
    case 'likert4_reverse':
      return [w[3], w[2], w[1], w[0]];
    case 'yes_good':
      return [100, 0];
    case 'no_good':
      return [0, 100];
  }
}

const share = (n: number) => (n > 0 ? 1 / n : 0);

/**
 * Scores an agency with the one scorer and lays out every step of the result. Answer counts of a
 * survey tool whose respondents are below minRespondentsShown are left out of the working (its
 * scores stay); the scorer still sees them.
 */
export function explainScore(framework: Framework, input: ScoreInput): ScoreWorking {
  const card = scoreAgency(framework, input);
  const oitTitle = new Map(framework.oitItems.map((o) => [o.code, o.title]));
  const tools = (['IIT', 'EIT', 'OIT'] as const).map((tool): ToolStep => {
    const survey = tool !== 'OIT';
    const respondents = survey ? card.respondents[tool] : null;
    const shown = respondents === null || countsShown(framework, respondents);
    const indicators = framework.indicators
      .filter((ind) => ind.tool === tool)
      .map((ind): IndicatorStep => {
        const questions = (ind.questions ?? []).flatMap((code) => {
          const q = framework.questions.find((x) => x.code === code);
          if (!q) return [];
          return [
            {
              code: q.code,
              text: q.text,
              score: card.questions[q.code] ?? null,
              itemWeight: share(q.items.length),
              items: q.items.map((item): SubItemStep => {
                const column = `${q.code}.${item.n}`;
                const counts = shown ? (input.answers[column] ?? null) : null;
                return {
                  column,
                  text: item.text,
                  scale: item.scale,
                  counts,
                  optionScores: optionScores(framework, item.scale),
                  answered: counts ? counts.reduce((a, b) => a + b, 0) : null,
                  score: card.subItems[column] ?? null,
                };
              }),
            },
          ];
        });
        const subIndicators = (ind.subIndicators ?? []).map((sub): SubIndicatorStep => ({
          code: sub.code,
          name: sub.name,
          score: card.subIndicators[sub.code] ?? null,
          itemWeight: share(sub.items.length),
          items: sub.items.map((code) => {
            const score = input.oit[code];
            return {
              code,
              title: oitTitle.get(code) ?? { th: code },
              score: typeof score === 'number' && Number.isFinite(score) ? score : null,
            };
          }),
        }));
        return {
          code: ind.code,
          name: ind.name,
          score: card.indicators[ind.code] ?? null,
          partWeight: share(survey ? questions.length : subIndicators.length),
          questions,
          subIndicators,
        };
      });
    const score = card.tools[tool];
    const weight = framework.toolWeights[tool];
    return {
      tool,
      name: framework.toolNames?.[tool] ?? TOOL_FALLBACK[tool],
      score,
      weight,
      contribution: score === null ? null : weight * score,
      indicatorWeight: share(indicators.length),
      respondents,
      countsShown: shown,
      indicators,
    };
  });
  return {
    frameworkId: framework.id,
    card,
    answerWeights: framework.answerWeights,
    minRespondentsShown: minRespondentsShown(framework),
    tools,
    overall: card.overall,
    level: card.level === null ? null : (levelByCode(framework, card.level) ?? null),
    passed: card.passed,
    levels: framework.levels,
    passMark: framework.passMark,
  };
}
