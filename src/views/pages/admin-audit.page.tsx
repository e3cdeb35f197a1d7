// The audit log for administrators: filter by person, record and date range; export to CSV. One
// entry is three short lines (what, when and who, a toggle for the raw change), the latest 50 first.
import { isAuditAction, type AuditLogEntry } from '../../domain/audit-action.ts';
import { formatDateTime, formatInteger } from '../../i18n/format.ts';
import { ErrorSummary, TextField, errorFor, type FieldError } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** One audit entry as the audit page shows it: the domain's entry. */
export type AuditEntryModel = AuditLogEntry;

export interface AuditQuery {
  person: string;
  recordType: string;
  recordId: string;
  from: string;
  to: string;
}

/** How many entries the page shows: the latest 50 unless more are asked for (`?show=`). */
export const AUDIT_PAGE_SIZES = [50, 200, 1000] as const;

export function auditPageSize(raw: string | undefined): number {
  const n = Number(raw);
  return AUDIT_PAGE_SIZES.find((s) => s === n) ?? AUDIT_PAGE_SIZES[0];
}

function json(v: unknown): string {
  return v === null || v === undefined ? '–' : JSON.stringify(v, null, 2);
}

export function AdminAuditPage({
  ctx,
  rows,
  query,
  errors,
  limit,
}: {
  ctx: PageContext;
  rows: AuditEntryModel[];
  query: AuditQuery;
  errors: FieldError[];
  /** How many entries were asked for (one of AUDIT_PAGE_SIZES). */
  limit: number;
}) {
  const t = ctx.t.admin.audit;
  // A full page may hide older entries: offer the next size up (the CSV has them all).
  const more = rows.length >= limit ? AUDIT_PAGE_SIZES.find((n) => n > limit) : undefined;
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return (
    <Layout ctx={ctx} title={t.title} hasError={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <form method="get" action="/admin/audit" class="filters">
        <TextField ctx={ctx} id="person" label={t.person} value={query.person} />
        <TextField ctx={ctx} id="recordType" label={t.recordType} value={query.recordType} />
        <TextField ctx={ctx} id="recordId" label={t.recordId} value={query.recordId} />
        <TextField
          ctx={ctx}
          id="from"
          label={t.from}
          hint={t.dateHint}
          value={query.from}
          error={errorFor(errors, 'from')}
        />
        <TextField
          ctx={ctx}
          id="to"
          label={t.to}
          hint={t.dateHint}
          value={query.to}
          error={errorFor(errors, 'to')}
        />
        <button type="submit" class="button">
          {t.filter}
        </button>
      </form>
      <p>
        <a href={`/admin/audit.csv${qs ? `?${qs}` : ''}`} download>
          {t.exportCsv}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p class="muted">
            {t.shown(formatInteger(rows.length, ctx.lang))}
            {more ? (
              <>
                {' · '}
                <a href={`/admin/audit?${qs ? `${qs}&` : ''}show=${more}`}>
                  {t.showMore(formatInteger(more, ctx.lang))}
                </a>
              </>
            ) : null}
          </p>
          {/* A list rather than a table: six columns do not fit a 360 px phone. */}
          <ol class="card-list audit-list">
            {rows.map((r) => (
              <li>
                <p class="audit-list__head">
                  <strong>{isAuditAction(r.action) ? t.actions[r.action] : r.action}</strong>
                  {' · '}
                  {t.records[r.recordType] ?? r.recordType} <code>{r.recordId}</code>{' '}
                  <code class="muted audit-list__key">{r.action}</code>
                </p>
                <p class="audit-list__meta">
                  {formatDateTime(r.at, ctx.lang)} · {r.actorEmail}
                  {r.actorRoles ? <span class="muted"> ({r.actorRoles})</span> : null}
                </p>
                {/* Raw JSON and the request id only on request: the list stays short and readable. */}
                <details class="audit-change">
                  <summary>{t.details}</summary>
                  <p>{t.before}</p>
                  <pre>{json(r.before)}</pre>
                  <p>{t.after}</p>
                  <pre>{json(r.after)}</pre>
                  <p>
                    {t.colRequest}: <code>{r.requestId ?? '–'}</code>
                  </p>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}
