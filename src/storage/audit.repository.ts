// Appends to and reads the audit log (the database refuses UPDATE, DELETE and TRUNCATE on it).
import { sql } from 'kysely';
import type { AuditLogEntry } from '../domain/audit-action.ts';
import type { Db } from './database.ts';

export type AuditRow = AuditLogEntry;

export type NewAuditRow = Omit<AuditRow, 'id' | 'at'> & { at?: Date };

/** Rows per statement: 9 parameters a row, far below PostgreSQL's 65,535. */
const AUDIT_CHUNK = 1000;

/** Appends entries in order, one row each, with one statement per thousand. */
export async function insertAudits(db: Db, entries: readonly NewAuditRow[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK)
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + AUDIT_CHUNK).map((e) => ({
          ...(e.at ? { at: e.at } : {}),
          actor_user_id: e.actorUserId,
          actor_email: e.actorEmail,
          actor_roles: e.actorRoles,
          action: e.action,
          record_type: e.recordType,
          record_id: e.recordId,
          // jsonb parameters: serialised here so both drivers send the same text.
          before: e.before === undefined ? null : sql`${JSON.stringify(e.before)}::jsonb`,
          after: e.after === undefined ? null : sql`${JSON.stringify(e.after)}::jsonb`,
          request_id: e.requestId,
        })),
      )
      .execute();
}

export interface AuditFilter {
  /** Part of the acting person's e-mail, or their user id. */
  person?: string;
  recordType?: string;
  recordId?: string;
  /** Inclusive bounds. */
  from?: Date;
  to?: Date;
}

export async function findAudit(db: Db, f: AuditFilter, limit: number): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.person) {
    const p = f.person;
    q = /^[0-9a-f-]{36}$/i.test(p)
      ? q.where('actor_user_id', '=', p)
      : q.where('actor_email', 'ilike', `%${p.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  }
  if (f.recordType) q = q.where('record_type', '=', f.recordType);
  if (f.recordId) q = q.where('record_id', '=', f.recordId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at),
    actorUserId: r.actor_user_id,
    actorEmail: r.actor_email,
    actorRoles: r.actor_roles,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
  }));
}
