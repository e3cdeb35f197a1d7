// The NACC's assessment years on a page: create a year on a framework (issue 16.1), and move a
// year to another framework version after seeing what changes and what is recomputed (15.3).
import { Hono, type Context } from 'hono';
import type { ServiceError } from '../services/errors.ts';
import type { MovePlan, YearsPage } from '../services/year-framework.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import {
  YearMovePage,
  YearMoveRefusedPage,
  YearsAdminPage,
} from '../views/pages/years-admin.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const yearAdminRoutes = new Hono<AppEnv>();

const nacc = (c: Context<AppEnv>) => requireUser(c, 'nacc_admin');
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const message = (c: Context<AppEnv>, e: ServiceError) => (c.get('lang') === 'en' ? e.en : e.th);

function yearsPage(
  c: Context<AppEnv>,
  view: YearsPage,
  form: { year: string; framework: string },
  errors: FieldError[],
  status: 200 | 409 | 422,
) {
  const t = c.get('t').frameworks;
  const created = c.req.query('created');
  const moved = c.req.query('moved');
  const fw = c.req.query('framework') ?? '';
  const notice = created
    ? t.years.created(created, fw)
    : moved
      ? t.move.done(moved, fw, c.req.query('agencies') ?? '0')
      : undefined;
  return c.html(
    <YearsAdminPage
      ctx={pageContext(c)}
      years={view.years}
      frameworks={view.frameworks}
      form={form}
      errors={errors}
      notice={notice}
    />,
    status,
  );
}

yearAdminRoutes.get('/admin/years', async (c) => {
  const view = await c.get('services').yearFrameworks.overview(nacc(c));
  return yearsPage(c, view, { year: '', framework: '' }, [], 200);
});

yearAdminRoutes.post('/admin/years', async (c) => {
  const actor = nacc(c);
  const body = await c.req.parseBody();
  const form = { year: str(body.year), framework: str(body.framework) };
  const t = c.get('t').frameworks.years;
  const errors: FieldError[] = [];
  if (!/^\d{4}$/.test(form.year)) errors.push({ field: 'year', message: t.badYear });
  if (!form.framework) errors.push({ field: 'framework', message: t.badFramework });
  const s = c.get('services').yearFrameworks;
  if (errors.length) return yearsPage(c, await s.overview(actor), form, errors, 422);
  const r = await s.createYear(actor, Number(form.year), form.framework);
  if (!r.ok) {
    const e = r.error;
    return yearsPage(
      c,
      r.page,
      form,
      [{ field: e.field === 'framework' ? 'framework' : 'year', message: message(c, e) }],
      e.status as 409 | 422,
    );
  }
  const q = new URLSearchParams({ created: form.year, framework: form.framework });
  return c.redirect(`/admin/years?${q.toString()}`, 303);
});

const yearOf = (c: Context<AppEnv>) => {
  const y = c.req.param('year') ?? '';
  return /^\d{4}$/.test(y) ? Number(y) : undefined;
};

/** The plan: 200 when the move is allowed, 409 with every reason when it is not. */
function movePage(c: Context<AppEnv>, plan: MovePlan) {
  return c.html(
    <YearMovePage ctx={pageContext(c)} plan={plan} />,
    plan.problems.length ? 409 : 200,
  );
}

yearAdminRoutes.get('/admin/years/:year/framework', async (c) => {
  nacc(c);
  const year = yearOf(c);
  const to = c.req.query('framework') ?? '';
  if (year === undefined) return c.notFound();
  if (!to) return c.redirect('/admin/years', 303);
  const r = await c.get('services').yearFrameworks.planOrPage(nacc(c), year, to);
  // No plan at all (already on that framework, or published): which of the two, why, and where
  // the year is, on the move's own page rather than the bare refusal page.
  if (!r.ok)
    return c.html(
      <YearMoveRefusedPage
        ctx={pageContext(c)}
        page={{ ...r.page, refusal: r.error.problem }}
        asked="plan"
      />,
      r.error.status,
    );
  return movePage(c, r.value);
});

yearAdminRoutes.post('/admin/years/:year/framework', async (c) => {
  const actor = nacc(c);
  const year = yearOf(c);
  if (year === undefined) return c.notFound();
  const to = str((await c.req.parseBody()).framework);
  const r = await c.get('services').yearFrameworks.moveOrPlan(actor, year, to);
  // Refused under the lock (data arrived, or the year was moved meanwhile): nothing moved, so
  // the refusal's 409 with why and where the year is now, even when a move from there would pass.
  if (!r.ok)
    return c.html(
      <YearMoveRefusedPage ctx={pageContext(c)} page={{ ...r.page, refusal: r.error.problem }} />,
      r.error.status,
    );
  const q = new URLSearchParams({
    moved: String(year),
    framework: r.value.to,
    agencies: String(r.value.agencies),
  });
  return c.redirect(`/admin/years?${q.toString()}`, 303);
});
