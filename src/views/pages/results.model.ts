// The view models of the results pages: the rankings (rankings.page.tsx); the routes pass the results
// read model's views, which have these shapes.
import type {
  AgencyRankingRow,
  ProvinceRankingRow,
  RankingQuery,
} from '../../domain/reports/ranking-view.ts';
import type { YearResultsModel } from './results-parts.tsx';

/** The rankings page's model: the query, the choices of its form, and the ranked rows. */
export type RankingsModel = YearResultsModel & {
  query: RankingQuery;
  types: string[];
  provinces: string[];
  /** Agencies with a score card this year (what the ranks are among). */
  agencies: number;
} & (
    | { kind: 'agencies'; rows: AgencyRankingRow[] }
    | { kind: 'provinces'; rows: ProvinceRankingRow[] }
  );
