// English text of the refusals of years, frameworks and results: the same keys as Thai,
// compiler-checked.
import type { MoveRefusal } from '../../domain/problem-params/year.ts';
import type { Widen } from '../types.ts';
import type { yearProblems as th } from '../th/year-problems.ts';

/** A list of codes, the first twelve. */
const list = (xs: string[]) =>
  xs.length > 12 ? `${xs.slice(0, 12).join(', ')}, …` : xs.join(', ');

const move: Pick<Widen<typeof th>, MoveRefusal['code']> = {
  move_answer_columns: (p) =>
    `Stored ${p.tool} answers follow the current framework's sub-items, but the new one${p.missing.length ? ` lacks ${list(p.missing)}` : ''}${p.missing.length && p.added.length ? ' and' : ''}${p.added.length ? ` adds ${list(p.added)}` : ''}`,
  move_answer_order: (p) =>
    `Stored ${p.tool} answers follow the current framework's order of sub-items, which the new one changes`,
  move_answer_kind: (p) =>
    `${p.tool} sub-items ${list(p.columns)} change between four options and yes/no: stored answers would be misread`,
  move_oit_items: (p) =>
    `OIT items ${list(p.items)} hold agencies' entries but are not in the new framework`,
};

const moveText = (p: MoveRefusal) =>
  (move[p.code] as (params: MoveRefusal['params']) => string)(p.params);

export const yearProblems: Widen<typeof th> = {
  ...move,
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
    `${p.year} is published, and published results keep the framework they were scored on: withdraw its results before moving it to another framework`,
  year_move_same: (p) =>
    `${p.year} already uses ${p.framework}, so there is nothing to move; to move it, choose another framework`,
  year_move_raced: (p) => `${p.year} was just moved to another framework; check again`,
  year_move_refused: (p) => p.problems.map(moveText).join(' · '),
  framework_import_forbidden: () => 'Only the NACC may import frameworks',
  framework_shipped: (p) => `"${p.id}" is shipped with the system; give your file another id`,
  framework_frozen: (p) =>
    `Framework ${p.id} is frozen: year ${p.years} using it has answers or OIT entries. Import the corrected file under a new id`,
  framework_version_low: (p) =>
    `This file differs from the stored ${p.id} version ${p.version}; raise its version above ${p.version}`,
  agencies_import_forbidden: () => 'Only NACC administrators may import agencies',
};
