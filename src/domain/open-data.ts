// The open data that lets anyone recompute a published year (issue 13.6, docs/formats.md "Open
// data to recompute"): the rows of the answer-counts and OIT-scores files, and the check that
// `itas verify` runs over the downloaded files — the one scorer (scoreAgency) on the file's
// framework, compared with the published figures. Pure: rows in, a report out.
import { answerColumns, subItemOf } from './framework/helpers.ts';
import type { Framework, SurveyTool, ToolCode } from './framework/schema.ts';
import { publishedDigitsOrNull } from './scoring/rounding.ts';
import { scoreAgency } from './scoring/score.ts';
import type { AnswerCounts, ScoreCard, ScoreInput } from './scoring/types.ts';
import { countsShown } from './scoring/working.ts';

/** Columns of `answer-counts.csv`: one row per agency, tool and sub-item. */
export const ANSWER_COUNT_COLUMNS = [
  'agency_code',
  'tool',
  'sub_item',
  'answers_1',
  'answers_2',
  'answers_3',
  'answers_4',
] as const;
/** Columns of `oit-scores.csv`: one row per agency and scored OIT item. */
export const OIT_SCORE_COLUMNS = ['agency_code', 'item', 'score'] as const;

export interface AnswerCountRow {
  agencyCode: string;
  tool: SurveyTool;
  /** Answer column, e.g. 'I1.2'. */
  subItem: string;
  /** Options 1..4 in printed order; yes/no items [yes, no]. */
  counts: readonly number[];
}

export interface OitScoreRow {
  agencyCode: string;
  item: string;
  score: number;
}

/**
 * The answer-count rows of one agency as published: every sub-item of each survey tool whose
 * respondents reach the framework's threshold (minRespondentsShown), none of a tool below it.
 */
export function answerCountRows(
  framework: Framework,
  agencyCode: string,
  input: ScoreInput,
): AnswerCountRow[] {
  return (['IIT', 'EIT'] as const).flatMap((tool) => {
    const respondents = input.respondents[tool];
    if (!(respondents > 0) || !countsShown(framework, respondents)) return [];
    return answerColumns(framework, tool).flatMap((subItem) => {
      const counts = input.answers[subItem];
      return counts ? [{ agencyCode, tool, subItem, counts }] : [];
    });
  });
}

/** The OIT score rows of one agency (confirmed scores, the framework's item order). */
export function oitScoreRows(
  framework: Framework,
  agencyCode: string,
  input: ScoreInput,
): OitScoreRow[] {
  return framework.oitItems.flatMap((item) => {
    const score = input.oit[item.code];
    return typeof score === 'number' ? [{ agencyCode, item: item.code, score }] : [];
  });
}

/** One published figure: its 2-decimal digits, and the full-precision value where given. */
export interface PublishedFigure {
  digits: string | null;
  full?: number | null;
}

/** One agency's published result as a results file gives it. */
export interface PublishedResult {
  agencyCode: string;
  respondents: Record<SurveyTool, number>;
  overall: PublishedFigure;
  tools: Record<ToolCode, PublishedFigure>;
  indicators: Record<string, PublishedFigure>;
  level?: string | null;
  passed?: boolean | null;
}

export interface Difference {
  agencyCode: string;
  /** e.g. 'overall', 'tools.IIT', 'indicators.3', 'level', 'agency'. */
  field: string;
  published: string;
  recomputed: string;
}

export interface Withheld {
  agencyCode: string;
  /** Survey tools with respondents whose answer counts are not in the open data. */
  tools: { tool: SurveyTool; respondents: number }[];
}

export interface CheckReport {
  /** Agencies in the results file. */
  checked: number;
  /** Agencies recomputed in full (every figure compared). */
  rederived: number;
  /** Agencies whose counts of some tool are not in the open data: that tool and overall are not compared. */
  withheld: Withheld[];
  differences: Difference[];
}

/** Allowed gap between a published full-precision figure and the recomputed one. */
const FULL_PRECISION_TOLERANCE = 1e-9;

const shown = (v: number | null | undefined) => publishedDigitsOrNull(v) ?? '–';

function compareFigure(
  out: Difference[],
  agencyCode: string,
  field: string,
  published: PublishedFigure | undefined,
  recomputed: number | null | undefined,
): void {
  if (!published) return;
  const value = typeof recomputed === 'number' && Number.isFinite(recomputed) ? recomputed : null;
  const digits = publishedDigitsOrNull(value);
  const fullDiffers =
    published.full !== undefined &&
    (published.full === null || value === null
      ? published.full !== value
      : Math.abs(published.full - value) > FULL_PRECISION_TOLERANCE);
  if (digits === published.digits && !fullDiffers) return;
  const full = (v: number | null | undefined) => (typeof v === 'number' ? ` (${String(v)})` : '');
  out.push({
    agencyCode,
    field,
    published: `${published.digits ?? '–'}${full(published.full)}`,
    recomputed: `${shown(value)}${published.full !== undefined ? full(value) : ''}`,
  });
}

/**
 * Recomputes every agency of a results file from the open data alone (answer counts, OIT item
 * scores, the framework) with the one scorer, and lists every published figure that differs.
 * A survey tool with respondents but no answer counts in the open data (withheld for small
 * numbers) cannot be re-derived: that tool, the overall score, level and pass are not compared,
 * and the agency is listed in `withheld`.
 */
export function checkPublishedResults(
  framework: Framework,
  results: readonly PublishedResult[],
  counts: readonly AnswerCountRow[],
  oit: readonly OitScoreRow[],
): CheckReport {
  const differences: Difference[] = [];
  const withheld: Withheld[] = [];
  const answers = new Map<string, AnswerCounts & Record<string, readonly number[]>>();
  const toolsWithCounts = new Set<string>();
  for (const row of counts) {
    let a = answers.get(row.agencyCode);
    if (!a) answers.set(row.agencyCode, (a = {}));
    a[row.subItem] = row.counts;
    toolsWithCounts.add(`${row.agencyCode}\u0000${row.tool}`);
  }
  const oitScores = new Map<string, Record<string, number>>();
  for (const row of oit) {
    let o = oitScores.get(row.agencyCode);
    if (!o) oitScores.set(row.agencyCode, (o = {}));
    o[row.item] = row.score;
  }
  const known = new Set(results.map((r) => r.agencyCode));
  for (const code of new Set([...answers.keys(), ...oitScores.keys()]))
    if (!known.has(code))
      differences.push({
        agencyCode: code,
        field: 'agency',
        published: 'not in the results file',
        recomputed: 'has open data',
      });

  let rederived = 0;
  for (const r of results) {
    const card: ScoreCard = scoreAgency(framework, {
      answers: answers.get(r.agencyCode) ?? {},
      respondents: r.respondents,
      oit: oitScores.get(r.agencyCode) ?? {},
    });
    const missingTools = (['IIT', 'EIT'] as const).filter(
      (tool) => r.respondents[tool] > 0 && !toolsWithCounts.has(`${r.agencyCode}\u0000${tool}`),
    );
    if (missingTools.length > 0)
      withheld.push({
        agencyCode: r.agencyCode,
        tools: missingTools.map((tool) => ({ tool, respondents: r.respondents[tool] })),
      });
    else rederived += 1;
    const skip = new Set<string>(missingTools);
    for (const tool of ['IIT', 'EIT', 'OIT'] as const)
      if (!skip.has(tool))
        compareFigure(differences, r.agencyCode, `tools.${tool}`, r.tools[tool], card.tools[tool]);
    for (const ind of framework.indicators)
      if (!skip.has(ind.tool))
        compareFigure(
          differences,
          r.agencyCode,
          `indicators.${ind.code}`,
          r.indicators[ind.code],
          card.indicators[ind.code],
        );
    if (skip.size > 0) continue;
    compareFigure(differences, r.agencyCode, 'overall', r.overall, card.overall);
    if (r.level !== undefined && r.level !== card.level)
      differences.push({
        agencyCode: r.agencyCode,
        field: 'level',
        published: r.level ?? '–',
        recomputed: card.level ?? '–',
      });
    if (r.passed !== undefined && r.passed !== card.passed)
      differences.push({
        agencyCode: r.agencyCode,
        field: 'passed',
        published: String(r.passed),
        recomputed: String(card.passed),
      });
  }
  return { checked: results.length, rederived, withheld, differences };
}

/** Whether a sub-item code belongs to the framework and a tool (for reading a counts file). */
export function isSubItemOf(framework: Framework, tool: SurveyTool, subItem: string): boolean {
  return subItemOf(framework, subItem)?.question.tool === tool;
}
