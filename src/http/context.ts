// What every request carries through the middleware: language, messages, request id, logger.
import type { Logger } from 'pino';
import type { Actor } from '../domain/actor.ts';
import type { Messages } from '../i18n/th.ts';
import type { Lang } from '../i18n/types.ts';
import type { Services } from '../services/container.ts';
import type { PdfRenderer } from '../exports/pdf.ts';

/** A request's form as read once by the input guard (form-body.ts). */
export interface FormBody {
  /** Every name and value in the order sent (a file's value is its name, never read). */
  pairs: [string, string | File][];
  /** One value per field, the last sent, as Hono's parseBody() gives it. */
  last: Record<string, string | File>;
}

export interface AppEnv {
  Variables: {
    lang: Lang;
    t: Messages;
    requestId: string;
    log: Logger;
    services: Services;
    /**
     * Who is acting, with this request's id: set by the session middleware (anonymous when
     * signed out); ANONYMOUS, without an id, on the survey API, which writes no audit entry.
     */
    actor: Actor;
    /** The signed-in person's name and session (set with actor by the session middleware). */
    account?: { displayName: string; sessionHash: string };
    /** The CSRF token for forms rendered in this response. */
    csrfToken: string;
    secureHeadersNonce?: string;
    /** The request's form, parsed once by the input guard (form-body.ts). */
    form?: FormBody;
    /** The agency-report PDF renderer; absent when Chromium is not installed. */
    pdf?: PdfRenderer;
    /** How long a .pdf request waits for its render before answering 202 (ms). */
    pdfWaitMs: number;
  };
}
