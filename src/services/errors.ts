// Errors services throw for expected refusals; routes map them to 403 / 404 / 409 / 422.
import type { Problem } from '../domain/problem.ts';
import type { Refused } from '../domain/result.ts';
import { problemTexts } from '../i18n/problem-text.ts';

export class ServiceError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422 | 429,
    readonly th: string,
    readonly en: string,
    /** The input the refusal is about, when one is: the form shows the message beside it. */
    readonly field?: string,
  ) {
    super(en);
  }
}

export class ForbiddenError extends ServiceError {
  constructor(th: string, en: string) {
    super(403, th, en);
  }
}

export class NotFoundError extends ServiceError {
  constructor(th: string, en: string) {
    super(404, th, en);
  }
}

/** A refusal said by code: the i18n catalogue words it, so the routes get both languages. */
export class Refusal extends ServiceError {
  constructor(
    status: ServiceError['status'],
    readonly problem: Problem,
  ) {
    const { th, en } = problemTexts(problem);
    super(status, th, en, problem.field || undefined);
  }
}

/** A 403 said by code, still a ForbiddenError (callers that let some refusals through test it). */
export function forbidden(p: Problem): ForbiddenError {
  const { th, en } = problemTexts(p);
  return new ForbiddenError(th, en);
}

/** A 404 said by code. */
export function notFound(p: Problem): NotFoundError {
  const { th, en } = problemTexts(p);
  return new NotFoundError(th, en);
}

/** A refused form with the page it is shown on again, read after the refusal (issue 18). */
export async function refusedWith<P, E>(error: E, page: () => Promise<P>): Promise<Refused<P, E>> {
  return { ok: false, error, page: await page() };
}

/**
 * Runs a form's write; a refusal the form shows (`shown`) comes back with the page to show it
 * on, read after the refusal, so the route makes one service call either way (issue 18). Any
 * other error is thrown as it was.
 */
export async function orPage<T, P, E extends ServiceError>(
  run: () => Promise<T>,
  shown: (e: ServiceError) => e is E,
  page: () => Promise<P>,
): Promise<{ ok: true; value: T } | Refused<P, E>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof ServiceError && shown(e)) return refusedWith(e, page);
    throw e;
  }
}
