// The one serializer of the summaries (docs/formats.md "Summary per agency type — export"): the
// summary page's downloads, `itas export summary` and the API's figures come from the same
// Summary objects of the results read model. JSON rows are those objects with snake_case names
// like every exchange format (summaryJson; fractions 0–1, full precision); CSV and XLSX show
// shares in per cent and every score as its published figure.
import type { Framework } from '../domain/framework/schema.ts';
import type { Summary, TypeSummary } from '../domain/scoring/rollups.ts';
import type { StreamTable } from './stream-export.ts';

/** The `type` of the row that summarizes every agency (the page's download starts with it). */
export const ALL_TYPES = 'all';

/** The page's rows: every agency first (type `all`), then one row per type. */
export const summaryRows = (national: Summary, byType: TypeSummary[]): TypeSummary[] => [
  { type: ALL_TYPES, ...national },
  ...byType,
];

/** A summary as JSON (the API, the CLI and the page's download): the file formats' names. */
export interface SummaryJson {
  type?: string;
  agencies: number;
  assessed: number;
  respondents: { IIT: number; EIT: number };
  mean_overall: number | null;
  indicator_means: Record<string, number | null>;
  levels: Summary['levels'];
  passing: Summary['passing'];
  meets_national_target: boolean;
  below_minimum: number;
}

export function summaryJson(s: Summary | TypeSummary): SummaryJson {
  return {
    ...('type' in s ? { type: s.type } : {}),
    agencies: s.agencies,
    assessed: s.assessed,
    respondents: s.respondents,
    mean_overall: s.meanOverall,
    indicator_means: s.indicatorMeans,
    levels: s.levels,
    passing: s.passing,
    meets_national_target: s.meetsNationalTarget,
    below_minimum: s.belowMinimum,
  };
}

export function summaryTable(framework: Framework): StreamTable<TypeSummary> {
  const indicators = framework.indicators.map((i) => i.code);
  const levels = framework.levels.map((l) => l.code);
  return {
    name: 'summary',
    columns: [
      { key: 'type', header: 'type' },
      { key: 'agencies', header: 'agencies' },
      { key: 'assessed', header: 'assessed' },
      { key: 'respondents_IIT', header: 'respondents_IIT' },
      { key: 'respondents_EIT', header: 'respondents_EIT' },
      { key: 'mean_overall', header: 'mean_overall', decimals: true },
      ...indicators.map((c) => ({ key: `i${c}`, header: `mean_indicator_${c}`, decimals: true })),
      ...levels.flatMap((l) => [
        { key: `n_${l}`, header: `level_${l}` },
        { key: `s_${l}`, header: `level_${l}_share`, decimals: true },
      ]),
      { key: 'passing', header: 'passing' },
      { key: 'passing_share', header: 'passing_share', decimals: true },
      { key: 'below_minimum', header: 'below_minimum' },
    ],
    row: (s) => ({
      type: s.type,
      agencies: s.agencies,
      assessed: s.assessed,
      respondents_IIT: s.respondents.IIT,
      respondents_EIT: s.respondents.EIT,
      mean_overall: s.meanOverall,
      ...Object.fromEntries(indicators.map((c) => [`i${c}`, s.indicatorMeans[c] ?? null])),
      ...Object.fromEntries(
        levels.flatMap((l) => [
          [`n_${l}`, s.levels[l]?.count ?? 0],
          [`s_${l}`, (s.levels[l]?.share ?? 0) * 100],
        ]),
      ),
      passing: s.passing.count,
      passing_share: s.passing.share * 100,
      below_minimum: s.belowMinimum,
    }),
    json: summaryJson,
  };
}
