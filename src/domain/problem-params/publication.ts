// The codes of the refusals of publishing a year, its OIT exceptions (publication*.ts) and an
// agency's profile (agency-profile.service.ts), and their parameters. Apart from domain/problem.ts
// so that problem.ts can gather every area's codes without an import cycle.
import type { Readiness } from '../publication-readiness.ts';

export interface PublicationProblemParams {
  publication_nacc_only: Record<string, never>;
  publication_year_missing: { year: number };
  publication_already_published: { year: number };
  /** Not ready: the whole checklist, every reason worded (the year is the checklist's). */
  publication_not_ready: { readiness: Readiness };
  publication_announcement_required: Record<string, never>;
  publication_confirm_required: Record<string, never>;
  publication_not_published: { year: number };
  /** A published year's exceptions stay as they are: the published figures must not change. */
  exception_year_published: Record<string, never>;
  exception_agency_unknown: { code: string };
  exception_reason_required: Record<string, never>;
  exception_reason_too_long: { max: number };
  exception_oit_confirmed: { code: string };
  exception_missing: { code: string };
  // An agency's profile.
  profile_agency_unknown: Record<string, never>;
  profile_not_your_agency: Record<string, never>;
  profile_website_invalid: Record<string, never>;
  profile_staff_invalid: Record<string, never>;
}
