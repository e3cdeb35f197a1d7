// The codes of refusals about who may do what (accounts, users, the operator's tools) and their
// parameters. Apart from domain/problem.ts so that problem.ts can gather every area's codes
// without an import cycle.

/** Refusals of the user administration, each a key of the catalogue's `admin.errors` (the forms
 * word the same refusals from there). */
export type UserRefusal =
  | 'notAdmin'
  | 'scopeMissing'
  | 'noSuchAgency'
  | 'noSuchProvince'
  | 'noSuchUser'
  | 'badEmail'
  | 'badName'
  | 'badPassword'
  | 'emailTaken'
  | 'grantExists'
  | 'ownAdminRole'
  | 'noSuchGrant'
  | 'disableSelf';

export interface AccessProblemParams {
  /** services/user-admin.service.ts. */
  user_refused: { reason: UserRefusal };
  /** A new password's problem (domain/account.ts passwordProblem), worded by `accounts.password`. */
  password_invalid: { reason: 'tooShort' | 'tooLong' };
  sign_in_first: Record<string, never>;
  /** The API's bare 403 (http/expected-errors.tsx). */
  forbidden: Record<string, never>;
  nacc_only: Record<string, never>;
  outbox_forbidden: Record<string, never>;
  audit_log_forbidden: Record<string, never>;
  backup_forbidden: Record<string, never>;
  /** No assessment year at all yet (the survey links take the latest). */
  no_year_open: Record<string, never>;
}
