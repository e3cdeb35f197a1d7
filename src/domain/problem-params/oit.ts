// The codes of oit problems and their parameters, apart from domain/problem.ts so
// that problem.ts can gather every area's codes without an import cycle.

/** What a person does to an agency's OIT (domain/oit/workflow.ts's transition table). */
export type OitAction =
  | 'save'
  | 'submit'
  | 'start_review'
  | 'score'
  | 'finish_review'
  | 'dispute'
  | 're_review'
  | 'confirm';

/** The OIT's refusals that take no parameters, each a key of the catalogue's `oit.errors`. */
export type OitRefusal =
  | 'noYear'
  | 'noAgency'
  | 'noItem'
  | 'notAgencyAdmin'
  | 'notAuditor'
  | 'notNacc'
  | 'notReader'
  | 'noAuditor'
  | 'noMatch'
  | 'nothingAnswered'
  | 'noDisputes';

/** The codes of the OIT forms' problems (domain/problem.ts words them through the catalogue). */
export interface OitFormProblemParams {
  oit_answer_missing: Record<string, never>;
  oit_url_missing: Record<string, never>;
  /** `url`: the offending text; `line`: the line of the links field it is on (1-based). */
  oit_url_invalid: { url: string; line?: number };
  oit_url_not_http: { url: string; line?: number };
  oit_too_many_urls: Record<string, never>;
  oit_note_too_long: Record<string, never>;
  oit_explanation_missing: Record<string, never>;
  oit_not_applicable_not_allowed: { item: string };
  review_score_invalid: Record<string, never>;
  review_comment_required: Record<string, never>;
  review_comment_too_long: Record<string, never>;
  dispute_required: Record<string, never>;
  dispute_too_long: Record<string, never>;
}

/** One form problem, on its field (the shape of domain/problem.ts's Problem, which cannot be imported). */
export type OitFormProblem = {
  [C in keyof OitFormProblemParams]: { field: string; code: C; params: OitFormProblemParams[C] };
}[keyof OitFormProblemParams];

export interface OitProblemParams extends OitFormProblemParams {
  /** A form refused (422): every problem, each on its field (services/oit-shared.ts OitInputError). */
  oit_input_invalid: { problems: OitFormProblem[] };
  // Refusals thrown (services/oit-shared.ts and the OIT services).
  oit_refused: { reason: OitRefusal };
  /** The action is not allowed in the agency's state. */
  oit_state: { action: OitAction };
  /** The phase's window is not open; its days when the calendar sets them. */
  oit_window_closed: {
    phase: 'oit-entry' | 'oit-review' | 'clarification' | 'confirmation';
    opensOn?: string;
    closesOn?: string;
  };
  /** `items`: the item codes, joined. */
  oit_unscored: { items: string };
  oit_unresolved: { items: string };
  oit_not_disputed: { item: string };
}
