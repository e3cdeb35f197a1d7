// The province workspace's progress board, reminders and plan to pass: /province/{province}/{year}/…
// (parse → one service call → render).
import { Hono } from 'hono';
import type { FieldError } from '../views/components/form.tsx';
import { base } from '../views/pages/province-workspace.tsx';
import { BoardPage } from '../views/pages/province-progress.page.tsx';
import { PlanPage } from '../views/pages/province-plan.page.tsx';
import { RemindersPage, type ReminderPreview } from '../views/pages/province-reminders.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';
import { type C, P, workspace, view, form, list, fieldErrors } from './province-request.ts';
import type { Services } from '../services/container.ts';

export const provinceProgressRoutes = new Hono<AppEnv>();

// Progress board -------------------------------------------------------------------------
provinceProgressRoutes.get(`${P}/progress`, async (c) => {
  const w = view(c);
  const rows = await c.get('services').provinceProgress.board(requireUser(c), w);
  const laggardsOnly = c.req.query('lagging') === '1';
  const shown = laggardsOnly ? rows.filter((r) => r.reasons.length) : rows;
  return c.html(
    <BoardPage
      ctx={pageContext(c)}
      w={w}
      rows={shown}
      total={rows.length}
      laggardsOnly={laggardsOnly}
    />,
  );
});
provinceProgressRoutes.get(`${P}/progress.csv`, async (c) => {
  const csv = await c.get('services').provinceProgress.boardCsv(requireUser(c), workspace(c));
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="progress-${workspace(c).fiscalYear}.csv"`,
  });
});

// Reminders ------------------------------------------------------------------------------
type RemindersModel = Awaited<ReturnType<Services['provinceReminders']['page']>>;

function remindersPage(
  c: C,
  { rows, templates, history }: RemindersModel,
  input: { codes: string[] | null; template: string; subject?: string; body?: string },
  preview: ReminderPreview | null,
  errors: FieldError[],
  status: 200 | 422,
  done?: string,
) {
  const w = view(c);
  const tpl = templates.find((t) => t.key === input.template) ?? templates[0]!;
  const chosen = input.codes ?? rows.filter((r) => r.reasons.length).map((r) => r.agency.code);
  return c.html(
    <RemindersPage
      ctx={pageContext(c)}
      w={w}
      rows={rows}
      chosen={chosen}
      templates={templates}
      templateKey={tpl.key}
      subject={input.subject ?? tpl.subject}
      body={input.body ?? tpl.body}
      preview={preview}
      history={history}
      errors={errors}
      notice={done}
    />,
    status,
  );
}
provinceProgressRoutes.get(`${P}/reminders`, async (c) => {
  const codes = c.req.queries('codes') ?? null;
  const sent = Number(c.req.query('sent'));
  const page = await c.get('services').provinceReminders.page(requireUser(c), view(c));
  return remindersPage(
    c,
    page,
    { codes, template: c.req.query('template') ?? '' },
    null,
    [],
    200,
    Number.isFinite(sent) && c.req.query('sent')
      ? c.get('t').province.reminders.sent(sent)
      : undefined,
  );
});
provinceProgressRoutes.post(`${P}/reminders/preview`, async (c) => {
  const values = await form(c);
  const input = {
    codes: await list(c, 'codes'),
    subject: values.subject ?? '',
    body: values.body ?? '',
  };
  const state = { ...input, template: values.template ?? '' };
  // Each action's one call gives the page back with its outcome (no second read).
  const s = c.get('services').provinceReminders;
  if (values.action === 'save-template') {
    const r = await s.saveReminderTemplate(requireUser(c), workspace(c), {
      key: state.template,
      subject: input.subject,
      body: input.body,
    });
    if (!r.ok) return remindersPage(c, r.page, state, null, fieldErrors(c, r.error), 422);
    return remindersPage(c, r.page, state, null, [], 200, c.get('t').province.saved);
  }
  if (values.action === 'send') {
    const r = await s.sendReminder(requireUser(c), workspace(c), input);
    if (!r.ok) return remindersPage(c, r.page, state, null, fieldErrors(c, r.error), 422);
    return c.redirect(`${base(workspace(c))}/reminders?sent=${r.value.sent}`, 303);
  }
  const p = await s.previewPage(requireUser(c), workspace(c), input);
  if (!p.ok) return remindersPage(c, p.page, state, null, fieldErrors(c, p.error), 422);
  return remindersPage(c, p.page, state, p.value, [], 200);
});

// Plan to pass ---------------------------------------------------------------------------
provinceProgressRoutes.get(`${P}/plan`, async (c) => {
  const w = view(c);
  const ticked = (c.req.queries('tick') ?? []).slice(0, 500);
  const plan = await c
    .get('services')
    .provinceProgress.plan(requireUser(c), w, c.req.query('agency') ?? '', ticked);
  const agencyCode = plan.agencyCode;
  return c.html(
    <PlanPage
      ctx={pageContext(c)}
      w={w}
      lastYear={plan.lastYear}
      framework={plan.framework}
      candidates={plan.candidates}
      agencyCode={agencyCode}
      plans={plan.plans}
      provinceActions={plan.provinceActions}
      province={plan.province}
      ticked={ticked}
    />,
  );
});
