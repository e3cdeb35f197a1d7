// Sends e-mail: every message is stored in the outbox; with SMTP_URL set it is also sent by SMTP
// (development, the demo and tests leave SMTP_URL unset and read the outbox page instead).
import nodemailer from 'nodemailer';
import type { Actor } from '../domain/actor.ts';
import { canAdministerAccounts } from '../domain/access.ts';
import type { Db } from '../storage/database.ts';
import {
  findOutbox,
  insertOutbox,
  listOutbox,
  markOutbox,
  type OutboxMessage,
} from '../storage/mail.repository.ts';
import { ForbiddenError } from './errors.ts';

export type { OutboxMessage };

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailOptions {
  smtpUrl?: string | null;
  from?: string;
  now?: () => Date;
}

export function createMailService(db: Db, opts: MailOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const from = opts.from ?? 'Open ITAS <no-reply@localhost>';
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  function check(actor: Actor) {
    if (!canAdministerAccounts(actor))
      throw new ForbiddenError(
        'กล่องจดหมายออกเปิดดูได้เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช.',
        'Only NACC administrators may read the outbox',
      );
  }
  return {
    smtpConfigured: transport !== null,

    /** Stores the message, then sends it when SMTP is configured. A send failure is recorded, not thrown. */
    async send(m: MailMessage): Promise<number> {
      const id = await insertOutbox(db, {
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html ?? null,
        createdAt: now(),
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
          await markOutbox(db, id, 'sent', now(), null);
        } catch (e) {
          await markOutbox(db, id, 'failed', now(), e instanceof Error ? e.message : String(e));
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
