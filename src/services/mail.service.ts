// Sends e-mail: every message is stored in the outbox; with SMTP_URL set it is also sent by SMTP
// (development, the demo and tests leave SMTP_URL unset and read the outbox page instead). With
// SMTP the outbox keeps a copy without the message's secret links: whoever reads the outbox or
// the database must not be able to reset someone's password or accept their invitation.
import nodemailer from 'nodemailer';
import type { Actor } from '../domain/actor.ts';
import { canAdministerAccounts } from '../domain/access.ts';
import {
  findOutbox,
  insertOutbox,
  listOutbox,
  markOutbox,
  type OutboxMessage,
} from '../storage/mail.repository.ts';
import { bare } from '../domain/problem.ts';
import { forbidden } from './errors.ts';
import type { ServiceConfig, ServiceContext } from './service-options.ts';

export type { OutboxMessage };

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Links that act for the recipient (reset, invitation): only the e-mail carries them. */
  secrets?: string[];
}

export const REDACTED_LINK = '[ลิงก์ส่งทางอีเมลแล้ว ไม่เก็บไว้ที่นี่ / link sent by e-mail, not kept here]';

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(REDACTED_LINK);
  return out;
}

export function createMailService({
  db,
  clock,
  config,
}: Pick<ServiceContext, 'db' | 'clock'> & {
  config: Pick<ServiceConfig, 'smtpUrl' | 'mailFrom'>;
}) {
  const from = config.mailFrom;
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  function check(actor: Actor) {
    if (!canAdministerAccounts(actor)) throw forbidden(bare('', 'outbox_forbidden'));
  }
  return {
    smtpConfigured: transport !== null,

    /** Stores the message, then sends it when SMTP is configured. A send failure is recorded, not thrown. */
    async send(m: MailMessage): Promise<number> {
      // Without SMTP the outbox is how mail reaches anyone (development, the demo): keep it whole.
      const keep = (s: string) => (transport ? redact(s, m.secrets ?? []) : s);
      const id = await insertOutbox(db, {
        to: m.to,
        subject: m.subject,
        text: keep(m.text),
        html: m.html === undefined ? null : keep(m.html),
        createdAt: clock(),
        status: 'stored',
      });
      if (transport) {
        try {
          await transport.sendMail({
            from,
            to: m.to,
            subject: m.subject,
            text: m.text,
            html: m.html,
          });
          await markOutbox(db, id, 'sent', clock(), null);
        } catch (e) {
          await markOutbox(db, id, 'failed', clock(), e instanceof Error ? e.message : String(e));
        }
      }
      return id;
    },

    async list(actor: Actor, limit = 100): Promise<OutboxMessage[]> {
      check(actor);
      return listOutbox(db, limit);
    },

    async get(actor: Actor, id: number): Promise<OutboxMessage | undefined> {
      check(actor);
      return findOutbox(db, id);
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
