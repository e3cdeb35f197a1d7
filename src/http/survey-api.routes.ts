// The survey API: POST /api/v1/surveys/{code}/{tool}, and the OpenAPI document describing it.
// Only programs and our own pages may post: JSON only (a form or text/plain post from another
// site needs no CORS preflight), nothing from another site's page, no CORS allowance (ADR 0007).
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { limitBody } from './body-limit.ts';
import type { AppEnv } from './context.ts';
import { openApiDocument } from './openapi.ts';
import { clientAddress } from './client-address.ts';
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

function problem(
  code: string,
  en: string,
  th: string,
  fields?: { field: string; en: string; th: string }[],
) {
  return {
    error: {
      code,
      message: en,
      message_th: th,
      ...(fields
        ? { fields: fields.map((f) => ({ field: f.field, message: f.en, message_th: f.th })) }
        : {}),
    },
  };
}

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
  if (foreign)
    return c.json(
      problem(
        'cross_site',
        'Answers cannot be sent from another web site',
        'ไม่รับคำตอบที่ส่งมาจากเว็บไซต์อื่น',
      ),
      403,
    );
  await next();
};

/** JSON only (415): a browser sends JSON to another site only after a CORS preflight we refuse. */
const jsonOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return c.json(
      problem(
        'unsupported_media_type',
        'Send the answers as Content-Type: application/json',
        'กรุณาส่งคำตอบในรูปแบบ Content-Type: application/json',
      ),
      415,
    );
  await next();
};

surveyApiRoutes.post(
  '/api/v1/surveys/:code/:tool',
  fromThisSiteOnly,
  jsonOnly,
  limitBody(64 * 1024, (c) =>
    c.json(problem('too_large', 'The body is larger than 64 KB', 'ข้อมูลใหญ่เกิน 64 KB'), 413),
  ),
  async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json(
        problem('invalid', 'The body is not JSON', 'ข้อมูลที่ส่งมาไม่ใช่ JSON', [
          { field: 'body', en: 'Send a JSON object', th: 'ส่งเป็นออบเจ็กต์ JSON' },
        ]),
        422,
      );
    }
    const parsed = submission.safeParse(raw);
    if (!parsed.success)
      return c.json(
        problem(
          'invalid',
          'The submission is not valid',
          'ข้อมูลที่ส่งมาไม่ถูกต้อง',
          parsed.error.issues.map((i) => {
            const field = i.path.join('.') || 'body';
            return {
              field,
              en: `${field}: ${i.message}`,
              th:
                field === 'response_id'
                  ? 'response_id ต้องเป็น UUID แบบสุ่ม'
                  : `${field}: รูปแบบข้อมูลไม่ถูกต้อง`,
            };
          }),
        ),
        422,
      );
    const r = await c
      .get('services')
      .surveys.submitApi(c.req.param('code'), c.req.param('tool'), parsed.data, clientAddress(c));
    // The same 201 for a replay; `created` says whether this very request stored the answer.
    if (r.ok) return c.json({ response_id: r.responseId, created: r.created }, 201);
    const first = r.problems[0] && problemTexts(r.problems[0]);
    const status = { not_found: 404, closed: 409, invalid: 422, rate_limited: 429 } as const;
    const invalid = r.refused === 'invalid';
    if (r.refused === 'rate_limited') c.header('Retry-After', String(r.retryAfterSeconds ?? 60));
    return c.json(
      problem(
        r.refused,
        invalid ? 'The submission is not valid' : (first?.en ?? 'Refused'),
        invalid ? 'ข้อมูลที่ส่งมาไม่ถูกต้อง' : (first?.th ?? 'ไม่สามารถดำเนินการได้'),
        invalid ? r.problems.map((p) => ({ field: p.field, ...problemTexts(p) })) : undefined,
      ),
      status[r.refused],
    );
  },
);
