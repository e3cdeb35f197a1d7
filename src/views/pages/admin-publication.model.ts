// The view models of the NACC's publication pages (admin-publication.page.tsx).
import type { Readiness } from '../../domain/publication-readiness.ts';
import type { YearInfo } from './results-parts.tsx';
import type { RankingsModel } from './results.model.ts';
import type { SummaryModel } from './results-summary.page.tsx';

/** An agency a year may be published without a confirmed OIT, and why. */
export interface OitExceptionModel {
  agencyCode: string;
  nameTh: string;
  reason: string;
  recordedBy: string;
  recordedAt: Date;
}

/** One year's publication page: its readiness, the OIT exceptions and a preview of the results. */
export interface PublicationModel {
  year: YearInfo;
  readiness: Readiness;
  exceptions: OitExceptionModel[];
  /** What visitors will see: the national and per-type summary and the first ranking rows. */
  preview: { summary: SummaryModel | undefined; rankings: RankingsModel | undefined };
}
