// The NACC's survey calendar: when each phase is open, for every agency or (extended) for one.
import { Hono, type Context } from 'hono';
import { parseTypedDay } from '../domain/calendar.ts';
import type { FieldError } from '../views/components/form.tsx';
import { CalendarAdminPage } from '../views/pages/calendar-admin.page.tsx';
import type { AppEnv } from './context.ts';
import { pageContext } from './page-context.ts';
import { requireUser } from './session.ts';
import { problemsToErrors, yearOf } from './survey-admin-shared.ts';

export const surveyCalendarRoutes = new Hono<AppEnv>();

async function calendarPage(
  c: Context<AppEnv>,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const year = await yearOf(c);
  const { calendar, years } = await c.get('services').calendar.overview(year);
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
  const actor = requireUser(c, 'nacc_admin');
  void actor;
  return calendarPage(c, {}, [], 200);
});

surveyCalendarRoutes.post('/admin/calendar', async (c) => {
  const actor = requireUser(c, 'nacc_admin');
  const year = await yearOf(c);
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
  if (errors.length) return calendarPage(c, values, errors, 422);
  const r = await c.get('services').calendar.setPhase(actor, {
    fiscalYear: year,
    phase: values.phase,
    opensOn: from!,
    closesOn: to!,
    agencyCode: values.agency,
    reason: values.reason,
  });
  if (!r.ok) return calendarPage(c, values, problemsToErrors(c, r.error), 422);
  return c.redirect(`/admin/calendar?year=${year}&saved=1`, 303);
});
