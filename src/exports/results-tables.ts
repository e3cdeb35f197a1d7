// The tables of the rankings and summary pages as data: the page renders these rows and the
// downloads write them, so CSV, XLSX and JSON hold exactly what is shown.
import { agencyTypeName } from '../domain/agency.ts';
import type { Framework } from '../domain/framework/schema.ts';
import type { AgencyRankingRow, ProvinceRankingRow } from '../domain/reports/ranking-view.ts';
import type { Summary, TypeSummary } from '../domain/scoring/index.ts';
import type { Messages } from '../i18n/th.ts';
import type { Lang } from '../i18n/types.ts';
import type { ExportTable } from './table-export.ts';

/** A score cell: full precision (or null); the writers show its published figure. */
const score = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? n : null;

const typeName = (code: string, lang: Lang) => agencyTypeName(code, lang);

export function agencyRankingTable(
  rows: AgencyRankingRow[],
  fiscalYear: number,
  t: Messages,
  lang: Lang,
): ExportTable {
  const m = t.results.rankings;
  return {
    name: `rankings-${fiscalYear}`,
    columns: [
      { key: 'rank', header: m.rank },
      { key: 'agency_code', header: 'code' },
      { key: 'agency', header: m.agency },
      { key: 'type', header: m.type },
      { key: 'province', header: m.province },
      { key: 'district', header: m.district },
      { key: 'score', header: m.thisYear(String(fiscalYear)), decimals: true },
      { key: 'level', header: t.results.level },
      { key: 'passed', header: m.pass },
      { key: 'last_year', header: m.lastYear(String(fiscalYear - 1)), decimals: true },
      { key: 'last_rank', header: m.lastRank(String(fiscalYear - 1)) },
      { key: 'change', header: m.change, decimals: true },
      { key: 'below_minimum', header: m.belowMinimum },
    ],
    rows: rows.map((r) => ({
      rank: r.rank,
      agency_code: r.agencyCode,
      agency: lang === 'en' && r.nameEn ? r.nameEn : r.nameTh,
      type: typeName(r.type, lang),
      province: r.province,
      district: r.district,
      score: score(r.overall),
      level: r.level,
      passed: r.passed === null ? null : r.passed ? t.results.passed : t.results.notPassed,
      last_year: score(r.lastYear),
      last_rank: r.lastRank,
      change: score(r.change),
      below_minimum: r.belowMinimum.join(' '),
    })),
  };
}

export function provinceRankingTable(
  rows: ProvinceRankingRow[],
  fiscalYear: number,
  t: Messages,
): ExportTable {
  const m = t.results.rankings;
  return {
    name: `provinces-${fiscalYear}`,
    columns: [
      { key: 'rank', header: m.rank },
      { key: 'province', header: m.province },
      { key: 'agencies', header: m.agencies },
      { key: 'assessed', header: m.assessed },
      { key: 'score', header: m.thisYear(String(fiscalYear)), decimals: true },
      { key: 'last_year', header: m.lastYear(String(fiscalYear - 1)), decimals: true },
      { key: 'last_rank', header: m.lastRank(String(fiscalYear - 1)) },
      { key: 'change', header: m.change, decimals: true },
    ],
    rows: rows.map((r) => ({
      rank: r.rank,
      province: r.province,
      agencies: r.agencies,
      assessed: r.assessed,
      score: score(r.score),
      last_year: score(r.lastYear),
      last_rank: r.lastRank,
      change: score(r.change),
    })),
  };
}

/** One row per agency type plus the national row: the figures of the summary page. */
export function summaryTable(
  framework: Framework,
  national: Summary,
  byType: TypeSummary[],
  fiscalYear: number,
  t: Messages,
  lang: Lang,
): ExportTable {
  const m = t.results.summary;
  const indicatorCols = framework.indicators.map((ind) => ({
    key: `indicator_${ind.code}`,
    header: `${ind.code} ${lang === 'en' ? (ind.name.en ?? ind.name.th) : ind.name.th}`,
    decimals: true,
  }));
  const levelCols = framework.levels.flatMap((l) => [
    { key: `level_${l.code}`, header: `${l.code} ${m.count}` },
    { key: `level_${l.code}_pct`, header: `${l.code} ${m.share}`, decimals: true },
  ]);
  const row = (type: string, s: Summary) => ({
    type,
    agencies: s.agencies,
    assessed: s.assessed,
    respondents_iit: s.respondents.IIT,
    respondents_eit: s.respondents.EIT,
    mean: score(s.meanOverall),
    ...Object.fromEntries(
      indicatorCols.map((c, i) => [c.key, score(s.indicatorMeans[framework.indicators[i]!.code])]),
    ),
    ...Object.fromEntries(
      framework.levels.flatMap((l) => [
        [`level_${l.code}`, s.levels[l.code]?.count ?? 0],
        [`level_${l.code}_pct`, score((s.levels[l.code]?.share ?? 0) * 100)],
      ]),
    ),
    passed: s.passing.count,
    passed_pct: score(s.passing.share * 100),
    meets_target: s.meetsNationalTarget ? m.meets : m.misses,
    below_minimum: s.belowMinimum,
  });
  return {
    name: `summary-${fiscalYear}`,
    columns: [
      { key: 'type', header: t.results.rankings.type },
      { key: 'agencies', header: m.agencies },
      { key: 'assessed', header: m.assessed },
      { key: 'respondents_iit', header: m.respondentsIit },
      { key: 'respondents_eit', header: m.respondentsEit },
      { key: 'mean', header: m.mean, decimals: true },
      ...indicatorCols,
      ...levelCols,
      { key: 'passed', header: `${m.passing} ${m.count}` },
      { key: 'passed_pct', header: `${m.passing} ${m.share}`, decimals: true },
      { key: 'meets_target', header: m.meets },
      { key: 'below_minimum', header: m.belowMinimum },
    ],
    rows: [row(m.national, national), ...byType.map((s) => row(typeName(s.type, lang), s))],
  };
}
