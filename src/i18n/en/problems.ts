// English text of every problem code: the same keys as Thai, checked by the compiler.
import type { Widen } from '../types.ts';
import type { problems as th } from '../th/problems.ts';
import { accessProblems } from './access-problems.ts';
import { backupProblems } from './backup-problems.ts';
import { frameworkProblems } from './framework-problems.ts';
import { importProblems } from './import-problems.ts';
import { oitProblems } from './oit-problems.ts';
import { provinceProblems } from './province-problems.ts';
import { publicationProblems } from './publication-problems.ts';
import { yearProblems } from './year-problems.ts';

export const problems: Widen<typeof th> = {
  ...importProblems,
  ...frameworkProblems,
  ...oitProblems,
  ...provinceProblems,
  ...yearProblems,
  ...accessProblems,
  ...publicationProblems,
  ...backupProblems,
  answer_missing: (p) => `Question ${p.question}: choose an answer`,
  answer_not_allowed: (p) =>
    `Question ${p.question}: "${p.value}" is not an answer (use ${p.allowed})`,
  question_unknown: (p) => `${p.tool} has no question ${p.question}`,
  item_other_tool: (p) => `Item ${p.item} belongs to ${p.other}, not ${p.tool}`,
  item_unknown: (p) => `The ${p.framework} framework has no item ${p.item}`,
  yes_no_invalid: (p) => `Item ${p.item} takes Y (yes) or N (no), got "${p.value}"`,
  likert_invalid: (p) => `Item ${p.item} takes 1–4, got "${p.value}"`,
  demographic_missing: (p) => `${p.label.en ?? p.code}: choose one option`,
  demographic_not_asked: (p) => `${p.tool} does not ask for ${p.field}`,
  demographic_invalid: (p) => `${p.field} must be one of ${p.options}, got "${p.value}"`,
  eligibility_missing: () => 'Say whether you have worked at this agency for the required time',
  access_code_missing: () => 'Enter the access code your agency gave you',
  access_code_refused: () => 'The access code is wrong or has been used',
  response_id_invalid: (p) =>
    `${p.field} must be a random (version 4) UUID such as 0b7e2c1a-5f3d-4c8e-9a61-2d4f8b3e7c10, got "${p.value}"`,
  tool_invalid: (p) =>
    p.value === undefined
      ? 'The tool must be IIT or EIT'
      : `The tool must be IIT or EIT, got "${p.value}"`,
  submitted_on_invalid: (p) => `The day must be YYYY-MM-DD, got "${p.value}"`,
  day_invalid: (p) => `The day must be YYYY-MM-DD (a day, no time), got "${p.value}"`,
  year_unknown: (p) => `No assessment year ${p.year}`,
  agency_unknown: (p) => `No agency with code ${p.code}`,
  agency_not_registered: (p) => `No agency "${p.code}" in the register`,
  survey_closed: (p) => `The ${p.tool} survey of this agency is not open`,
  link_unknown: () => 'No survey has this link',
  rate_limited: (p) =>
    `Too many answers from this ${p.source === 'network' ? 'network' : 'link'}; try again in ${p.minutes} minutes`,
  line_repeats: (p) =>
    `Agency ${p.agency} ${p.what === 'oit' ? 'item' : 'year'} ${p.key} repeats line ${p.line}`,
  year_not_open: (p) => `Fiscal year ${p.year} is not open yet (run itas year create first)`,
  phase_unknown: (p) => `Unknown phase "${p.phase}" (use ${p.phases})`,
  opens_invalid: () => 'The start date is not a valid date',
  closes_invalid: () => 'The end date is not a valid date',
  window_reversed: () => 'The end date must not be before the start date',
  extension_reason_missing: () => 'An extension for one agency needs a reason',
  extension_no_general: () =>
    'This window is not set for every agency yet: set the general window before extending it for one agency',
  extension_shortens: (p) =>
    `An extension must cover the general window (${p.opensOn} – ${p.closesOn}): start no later and end no sooner`,
  population_invalid: (p) =>
    `${p.tool === 'IIT' ? 'The eligible headcount' : 'The service population'} must be a whole number from 0 to 10,000,000`,
  calendar_forbidden: () => 'Only NACC administrators may set the calendar',
  fiscal_year_not_open: (p) => `Fiscal year ${p.year} is not open`,
  targets_forbidden: () => "Only this agency's administrators may enter its numbers",
  agency_private_forbidden: () => 'You may not see this agency',
  province_progress_forbidden: () => 'You may not see this province’s progress',
  import_forbidden: () => 'Only the NACC may import assessment data',
  links_manage_forbidden: () => "Only this agency's administrators may manage its survey links",
  links_create_all_forbidden: () => 'Only the NACC may create every agency’s links',
  links_list_forbidden: () => 'Only the NACC may list every link',
  api_cross_site: () => 'Answers cannot be sent from another web site',
  api_media_type: () => 'Send the answers as Content-Type: application/json',
  api_too_large: (p) => `The body is larger than ${p.kb} KB`,
  api_not_json: () => 'The body is not JSON',
  api_json_object: () => 'Send a JSON object',
  api_submission_invalid: () => 'The submission is not valid',
  api_field_invalid: (p) => `${p.field}: ${p.detail}`,
  api_refused: () => 'Refused',
};
