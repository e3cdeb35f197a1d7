// English text of the problems of an imported file: the same keys as Thai, checked by the compiler.
import type { Widen } from '../types.ts';
import type { importProblems as th } from '../th/import-problems.ts';

const n = (x: number) => x.toLocaleString('en');

export const importProblems: Widen<typeof th> = {
  file_empty: () => 'The file is empty: no header row',
  xlsx_too_big: (p) => `The .xlsx file is over ${p.mb} MB; save it as CSV and import that instead`,
  xlsx_unreadable: () => 'Cannot read the .xlsx file (damaged, or not an Excel workbook)',
  control_character: (p) => `A control character (U+${p.code}), which is not text`,
  byte_invalid: (p) =>
    p.encoding === 'windows-874'
      ? 'A byte that is not a Windows-874 (TIS-620) character; save the file as CSV in UTF-8 or Windows-874'
      : 'A byte sequence that is not valid UTF-8; if Thai Excel saved the file, give --encoding windows-874 or save it as CSV UTF-8',
  value_too_long: (p) => `The value is longer than ${n(p.max)} characters`,
  value_beyond_header: (p) =>
    `A value in column ${p.index}, beyond the header's ${p.columns} columns`,
  columns_mismatch: (p) =>
    `Wrong number of columns (found ${p.found}, the header has ${p.expected})`,
  csv_malformed: (p) =>
    `Malformed CSV (${p.what === 'quote_inside' ? 'a quote inside an unquoted field' : 'a quoted field is not closed'})`,
  column_unnamed: (p) => `Column ${p.index} has no name in the header row`,
  column_repeated: (p) => `Column "${p.column}" appears twice in the header row`,
  column_unknown: (p) => `Unknown column "${p.column}" (allowed: ${p.allowed})`,
  column_missing: (p) => `Required column "${p.column}" is missing`,
  agency_code_missing: () => 'The agency code is required',
  column_required: (p) => `${p.column} is required`,
  column_too_long: (p) => `${p.column} is longer than ${p.max} characters`,
  oit_item_unknown: (p) => `The year's framework has no item "${p.item}" (O1 … O${p.count})`,
  oit_answer_invalid: (p) => `The answer must be has, has_not or not_applicable, got "${p.value}"`,
  oit_not_applicable_refused: (p) =>
    `The year's framework does not allow item ${p.item} to be answered "not applicable"`,
  oit_note_missing: (p) =>
    `Item ${p.item} is "not applicable": its explanation goes in the note column`,
  url_invalid: (p) => `A URL must start with http:// or https://, got "${p.value}"`,
  oit_score_invalid: (p) => `The score must be 0, 100 or empty, got "${p.value}"`,
  fiscal_year_invalid: (p) =>
    `The fiscal year must be a 4-digit BE year such as 2562, got "${p.value}"`,
  score_invalid: (p) => `${p.column} must be a number 0–100, got "${p.value}"`,
  level_mismatch: (p) =>
    `Level "${p.level}" does not match score ${p.overall} under ${p.year}'s bands (expected ${p.expected})`,
  code_missing: () => 'code is required',
  code_invalid: (p) => `code "${p.code}" may hold only letters, digits, . _ - (at most 40)`,
  code_repeats: (p) => `code "${p.code}" repeats line ${p.line}`,
  name_th_missing: () => 'name_th is required',
  type_invalid: (p) => `type "${p.value}" is not one of ${p.allowed}`,
  province_unknown: (p) => `unknown province "${p.value}" (must be one of the 77)`,
  province_required: () => 'this agency type needs a province',
  district_needs_province: () => 'a district needs a province',
  district_unknown: (p) => `no district "${p.district}" in ${p.province}`,
  parent_self: () => 'an agency cannot be its own parent',
  parent_unknown: (p) => `no parent agency with code "${p.code}"`,
  website_not_https: (p) => `website "${p.value}" must be an https:// URL`,
  staff_count_invalid: (p) => `staff_count "${p.value}" must be a whole number`,
  agencies_none: () => 'the file has no agency rows',
  group_year_missing: () => 'a group needs the fiscal year it applies to',
  group_year_not_created: (p) => `fiscal year "${p.value}" has not been created`,
  group_missing: () => 'a size needs its group',
  group_unknown: (p) =>
    p.allowed
      ? `group "${p.group}" is not in the ${p.year} framework (allowed: ${p.allowed})`
      : `the ${p.year} framework has no agency groups`,
  size_unknown: (p) =>
    p.allowed
      ? `size "${p.size}" is not one of group ${p.group}'s (${p.allowed})`
      : `group ${p.group} has no sizes; leave agency_size empty`,
  size_missing: (p) => `group ${p.group} needs a size (${p.allowed})`,
};
