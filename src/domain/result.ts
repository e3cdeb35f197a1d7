// Expected failures are values: a Result is either the value or a list of problems with codes.
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** A failure a user can act on, in both languages; routes map `code` to an HTTP status. */
export interface Problem {
  code: 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'closed';
  th: string;
  en: string;
  /** The form field or file location it concerns, if any. */
  field?: string;
  /** For rate_limited: when another try may succeed. */
  retryAt?: Date;
}
