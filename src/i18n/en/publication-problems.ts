// English text of the refusals of publishing, OIT exceptions and an agency's profile: the same
// keys as Thai, compiler-checked.
import type { Widen } from '../types.ts';
import type { publicationProblems as th } from '../th/publication-problems.ts';
import { readinessText } from '../publication-text.ts';
import { publication } from './publication.ts';

export const publicationProblems: Widen<typeof th> = {
  publication_nacc_only: () => 'NACC administrators only',
  publication_year_missing: (p) => `No assessment year ${p.year}`,
  publication_already_published: (p) => `Fiscal year ${p.year} is already published`,
  publication_not_ready: (p) =>
    `${publication.refused(String(p.readiness.fiscalYear))}\n${readinessText(p.readiness, 'en')}`,
  publication_announcement_required: () => 'Enter the announcement text (Thai)',
  publication_confirm_required: () => 'Tick the box to confirm the publication first',
  publication_not_published: (p) => `Fiscal year ${p.year} is not published`,
  exception_year_published: () =>
    'This year is published; withdraw the publication before changing exceptions',
  exception_agency_unknown: (p) => `No agency has the code ${p.code}`,
  exception_reason_required: () => 'Give the reason for the exception',
  exception_reason_too_long: (p) => `The reason is longer than ${p.max} characters`,
  exception_oit_confirmed: (p) => `${p.code}'s OIT is confirmed; it needs no exception`,
  exception_missing: (p) => `${p.code} has no exception`,
  profile_agency_unknown: () => 'No agency with this code is in the register',
  profile_not_your_agency: () => 'You have no rights over this agency',
  profile_website_invalid: () =>
    'The website must start with http:// or https:// and contain no spaces',
  profile_staff_invalid: () => 'Staff must be a whole number, 0 or more',
};
