// Expected failures are values: a Result is either the value or its error (for a person's
// input, a list of coded problems: problem.ts).
import type { Problem } from './problem.ts';

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/**
 * A refused form with the page to show it on again (422, the typed values kept): the service
 * reads the page itself, so the route makes one service call either way.
 */
export type Refused<P, E = Problem[]> = { ok: false; error: E; page: P };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
