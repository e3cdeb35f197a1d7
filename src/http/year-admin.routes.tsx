// The NACC's assessment years on a page: create a year on a framework (issue 16.1), and move a
// year to another framework version after seeing what changes and what is recomputed (15.3).
import { Hono, type Context } from 'hono';
import { ServiceError } from '../services/errors.ts';
import type { FieldError } from '../views/components/form.tsx';
import { YearMovePage, YearsAdminPage } from '../views/pages/years-admin.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const yearAdminRoutes = new Hono<AppEnv>();

const nacc = (c: Context<AppEnv>) => requireUser(c, 'nacc_admin');
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const message = (c: Context<AppEnv>, e: ServiceError) => (c.get('lang') === 'en' ? e.en : e.th);

async function yearsPage(
  c: Context<AppEnv>,
  form: { year: string; framework: string },
  errors: FieldError[],
  status: 200 | 409 | 422,
) {
  const view = await c.get('services').yearFrameworks.overview(nacc(c));
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

yearAdminRoutes.get('/admin/years', (c) => yearsPage(c, { year: '', framework: '' }, [], 200));

yearAdminRoutes.post('/admin/years', async (c) => {
  const actor = nacc(c);
  const body = await c.req.parseBody();
  const form = { year: str(body.year), framework: str(body.framework) };
  const t = c.get('t').frameworks.years;
  const errors: FieldError[] = [];
  if (!/^\d{4}$/.test(form.year)) errors.push({ field: 'year', message: t.badYear });
  if (!form.framework) errors.push({ field: 'framework', message: t.badFramework });
  if (errors.length) return yearsPage(c, form, errors, 422);
  try {
    await c.get('services').years.create(actor, Number(form.year), form.framework);
  } catch (e) {
    if (e instanceof ServiceError && (e.status === 409 || e.status === 422))
      return yearsPage(
        c,
        form,
        [{ field: /framework/i.test(e.en) ? 'framework' : 'year', message: message(c, e) }],
        e.status,
      );
    throw e;
  }
  const q = new URLSearchParams({ created: form.year, framework: form.framework });
  return c.redirect(`/admin/years?${q.toString()}`, 303);
});

const yearOf = (c: Context<AppEnv>) => {
  const y = c.req.param('year') ?? '';
  return /^\d{4}$/.test(y) ? Number(y) : undefined;
};

/** The plan: 200 when the move is allowed, 409 with every reason when it is not. */
async function movePage(c: Context<AppEnv>, year: number, frameworkId: string) {
  const plan = await c.get('services').yearFrameworks.plan(nacc(c), year, frameworkId);
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
  return movePage(c, year, to);
});

yearAdminRoutes.post('/admin/years/:year/framework', async (c) => {
  const actor = nacc(c);
  const year = yearOf(c);
  if (year === undefined) return c.notFound();
  const to = str((await c.req.parseBody()).framework);
  try {
    const r = await c.get('services').yearFrameworks.move(actor, year, to);
    const q = new URLSearchParams({
      moved: String(year),
      framework: r.to,
      agencies: String(r.agencies),
    });
    return c.redirect(`/admin/years?${q.toString()}`, 303);
  } catch (e) {
    // Refused under the lock (data arrived since the plan was shown): the plan again, with why.
    if (e instanceof ServiceError && e.status === 409 && to) return movePage(c, year, to);
    throw e;
  }
});
