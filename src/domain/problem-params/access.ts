// The codes of refusals about who may do what (accounts, users, the operator's tools) and their
// parameters. Apart from domain/problem.ts so that problem.ts can gather every area's codes
// without an import cycle.

export interface AccessProblemParams {
  /** The API's bare 403 (http/expected-errors.tsx). */
  forbidden: Record<string, never>;
  nacc_only: Record<string, never>;
  outbox_forbidden: Record<string, never>;
  audit_log_forbidden: Record<string, never>;
  backup_forbidden: Record<string, never>;
  /** No assessment year at all yet (the survey links take the latest). */
  no_year_open: Record<string, never>;
}
