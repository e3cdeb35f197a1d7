// English text of the refusals of years, frameworks and results: the same keys as Thai,
// compiler-checked.
import type { Widen } from '../types.ts';
import type { yearProblems as th } from '../th/year-problems.ts';

export const yearProblems: Widen<typeof th> = {
  years_manage_forbidden: () => 'Only the NACC may manage assessment years',
  year_create_invalid: (p) =>
    `The fiscal year must be a Buddhist Era year such as 2563, got "${p.value}"`,
  year_framework_unknown: (p) => `Unknown framework "${p.id}" (known: ${p.known})`,
  year_exists: (p) => `Assessment year ${p.year} already exists`,
  year_missing: (p) => `No assessment year ${p.year} (create it with itas year create)`,
  results_unpublished: (p) => `No published results for ${p.year}`,
  year_move_forbidden: () => 'Only the NACC may move a year to another framework',
  framework_not_found: (p) =>
    p.listHint ? `No framework "${p.id}" (see itas framework list)` : `No framework "${p.id}"`,
  year_move_published: (p) =>
    `${p.year} is published: withdraw its results before moving it to another framework`,
  year_move_same: (p) => `${p.year} already uses ${p.framework}`,
  year_move_raced: (p) => `${p.year} was just moved to another framework; check again`,
  framework_import_forbidden: () => 'Only the NACC may import frameworks',
  framework_shipped: (p) => `"${p.id}" is shipped with the system; give your file another id`,
  framework_frozen: (p) =>
    `Framework ${p.id} is frozen: year ${p.years} using it has answers or OIT entries. Import the corrected file under a new id`,
  framework_version_low: (p) =>
    `This file differs from the stored ${p.id} version ${p.version}; raise its version above ${p.version}`,
  agencies_import_forbidden: () => 'Only NACC administrators may import agencies',
};
