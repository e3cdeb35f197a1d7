// The NACC's survey calendar: when each phase is open, for every agency or (extended) for one.
import { Hono, type Context } from 'hono';
import { parseTypedDay } from '../domain/calendar.ts';
import type { FieldError } from '../views/components/form.tsx';
import { CalendarAdminPage } from '../views/pages/calendar-admin.page.tsx';
import type { AppEnv } from './context.ts';
import { pageContext } from './page-context.ts';
import { requireUser } from './session.ts';
import { askedYear, problemsToErrors } from './survey-admin-shared.ts';
import type { Services } from '../services/container.ts';

export const surveyCalendarRoutes = new Hono<AppEnv>();

type CalendarPageModel = Awaited<ReturnType<Services['surveyAdmin']['calendarPage']>>;

function renderCalendarPage(
  c: Context<AppEnv>,
  { year, years, calendar }: CalendarPageModel,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  return c.html(
    <CalendarAdminPage
      ctx={pageContext(c)}
      year={year}
      years={years}
      calendar={calendar}
      values={values}
      errors={errors}
      saved={c.req.query('saved') === '1'}
    />,
    status,
  );
}

surveyCalendarRoutes.get('/admin/calendar', async (c) => {
  requireUser(c, 'nacc_admin');
  const page = await c.get('services').surveyAdmin.calendarPage(askedYear(c));
  return renderCalendarPage(c, page, {}, [], 200);
});

surveyCalendarRoutes.post('/admin/calendar', async (c) => {
  const actor = requireUser(c, 'nacc_admin');
  const s = c.get('services').surveyAdmin;
  const form = await c.req.parseBody();
  const v = (k: string) => (typeof form[k] === 'string' ? form[k] : '');
  const values = {
    phase: v('phase'),
    from: v('from'),
    to: v('to'),
    agency: v('agency'),
    reason: v('reason'),
  };
  const from = parseTypedDay(values.from);
  const to = parseTypedDay(values.to);
  const errors: FieldError[] = [];
  const t = c.get('t').surveys.calendar;
  if (!from) errors.push({ field: 'from', message: t.fromInvalid });
  if (!to) errors.push({ field: 'to', message: t.toInvalid });
  if (errors.length)
    return renderCalendarPage(c, await s.calendarPage(askedYear(c)), values, errors, 422);
  const r = await s.setPhase(actor, askedYear(c), {
    phase: values.phase,
    opensOn: from!,
    closesOn: to!,
    agencyCode: values.agency,
    reason: values.reason,
  });
  if (!r.ok) return renderCalendarPage(c, r.page, values, problemsToErrors(c, r.error), 422);
  return c.redirect(`/admin/calendar?year=${r.year}&saved=1`, 303);
});
