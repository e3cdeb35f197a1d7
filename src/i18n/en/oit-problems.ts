// English text of the OIT forms' problems and the OIT refusals: the same keys as Thai, checked by
// the compiler.
import type { OitFormProblem } from '../../domain/problem-params/oit.ts';
import type { Widen } from '../types.ts';
import type { oitProblems as th } from '../th/oit-problems.ts';

import { oit } from './oit.ts';

const onLine = (line?: number) => (line ? `Line ${line}: ` : '');

const form: Pick<Widen<typeof th>, OitFormProblem['code']> = {
  oit_answer_missing: () => 'Choose whether the agency publishes this',
  oit_url_missing: () => 'Give at least one link when the answer is "published"',
  oit_explanation_missing: () => 'Write the explanation when the answer is "not applicable"',
  oit_not_applicable_not_allowed: (p) =>
    `The year's framework does not allow item ${p.item} to be answered "not applicable"`,
  oit_url_invalid: (p) =>
    `${onLine(p.line)}not a usable link «${p.url}» (links only, one per line)`,
  oit_url_not_http: (p) => `${onLine(p.line)}a link must start with https:// or http:// «${p.url}»`,
  oit_too_many_urls: () => 'At most 5 links',
  oit_note_too_long: () => 'The note is longer than 2,000 characters',
  review_score_invalid: () => 'Choose a score of 0 or 100',
  review_comment_required: () => 'A score of 0 needs a comment giving the reason',
  review_comment_too_long: () => 'The comment is longer than 2,000 characters',
  dispute_required: () => 'Write an explanation',
  dispute_too_long: () => 'The explanation is longer than 2,000 characters',
};

const formText = (p: OitFormProblem) =>
  (form[p.code] as (params: OitFormProblem['params']) => string)(p.params);

export const oitProblems: Widen<typeof th> = {
  ...form,
  oit_input_invalid: (p) => p.problems.map(formText).join(' · '),
  oit_refused: (p) => oit.errors[p.reason],
  oit_state: (p) => oit.errors.state[p.action],
  oit_window_closed: (p) =>
    oit.errors.window[p.phase] + (p.opensOn === undefined ? '' : ` (${p.opensOn} – ${p.closesOn})`),
  oit_unscored: (p) => oit.errors.unscored(p.items),
  oit_unresolved: (p) => oit.errors.unresolved(p.items),
  oit_not_disputed: (p) => oit.errors.notDisputed(p.item),
};
