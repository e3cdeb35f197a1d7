// A refusal the request itself earned (unreadable body, bad field, too large): a calm bilingual
// page, or JSON under /api/, with the status that says what happened. Never a stack trace.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RefusalPage } from '../views/pages/forbidden.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';

export interface Refusal {
  code: string;
  th: string;
  en: string;
  detailTh?: string | undefined;
  detailEn?: string | undefined;
  /** The form field or query parameter at fault. */
  field?: string | undefined;
}

export function renderRefusal(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  r: Refusal,
): Response | Promise<Response> {
  if (c.req.path.startsWith('/api/'))
    return c.json(
      {
        error: {
          code: r.code,
          message: [r.en, r.detailEn].filter(Boolean).join(' '),
          message_th: [r.th, r.detailTh].filter(Boolean).join(' '),
          ...(r.field !== undefined ? { field: r.field } : {}),
        },
      },
      status,
    );
  return c.html(
    <RefusalPage
      ctx={pageContext(c)}
      th={r.th}
      en={r.en}
      detailTh={r.detailTh}
      detailEn={r.detailEn}
    />,
    status,
  );
}
