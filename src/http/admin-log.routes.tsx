// Administration of what happened: the audit log (filter, CSV export) and the mail outbox.
import { Hono, type Context } from 'hono';
import { parseTypedDay } from '../domain/calendar.ts';
import type { AuditFilter } from '../services/audit.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import {
  AdminAuditPage,
  auditPageSize,
  type AuditQuery,
} from '../views/pages/admin-audit.page.tsx';
import { AdminOutboxMessagePage, AdminOutboxPage } from '../views/pages/admin-outbox.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const adminLogRoutes = new Hono<AppEnv>();

const admin = (c: Context<AppEnv>) => requireUser(c, 'nacc_admin');

/** Dates are calendar days in Thailand: "to" includes the whole of its day. */
function readQuery(c: Context<AppEnv>): {
  query: AuditQuery;
  filter: AuditFilter;
  errors: FieldError[];
} {
  const q = (k: string) => (c.req.query(k) ?? '').trim().slice(0, 200);
  const query: AuditQuery = {
    person: q('person'),
    recordType: q('recordType'),
    recordId: q('recordId'),
    from: q('from'),
    to: q('to'),
  };
  const errors: FieldError[] = [];
  const day = (field: 'from' | 'to', end: boolean): Date | undefined => {
    const v = query[field];
    if (!v) return undefined;
    const iso = parseTypedDay(v);
    const d = iso ? new Date(`${iso}T${end ? '23:59:59.999' : '00:00:00'}+07:00`) : null;
    if (!d) {
      errors.push({ field, message: c.get('t').admin.audit.badDate });
      return undefined;
    }
    return d;
  };
  const from = day('from', false);
  const to = day('to', true);
  const filter: AuditFilter = {
    ...(query.person ? { person: query.person } : {}),
    ...(query.recordType ? { recordType: query.recordType } : {}),
    ...(query.recordId ? { recordId: query.recordId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  return { query, filter, errors };
}

adminLogRoutes.get('/admin/audit', async (c) => {
  const actor = admin(c);
  const { query, filter, errors } = readQuery(c);
  const limit = auditPageSize(c.req.query('show'));
  const rows = errors.length ? [] : await c.get('services').audit.list(actor, filter, limit);
  return c.html(
    <AdminAuditPage ctx={pageContext(c)} rows={rows} query={query} errors={errors} limit={limit} />,
    errors.length ? 422 : 200,
  );
});

adminLogRoutes.get('/admin/audit.csv', async (c) => {
  const actor = admin(c);
  const { filter, errors } = readQuery(c);
  if (errors.length) return c.text(errors.map((e) => e.message).join('\n'), 422);
  const csv = await c.get('services').audit.exportCsv(actor, filter);
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="audit-log.csv"',
  });
});

adminLogRoutes.get('/admin/outbox', async (c) => {
  const mail = c.get('services').mail;
  const messages = await mail.list(admin(c));
  return c.html(
    <AdminOutboxPage ctx={pageContext(c)} messages={messages} smtp={mail.smtpConfigured} />,
  );
});

adminLogRoutes.get('/admin/outbox/:id{[0-9]+}', async (c) => {
  const message = await c.get('services').mail.get(admin(c), Number(c.req.param('id')));
  if (!message) return c.notFound();
  return c.html(<AdminOutboxMessagePage ctx={pageContext(c)} message={message} />);
});
