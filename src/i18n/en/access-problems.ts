// English text of the refusals about who may do what: the same keys as Thai, checked by the
// compiler.
import type { Widen } from '../types.ts';
import type { accessProblems as th } from '../th/access-problems.ts';
import { accounts } from './accounts.ts';
import { admin } from './admin.ts';

export const accessProblems: Widen<typeof th> = {
  user_refused: (p) => admin.errors[p.reason],
  password_invalid: (p) => accounts.password[p.reason],
  sign_in_first: () => accounts.errors.signInFirst,
  forbidden: () => 'Forbidden',
  nacc_only: () => 'NACC only',
  outbox_forbidden: () => 'Only NACC administrators may read the outbox',
  audit_log_forbidden: () => 'Only NACC administrators may read the audit log',
  backup_forbidden: () => 'Only NACC administrators may back up or restore the database',
  no_year_open: () => 'No assessment year is open yet; use itas year create',
};
