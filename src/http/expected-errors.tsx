// Turns expected refusals into answers: an HTTPException carries its own response, a service's
// ServiceError becomes a bilingual page (or JSON for /api/) with its status. Never a 500.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bare } from '../domain/problem.ts';
import { problemTexts } from '../i18n/problem-text.ts';
import { ServiceError } from '../services/errors.ts';
import { ForbiddenPage, RefusalPage } from '../views/pages/forbidden.page.tsx';
import type { AppEnv } from './context.ts';
import { pageContext } from './page-context.ts';

/** Thrown by requireUser when a signed-in user lacks the role: answered with the 403 page. */
export class AccessRefused extends Error {}

export function forbiddenResponse(c: Context<AppEnv>): Response | Promise<Response> {
  if (c.req.path.startsWith('/api/')) {
    const { th, en } = problemTexts(bare('', 'forbidden'));
    return c.json({ error: { code: 'forbidden', message: en, message_th: th } }, 403);
  }
  return c.html(<ForbiddenPage ctx={pageContext(c)} />, 403);
}

export function handleExpectedError(
  err: unknown,
  c: Context<AppEnv>,
): Response | Promise<Response> | null {
  if (err instanceof HTTPException) return err.getResponse();
  if (err instanceof AccessRefused) return forbiddenResponse(c);
  if (!(err instanceof ServiceError)) return null;
  if (c.req.path.startsWith('/api/'))
    return c.json(
      { error: { code: String(err.status), message: err.en, message_th: err.th } },
      err.status,
    );
  if (err.status === 403) return forbiddenResponse(c);
  return c.html(<RefusalPage ctx={pageContext(c)} th={err.th} en={err.en} />, err.status);
}
