// The scorer: answer counts and OIT item scores → sub-item, question, indicator, tool and overall
// scores, level and pass, exactly as methodology.md describes. Pure, total, full precision.
import type { Framework, Indicator, SubItem, ToolCode } from '../framework/schema.ts';
import { levelFor } from './level.ts';
import { meanOrNull, oitRollup } from './oit-rollup.ts';
import { toolSample } from './minimum-sample.ts';
import type { MissingReason, ScoreCard, ScoreInput } from './types.ts';

const validCount = (c: unknown): c is number =>
  typeof c === 'number' && Number.isFinite(c) && c >= 0;

/**
 * One sub-item's score from its answer counts: the mean of the answers' scores. Returns null when
 * nobody answered, and 'invalid' when the counts have the wrong length or a negative/non-finite count.
 */
export function subItemScore(
  framework: Framework,
  scale: SubItem['scale'],
  counts: readonly number[] | undefined,
): number | null | 'invalid' {
  if (counts === undefined) return null;
  const expected = scale === 'yes_good' || scale === 'no_good' ? 2 : 4;
  if (counts.length !== expected || !counts.every(validCount)) return 'invalid';
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = counts;
  const w = framework.answerWeights;
  switch (scale) {
    case 'likert4':
      return (c0 * w[0] + c1 * w[1] + c2 * w[2] + c3 * w[3]) / total;
    case 'likert4_reverse':
      return (c0 * w[3] + c1 * w[2] + c2 * w[1] + c3 * w[0]) / total;
    case 'yes_good':
      return (c0 / total) * 100;
    case 'no_good':
      return (c1 / total) * 100;
  }
}

/**
 * Scores one agency. Every tool needs all of its data: a survey tool with no respondents or with
 * an unanswered or invalid sub-item, and OIT with an item unscored or out of 0–100, is null with
 * the reason in `missing`; then overall, level and passed are null too. Answer keys the framework
 * does not have are ignored (imports refuse them before they get here).
 */
export function scoreAgency(framework: Framework, input: ScoreInput): ScoreCard {
  const missing: MissingReason[] = [];
  const subItems: Record<string, number | null> = {};
  const questions: Record<string, number | null> = {};
  const subIndicators: Record<string, number | null> = {};
  const indicators: Record<string, number | null> = {};
  const respondents = { IIT: input.respondents.IIT, EIT: input.respondents.EIT };
  const sample = {
    IIT: toolSample(input.minimums?.IIT, respondents.IIT),
    EIT: toolSample(input.minimums?.EIT, respondents.EIT),
  };
  const withheld = (tool: 'IIT' | 'EIT') =>
    framework.sampleRule.belowMinimum === 'not_scored' && sample[tool].below === true;

  for (const tool of ['IIT', 'EIT'] as const) {
    const hasRespondents = Number.isFinite(respondents[tool]) && respondents[tool] > 0;
    if (!hasRespondents) missing.push({ tool, reason: 'no_respondents' });
    const unanswered: string[] = [];
    const invalid: string[] = [];
    for (const q of framework.questions.filter((x) => x.tool === tool)) {
      const scores = q.items.map((item) => {
        const key = `${q.code}.${item.n}`;
        const score = hasRespondents
          ? subItemScore(framework, item.scale, input.answers[key])
          : null;
        if (score === 'invalid') invalid.push(key);
        else if (score === null && hasRespondents) unanswered.push(key);
        const value = score === 'invalid' ? null : score;
        subItems[key] = value;
        return value;
      });
      questions[q.code] = meanOrNull(scores);
    }
    if (unanswered.length > 0) {
      missing.push({ tool, reason: 'sub_items_unanswered', detail: unanswered.join(', ') });
    }
    if (invalid.length > 0) {
      missing.push({ tool, reason: 'invalid_answer_counts', detail: invalid.join(', ') });
    }
  }

  const unscored: string[] = [];
  const invalidOit: string[] = [];
  const oitScore = (code: string): number | null => {
    const value = input.oit[code];
    if (value === undefined) {
      unscored.push(code);
      return null;
    }
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      invalidOit.push(code);
      return null;
    }
    return value;
  };

  const oit = oitRollup(framework, oitScore);
  Object.assign(subIndicators, oit.subIndicators);
  const indicatorScore = (ind: Indicator): number | null =>
    ind.tool === 'OIT'
      ? (oit.indicators[ind.code] ?? null)
      : meanOrNull((ind.questions ?? []).map((c) => questions[c] ?? null));
  for (const ind of framework.indicators) indicators[ind.code] = indicatorScore(ind);
  if (unscored.length > 0)
    missing.push({ tool: 'OIT', reason: 'oit_items_unscored', detail: unscored.join(', ') });
  if (invalidOit.length > 0)
    missing.push({ tool: 'OIT', reason: 'invalid_oit_score', detail: invalidOit.join(', ') });

  const toolScore = (tool: ToolCode): number | null =>
    meanOrNull(
      framework.indicators.filter((i) => i.tool === tool).map((i) => indicators[i.code] ?? null),
    );
  for (const tool of ['IIT', 'EIT'] as const)
    if (withheld(tool)) {
      // Nothing of a withheld tool is published: its indicators go with its score.
      for (const ind of framework.indicators) if (ind.tool === tool) indicators[ind.code] = null;
      missing.push({
        tool,
        reason: 'below_minimum_sample',
        detail: `${respondents[tool]} < ${sample[tool].minimum}`,
      });
    }
  const tools: Record<ToolCode, number | null> = {
    IIT: withheld('IIT') ? null : toolScore('IIT'),
    EIT: withheld('EIT') ? null : toolScore('EIT'),
    OIT: toolScore('OIT'),
  };

  const w = framework.toolWeights;
  const overall =
    tools.IIT !== null && tools.EIT !== null && tools.OIT !== null
      ? w.IIT * tools.IIT + w.EIT * tools.EIT + w.OIT * tools.OIT
      : null;
  const level = overall === null ? null : levelFor(framework, overall, tools);

  return {
    frameworkId: framework.id,
    subItems,
    questions,
    subIndicators,
    indicators,
    tools,
    overall,
    level: level?.code ?? null,
    passed: level ? level.passes : null,
    missing,
    respondents,
    sample,
  };
}
