// The codes of import problems and their parameters, apart from domain/problem.ts so
// that problem.ts can gather every area's codes without an import cycle.

/** The codes of a file's problems and their parameters (the catalogue words each). */
export interface ImportProblemParams {
  // The table itself (services/table-*.ts, csv-stream.ts).
  file_empty: Record<string, never>;
  xlsx_too_big: { mb: number };
  xlsx_unreadable: Record<string, never>;
  control_character: { code: string };
  byte_invalid: { encoding: 'utf-8' | 'windows-874' };
  value_too_long: { max: number };
  value_beyond_header: { index: number; columns: number };
  columns_mismatch: { found: number; expected: number };
  csv_malformed: { what: 'quote_inside' | 'quote_unclosed' };
  column_unnamed: { index: number };
  column_repeated: { column: string };
  column_unknown: { column: string; allowed: string };
  column_missing: { column: string };
  // Rows of oit.csv and results.csv (domain/row-import.ts).
  agency_code_missing: Record<string, never>;
  column_required: { column: string };
  column_too_long: { column: string; max: number };
  oit_item_unknown: { item: string; count: number };
  oit_answer_invalid: { value: string };
  oit_not_applicable_refused: { item: string };
  oit_note_missing: { item: string };
  url_invalid: { value: string };
  oit_score_invalid: { value: string };
  fiscal_year_invalid: { value: string };
  score_invalid: { column: string; value: string };
  level_mismatch: { level: string; overall: number; year: number; expected: string };
  // Rows of agencies.csv (domain/agency-import.ts).
  code_missing: Record<string, never>;
  code_invalid: { code: string };
  code_repeats: { code: string; line: number };
  name_th_missing: Record<string, never>;
  type_invalid: { value: string; allowed: string };
  province_unknown: { value: string };
  province_required: Record<string, never>;
  district_needs_province: Record<string, never>;
  district_unknown: { district: string; province: string };
  parent_self: Record<string, never>;
  parent_unknown: { code: string };
  website_not_https: { value: string };
  staff_count_invalid: { value: string };
  agencies_none: Record<string, never>;
  group_year_missing: Record<string, never>;
  group_year_not_created: { value: string };
  group_missing: Record<string, never>;
  /** `allowed` empty: the year's framework has no groups. */
  group_unknown: { group: string; year: number; allowed: string };
  /** `allowed` empty: the group has no sizes. */
  size_unknown: { size: string; group: string; allowed: string };
  size_missing: { group: string; allowed: string };
}
