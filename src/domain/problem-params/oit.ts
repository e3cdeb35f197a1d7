// The codes of oit problems and their parameters, apart from domain/problem.ts so
// that problem.ts can gather every area's codes without an import cycle.

/** The codes of the OIT forms' problems (domain/problem.ts words them through the catalogue). */
export interface OitProblemParams {
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
