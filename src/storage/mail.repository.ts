// The mail outbox: every message the system sends, whether or not SMTP is configured.
import type { Db } from './database.ts';

export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
  status: 'stored' | 'sent' | 'failed';
  sentAt: Date | null;
  error: string | null;
}

export async function insertOutbox(
  db: Db,
  m: {
    to: string;
    subject: string;
    text: string;
    html: string | null;
    createdAt: Date;
    status: OutboxMessage['status'];
  },
): Promise<number> {
  const r = await db
    .insertInto('mail_outbox')
    .values({
      to_address: m.to,
      subject: m.subject,
      body_text: m.text,
      body_html: m.html,
      created_at: m.createdAt,
      status: m.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function markOutbox(
  db: Db,
  id: number,
  status: 'sent' | 'failed',
  at: Date,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status, sent_at: status === 'sent' ? at : null, error })
    .where('id', '=', id)
    .execute();
}

type Row = {
  id: number;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  created_at: Date;
  status: OutboxMessage['status'];
  sent_at: Date | null;
  error: string | null;
};

function toMessage(r: Row): OutboxMessage {
  return {
    id: Number(r.id),
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    html: r.body_html,
    createdAt: new Date(r.created_at),
    status: r.status,
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
    error: r.error,
  };
}

export async function listOutbox(db: Db, limit: number): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMessage);
}

export async function findOutbox(db: Db, id: number): Promise<OutboxMessage | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const r = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMessage(r) : undefined;
}
