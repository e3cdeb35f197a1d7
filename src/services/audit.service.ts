// The audit log: recordAudit() is called by every state-changing service inside its own
// transaction (so the entry and the change commit together); administrators read and export it.
import { csvText } from '../exports/csv.ts';
import type { Actor } from '../domain/actor.ts';
import { canAdministerAccounts } from '../domain/access.ts';
import { describeGrant } from '../domain/account.ts';
import type { Db } from '../storage/database.ts';
import {
  findAudit,
  insertAudits,
  type AuditFilter,
  type AuditRow,
} from '../storage/audit.repository.ts';
import { bare } from '../domain/problem.ts';
import { forbidden } from './errors.ts';
import type { AuditAction } from '../domain/audit-action.ts';
import type { ServiceContext } from './service-options.ts';

export type { AuditFilter, AuditRow };

export interface AuditEntry {
  /**
   * Who acted: the user (id, e-mail and every grant are stored), the CLI, or a visitor. The
   * entry's request id is the actor's: the HTTP request it acts through, if any (ADR 0029).
   */
  actor: Actor;
  /** What happened, as `<record>.<verb>`: one of the closed list in domain/audit-action.ts. */
  action: AuditAction;
  /** The kind of record changed: 'user', 'agency', 'session', … */
  recordType: string;
  /** Its key, as text. */
  recordId: string;
  /** The record before and after the change (JSON-serialisable; omit for creations/deletions). */
  before?: unknown;
  after?: unknown;
}

function who(actor: Actor): {
  actorUserId: string | null;
  actorEmail: string;
  actorRoles: string;
  requestId: string | null;
} {
  if (actor.kind === 'user')
    return {
      actorUserId: actor.userId,
      actorEmail: actor.email,
      actorRoles: actor.grants.map(describeGrant).join(' '),
      requestId: actor.requestId ?? null,
    };
  if (actor.kind === 'system')
    return {
      actorUserId: null,
      actorEmail: `system:${actor.label}`,
      actorRoles: 'system',
      requestId: null,
    };
  return {
    actorUserId: null,
    actorEmail: 'anonymous',
    actorRoles: '',
    requestId: actor.requestId ?? null,
  };
}

/**
 * Appends one entry to the append-only audit log. Pass the transaction that makes the change,
 * so the entry commits or rolls back with it: `await recordAudit(tx, { actor, action, … })`.
 */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [entry]);
}

/**
 * One entry per changed record, as recordAudit, for a change of many records at once: the same
 * rows in the same order, written together.
 */
export async function recordAudits(tx: Db, entries: readonly AuditEntry[]): Promise<void> {
  await insertAudits(
    tx,
    entries.map((entry) => ({
      ...who(entry.actor),
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      before: entry.before,
      after: entry.after,
    })),
  );
}

const EXPORT_LIMIT = 100_000;

export function createAuditService({ db }: Pick<ServiceContext, 'db'>) {
  function check(actor: Actor) {
    if (!canAdministerAccounts(actor)) throw forbidden(bare('', 'audit_log_forbidden'));
  }
  return {
    /** Records outside any other transaction (e.g. a sign-in). */
    record: (entry: AuditEntry) => recordAudit(db, entry),

    async list(actor: Actor, filter: AuditFilter, limit = 200): Promise<AuditRow[]> {
      check(actor);
      return findAudit(db, filter, limit);
    },

    /** CSV with a BOM so spreadsheet programs read the Thai correctly. */
    async exportCsv(actor: Actor, filter: AuditFilter): Promise<string> {
      check(actor);
      const rows = await findAudit(db, filter, EXPORT_LIMIT);
      const header = [
        'id',
        'at',
        'actor_user_id',
        'actor_email',
        'actor_roles',
        'action',
        'record_type',
        'record_id',
        'before',
        'after',
        'request_id',
      ];
      const body = rows.map((r) => [
        r.id,
        r.at.toISOString(),
        r.actorUserId ?? '',
        r.actorEmail,
        r.actorRoles,
        r.action,
        r.recordType,
        r.recordId,
        r.before === null || r.before === undefined ? '' : JSON.stringify(r.before),
        r.after === null || r.after === undefined ? '' : JSON.stringify(r.after),
        r.requestId ?? '',
      ]);
      return csvText([header, ...body]);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
