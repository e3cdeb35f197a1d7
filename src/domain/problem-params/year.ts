// The codes of the refusals of assessment years, frameworks and results (year.service.ts,
// year-framework.service.ts, framework.service.ts, results.service.ts, agency.service.ts) and
// their parameters. Apart from domain/problem.ts so that problem.ts can gather every area's codes
// without an import cycle.

/** What moving a year to another framework version would lose (domain/framework/move.ts). */
export interface MoveProblemParams {
  move_answer_columns: { tool: string; missing: string[]; added: string[] };
  move_answer_order: { tool: string };
  move_answer_kind: { tool: string; columns: string[] };
  move_oit_items: { items: string[] };
}

/** One of those problems (the shape of domain/problem.ts's Problem, which cannot be imported). */
export type MoveRefusal = {
  [C in keyof MoveProblemParams]: { field: string; code: C; params: MoveProblemParams[C] };
}[keyof MoveProblemParams];

export interface YearProblemParams {
  years_manage_forbidden: Record<string, never>;
  /** `value`: what was given, as typed (may be no number at all). */
  year_create_invalid: { value: string };
  /** Creating a year on a framework the system does not know; `known`: the ids it knows. */
  year_framework_unknown: { id: string; known: string };
  year_exists: { year: number };
  /** A year that must exist and does not (the CLI's words: how to create it). */
  year_missing: { year: number };
  /** An unpublished (or absent) year's results: hidden, not refused. */
  results_unpublished: { year: number };
  year_move_forbidden: Record<string, never>;
  /** `listHint`: point to `itas framework list` (the CLI's framework commands). */
  framework_not_found: { id: string; listHint?: boolean };
  year_move_published: { year: number };
  year_move_same: { year: number; framework: string };
  /** The year's framework changed between the plan and the move. */
  year_move_raced: { year: number };
  /** The move refused under the year's lock (data arrived since the plan): every reason. */
  year_move_refused: { problems: MoveRefusal[] };
  framework_import_forbidden: Record<string, never>;
  framework_shipped: { id: string };
  /** `years`: the years using it that have answers or OIT entries. */
  framework_frozen: { id: string; years: string };
  framework_version_low: { id: string; version: number };
  agencies_import_forbidden: Record<string, never>;
}
