// The survey API: POST /api/v1/surveys/{code}/{tool}, and the OpenAPI document describing it.
// Only programs and our own pages may post: JSON only (a form or text/plain post from another
// site needs no CORS preflight), nothing from another site's page, no CORS allowance (ADR 0007).
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { limitBody } from './body-limit.ts';
import type { AppEnv } from './context.ts';
import { openApiDocument } from './openapi.ts';
import { clientAddress } from './client-address.ts';
import { bare, problem, type Problem } from '../domain/problem.ts';
import { problemTexts } from '../i18n/problem-text.ts';

export const surveyApiRoutes = new Hono<AppEnv>();

surveyApiRoutes.get('/api/openapi.json', (c) => c.json(openApiDocument));

const submission = z.object({
  // Checked to be a random (version 4) UUID by the submission pipeline, with its own message.
  response_id: z.string().max(100),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  demographics: z.record(z.string(), z.string()).optional(),
  access_code: z.string().max(64).optional(),
});

/** The error envelope: a code, a headline and the body's fields, each in English and Thai. */
function apiError(code: string, headline: Problem, fields?: readonly Problem[]) {
  const words = (p: Problem) => {
    const { th, en } = problemTexts(p);
    return { message: en, message_th: th };
  };
  return {
    error: {
      code,
      ...words(headline),
      ...(fields ? { fields: fields.map((f) => ({ field: f.field, ...words(f) })) } : {}),
    },
  };
}

const BODY_LIMIT_KB = 64;

/**
 * Refuses a post a browser made from another site's page (403): `Sec-Fetch-Site` says so in
 * current browsers, `Origin` (another host, or "null") in older ones. Programs send neither.
 */
const fromThisSiteOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  let foreign = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (!foreign && origin !== undefined) {
    try {
      foreign = new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host);
    } catch {
      foreign = true;
    }
  }
  if (foreign) return c.json(apiError('cross_site', bare('', 'api_cross_site')), 403);
  await next();
};

/** JSON only (415): a browser sends JSON to another site only after a CORS preflight we refuse. */
const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return c.json(apiError('unsupported_media_type', bare('', 'api_media_type')), 415);
  await next();
};

surveyApiRoutes.post(
  '/api/v1/surveys/:code/:tool',
  fromThisSiteOnly,
  jsonOnly,
  limitBody(BODY_LIMIT_KB * 1024, (c) =>
    c.json(apiError('too_large', problem('', 'api_too_large', { kb: BODY_LIMIT_KB })), 413),
  ),
  async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json(
        apiError('invalid', bare('', 'api_not_json'), [bare('body', 'api_json_object')]),
        422,
      );
    }
    const parsed = submission.safeParse(raw);
    if (!parsed.success)
      return c.json(
        apiError(
          'invalid',
          bare('', 'api_submission_invalid'),
          parsed.error.issues.map((i) => {
            const field = i.path.join('.') || 'body';
            return problem(field, 'api_field_invalid', { field, detail: i.message });
          }),
        ),
        422,
      );
    const r = await c
      .get('services')
      .surveys.submitApi(c.req.param('code'), c.req.param('tool'), parsed.data, clientAddress(c));
    // The same 201 for a replay; `created` says whether this very request stored the answer.
    if (r.ok) return c.json({ response_id: r.responseId, created: r.created }, 201);
    const status = { not_found: 404, closed: 409, invalid: 422, rate_limited: 429 } as const;
    const invalid = r.refused === 'invalid';
    if (r.refused === 'rate_limited') c.header('Retry-After', String(r.retryAfterSeconds ?? 60));
    const headline = invalid
      ? bare('', 'api_submission_invalid')
      : (r.problems[0] ?? bare('', 'api_refused'));
    return c.json(
      apiError(r.refused, headline, invalid ? r.problems : undefined),
      status[r.refused],
    );
  },
);
