// English text of the refusals about who may do what: the same keys as Thai, checked by the
// compiler.
import type { Widen } from '../types.ts';
import type { accessProblems as th } from '../th/access-problems.ts';

export const accessProblems: Widen<typeof th> = {
  forbidden: () => 'Forbidden',
  nacc_only: () => 'NACC only',
  outbox_forbidden: () => 'Only NACC administrators may read the outbox',
  audit_log_forbidden: () => 'Only NACC administrators may read the audit log',
  backup_forbidden: () => 'Only NACC administrators may back up or restore the database',
  no_year_open: () => 'No assessment year is open yet; use itas year create',
};
