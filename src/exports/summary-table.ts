// The one serializer of the summaries (docs/formats.md "Summary per agency type — export"): the
// summary page's downloads, `itas export summary` and the API's figures come from the same
// Summary objects of the results read model. JSON rows are those objects (fractions 0–1, full
// precision); CSV and XLSX show shares in per cent and every score as its published figure.
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
    json: (s) => s,
  };
}
