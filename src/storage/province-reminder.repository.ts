// Reads and writes the province's reminder templates and the reminders it sent.
import { sql } from 'kysely';
import type { Db } from './database.ts';

export async function findReminderTemplates(db: Db, province: string) {
  const rows = await db
    .selectFrom('drive_reminder_templates')
    .select(['key', 'subject', 'body'])
    .where('province', '=', province)
    .orderBy('key')
    .execute();
  return rows;
}

export async function saveReminderTemplate(
  db: Db,
  province: string,
  t: { key: string; subject: string; body: string },
) {
  await db
    .insertInto('drive_reminder_templates')
    .values({ province, ...t })
    .onConflict((oc) =>
      oc
        .columns(['province', 'key'])
        .doUpdateSet({ subject: t.subject, body: t.body, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export async function insertReminder(
  db: Db,
  r: {
    province: string;
    fiscalYear: number;
    subject: string;
    body: string;
    agencyCodes: string[];
    recipients: number;
    sentBy: string;
    sentAt: Date;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('drive_reminders')
    .values({
      province: r.province,
      fiscal_year: r.fiscalYear,
      subject: r.subject,
      body: r.body,
      agency_codes: r.agencyCodes,
      recipients: r.recipients,
      sent_by: r.sentBy,
      sent_at: r.sentAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(id);
}

export async function findReminders(db: Db, province: string, fiscalYear: number) {
  const rows = await db
    .selectFrom('drive_reminders')
    .selectAll()
    .where('province', '=', province)
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    subject: r.subject,
    agencyCodes: r.agency_codes,
    recipients: r.recipients,
    sentBy: r.sent_by,
    sentAt: r.sent_at,
  }));
}
