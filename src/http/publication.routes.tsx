// Publishing a year (NACC): the years, one year's checklist and preview, publish (announcement and
// confirmation; refused with 409 and the checklist while not ready), withdraw, and OIT exceptions.
import { Hono, type Context } from 'hono';
import { NotReadyError, type PublicationView } from '../services/publication.service.ts';
import { Refusal, type ServiceError } from '../services/errors.ts';
import type { FieldError } from '../views/components/form.tsx';
import {
  AdminPublicationPage,
  AdminPublicationYearPage,
  type PublishForm,
} from '../views/pages/admin-publication.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const publicationRoutes = new Hono<AppEnv>();

const Y = '/admin/publication/:year{[0-9]{4}}';
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const admin = (c: Context<AppEnv>) => requireUser(c, 'nacc_admin');
const yearOf = (c: Context<AppEnv>) => Number(c.req.param('year'));
const message = (c: Context<AppEnv>, e: ServiceError) => (c.get('lang') === 'en' ? e.en : e.th);

publicationRoutes.get('/admin/publication', async (c) => {
  const actor = admin(c);
  const years = await c.get('services').results.visibleYears(actor);
  const y = c.req.query('unpublished');
  const notice = y ? c.get('t').publication.unpublished(y) : undefined;
  return c.html(<AdminPublicationPage ctx={pageContext(c)} years={years} notice={notice} />);
});

/** One year's page as its one service call gave it (a refused form's comes with it). */
function yearPage(
  c: Context<AppEnv>,
  view: PublicationView,
  status: 200 | 404 | 409 | 422,
  extra: {
    errors?: FieldError[];
    form?: PublishForm;
    exceptionForm?: { agency: string; reason: string };
  } = {},
) {
  const t = c.get('t').publication;
  const q = (k: string) => c.req.query(k);
  const notice = q('published')
    ? t.published(String(view.year.fiscalYear))
    : q('added')
      ? t.exceptions.added(q('added')!)
      : q('removed')
        ? t.exceptions.removed(q('removed')!)
        : undefined;
  return c.html(
    <AdminPublicationYearPage
      ctx={pageContext(c)}
      view={view}
      errors={extra.errors ?? []}
      form={extra.form}
      exceptionForm={extra.exceptionForm}
      notice={notice}
    />,
    status,
  );
}

publicationRoutes.get(Y, async (c) =>
  yearPage(c, await c.get('services').publication.view(admin(c), yearOf(c)), 200),
);

publicationRoutes.post(`${Y}/publish`, async (c) => {
  const actor = admin(c);
  const body = await c.req.parseBody();
  const form: PublishForm = {
    th: str(body.announcement_th),
    en: str(body.announcement_en),
    confirmed: str(body.confirm) === 'yes',
  };
  const r = await c.get('services').publication.publishOrPage(actor, yearOf(c), {
    announcementTh: form.th,
    announcementEn: form.en,
    confirmed: form.confirmed,
  });
  if (!r.ok) {
    const e = r.error;
    // Not ready: the page again with 409, the checklist showing every reason.
    if (e instanceof NotReadyError)
      return yearPage(c, r.page, 409, {
        form,
        errors: [
          { field: 'checklist', message: c.get('t').publication.refused(c.req.param('year')) },
        ],
      });
    // Beside the input it is about, known by its code; anything else beside the checklist.
    const code = e instanceof Refusal ? e.problem.code : undefined;
    const field =
      code === 'publication_confirm_required'
        ? 'confirm'
        : code === 'publication_announcement_required'
          ? 'announcement-th'
          : 'checklist';
    return yearPage(c, r.page, e.status as 409 | 422, {
      form,
      errors: [{ field, message: message(c, e) }],
    });
  }
  return c.redirect(`/admin/publication/${yearOf(c)}?published=1`, 303);
});

publicationRoutes.post(`${Y}/unpublish`, async (c) => {
  await c.get('services').publication.unpublish(admin(c), yearOf(c));
  return c.redirect(`/admin/publication?unpublished=${yearOf(c)}`, 303);
});

publicationRoutes.post(`${Y}/exceptions`, async (c) => {
  const actor = admin(c);
  const body = await c.req.parseBody();
  const form = { agency: str(body.agency), reason: str(body.reason) };
  const r = await c
    .get('services')
    .publication.addExceptionOrPage(actor, yearOf(c), form.agency, form.reason);
  if (!r.ok) {
    const e = r.error;
    const field = e.field === 'reason' ? 'exception-reason' : 'exception-agency';
    return yearPage(c, r.page, e.status as 409 | 422, {
      exceptionForm: form,
      errors: [{ field, message: message(c, e) }],
    });
  }
  return c.redirect(
    `/admin/publication/${yearOf(c)}?added=${encodeURIComponent(form.agency)}#exceptions`,
    303,
  );
});

publicationRoutes.post(`${Y}/exceptions/remove`, async (c) => {
  const actor = admin(c);
  const body = await c.req.parseBody();
  const agency = str(body.agency);
  await c.get('services').publication.removeException(actor, yearOf(c), agency);
  return c.redirect(
    `/admin/publication/${yearOf(c)}?removed=${encodeURIComponent(agency)}#exceptions`,
    303,
  );
});
