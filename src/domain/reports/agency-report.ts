// The agency report's model, built from a stored score card and counts: what the page, the XLSX
// and the PDF all show. Pure: shares and ordering only; scores come from the scorer's card.
import { answerColumns } from '../framework/helpers.ts';
import type { SurveyTool, Text, ToolCode } from '../framework/schema.ts';
import { TOOL_CODES } from '../framework/schema.ts';
import { groupOitItems } from '../oit/workflow.ts';
import { recommendationsFor } from '../recommendations/index.ts';
import { published } from '../scoring/rounding.ts';
import {
  type ReportInput,
  type QuestionRow,
  type WhoAnswered,
  type AgencyReport,
} from './agency-report-model.ts';

// Small numbers (design.md, ADR 0005): below the framework's `minRespondentsShown` (10 in 2563)
// a tool shows no per-item answer shares or counts, no sub-item or question score (with one
// respondent those are that person's answers) and no demographic table; an item answered by
// fewer than that shows no shares or counts either. Tool and indicator scores are the
// assessment's result and are always shown.

const TOOL_FALLBACK: Record<ToolCode, Text> = {
  IIT: { th: 'IIT' },
  EIT: { th: 'EIT' },
  OIT: { th: 'OIT' },
};

export function buildAgencyReport(input: ReportInput): AgencyReport {
  const { framework: fw, card } = input;
  const target = fw.passMark;
  const tools = TOOL_CODES.map((tool) => {
    const score = card.tools[tool] ?? null;
    return {
      tool,
      name: fw.toolNames?.[tool] ?? TOOL_FALLBACK[tool],
      score,
      belowTarget: score !== null && published(score) < target,
    };
  });
  const scored = fw.indicators.flatMap((ind) => {
    const s = card.indicators[ind.code];
    return typeof s === 'number'
      ? [{ code: ind.code, tool: ind.tool, name: ind.name, score: s }]
      : [];
  });
  // Ranked on the published figures: two indicators printed alike share a rank.
  scored.sort((a, b) => published(b.score) - published(a.score));
  const indicators = scored.map((row, i) => ({ ...row, rank: i + 1 }));
  // Competition ranks: a tie shares the earlier rank.
  for (let i = 1; i < indicators.length; i++)
    if (published(indicators[i]!.score) === published(indicators[i - 1]!.score))
      indicators[i]!.rank = indicators[i - 1]!.rank;

  const trendMap = new Map(input.trend.map((p) => [p.fiscalYear, p.overall]));
  if (card.overall !== null) trendMap.set(input.fiscalYear, card.overall);
  const trend = [...trendMap.entries()]
    .map(([fiscalYear, overall]) => ({ fiscalYear, overall }))
    .sort((a, b) => a.fiscalYear - b.fiscalYear);

  const headingOf = new Map<string, Text>();
  for (const h of fw.oitHeadings) for (const code of h.items) headingOf.set(code, h.name);
  const subIndicatorOf = new Map<string, { code: string; name: Text }>();
  for (const g of groupOitItems(fw))
    for (const h of g.headings)
      for (const item of h.items) subIndicatorOf.set(item.code, g.subIndicator);
  const oitByItem = new Map(input.oit.map((o) => [o.item, o]));

  return {
    fiscalYear: input.fiscalYear,
    frameworkId: fw.id,
    overall: card.overall,
    level: card.level,
    passed: card.passed,
    passMark: target,
    tools,
    indicators,
    trend,
    recommendations: recommendationsFor(fw, { tools: card.tools, indicators: card.indicators }),
    questions: (['IIT', 'EIT'] as const).flatMap((tool) => questionRows(input, tool)),
    detailHidden: {
      IIT: (card.respondents.IIT ?? 0) < fw.minRespondentsShown,
      EIT: (card.respondents.EIT ?? 0) < fw.minRespondentsShown,
    },
    minRespondents: fw.minRespondentsShown,
    oit: fw.oitItems.map((item) => {
      const entry = oitByItem.get(item.code);
      return {
        code: item.code,
        title: item.title,
        subIndicator: subIndicatorOf.get(item.code) ?? null,
        heading: headingOf.get(item.code) ?? null,
        score: entry?.score ?? null,
        comment: entry?.comment ?? '',
        notApplicable: entry?.notApplicable ?? null,
      };
    }),
    whoAnswered: (['IIT', 'EIT'] as const).map((tool) => whoAnswered(input, tool)),
    respondents: card.respondents,
    sample: (['IIT', 'EIT'] as const).map((tool) => ({
      tool,
      respondents: card.respondents[tool] ?? 0,
      minimum: card.sample?.[tool]?.minimum ?? null,
      below: card.sample?.[tool]?.below === true,
    })),
    belowMinimumRule: fw.sampleRule.belowMinimum,
    targetShare: fw.nationalTargetShare,
    indicatorCount: fw.indicators.length,
    workEnvironment: { headcount: input.headcount ?? null, happiness: null },
  };
}

function questionRows(input: ReportInput, tool: SurveyTool): QuestionRow[] {
  const fw = input.framework;
  const columns = answerColumns(fw, tool);
  const counts = input.answerCounts[tool];
  const likert = fw.answerLabels.likert4;
  const yesNo = [fw.answerLabels.yesNo.yes, fw.answerLabels.yesNo.no];
  const min = fw.minRespondentsShown;
  const toolHidden = (input.card.respondents[tool] ?? 0) < min;
  return fw.questions
    .filter((q) => q.tool === tool)
    .map((q) => ({
      code: q.code,
      tool,
      text: q.text,
      score: toolHidden ? null : (input.card.questions[q.code] ?? null),
      items: q.items.map((item) => {
        const column = `${q.code}.${item.n}`;
        const isLikert = item.scale === 'likert4' || item.scale === 'likert4_reverse';
        const width = isLikert ? 4 : 2;
        const raw = counts.get(columns.indexOf(column) + 1);
        const all = raw ? raw.slice(0, width).map(Number) : [];
        const n = all.reduce((a, b) => a + b, 0);
        // Nothing per item that concerns fewer people than the threshold (counts included).
        const shown = !toolHidden && n >= min;
        const c = shown ? all : [];
        return {
          column,
          text: item.text,
          scale: item.scale,
          labels: isLikert ? likert : yesNo,
          counts: c,
          shares: shown && n > 0 ? c.map((k) => (k / n) * 100) : [],
          answered: shown ? n : 0,
          score: toolHidden ? null : (input.card.subItems[column] ?? null),
        };
      }),
    }));
}

function whoAnswered(input: ReportInput, tool: SurveyTool): WhoAnswered {
  const respondents = input.card.respondents[tool] ?? 0;
  const fields = input.framework.demographics[tool];
  const gender = fields.find((f) => f.code === 'gender');
  const rowsOf = input.demographics.filter((d) => d.tool === tool);
  const recorded = rowsOf.filter((d) => d.field === 'age_band').reduce((n, d) => n + d.n, 0);
  if (
    !gender ||
    respondents < input.framework.minRespondentsShown ||
    recorded < input.framework.minRespondentsShown
  )
    return { tool, respondents, tables: null };
  const tables = (['age_band', 'education', 'contact_type'] as const).flatMap((code) => {
    const field = fields.find((f) => f.code === code);
    if (!field) return [];
    return [
      {
        field: code,
        label: field.label,
        genders: gender.options,
        rows: field.options.map((opt) => ({
          value: opt.value,
          label: opt.label,
          counts: gender.options.map((g) =>
            rowsOf
              .filter((d) => d.field === code && d.value === opt.value && d.gender === g.value)
              .reduce((n, d) => n + d.n, 0),
          ),
        })),
      },
    ];
  });
  return { tool, respondents, tables };
}

export type {
  AgencyReport,
  CrossTab,
  DemographicCount,
  QuestionRow,
  ReportInput,
  SampleRow,
  StoredCard,
  SubItemRow,
  WhoAnswered,
} from './agency-report-model.ts';
