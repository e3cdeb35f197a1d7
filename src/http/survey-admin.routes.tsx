// Administration of the surveys: the NACC's calendar, an agency's links, QR codes, posters,
// headcounts and access codes, and the below-target list for provinces and the NACC.
import { Hono, type Context } from 'hono';
import { messagesFor } from '../i18n/messages.ts';
import { PROGRESS_SORTS, type ProgressSort } from '../services/sample-target.service.ts';
import { surveyPath } from '../services/survey-link.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import { SurveyLinksPage, type AnomalyView } from '../views/pages/survey-links.page.tsx';
import { SurveyPosterPage } from '../views/pages/survey-poster.page.tsx';
import { SurveyTargetsPage } from '../views/pages/survey-targets.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';
import { askedYear, problemsToErrors } from './survey-admin-shared.ts';
import type { Services } from '../services/container.ts';
import { surveyCalendarRoutes } from './survey-calendar.routes.tsx';

export const surveyAdminRoutes = new Hono<AppEnv>();

surveyAdminRoutes.route('/', surveyCalendarRoutes);

const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;

// ---- One agency's survey links, targets and codes (its administrators) ----

type LinksPageModel = Awaited<ReturnType<Services['surveyAdmin']['linksPage']>>;

/** Renders an agency's links page from the one model the service gives. */
function renderLinksPage(
  c: Context<AppEnv>,
  page: LinksPageModel,
  opts: {
    values?: Record<string, string>;
    errors?: FieldError[];
    status?: 200 | 422;
    issued?: string[];
  } = {},
) {
  const { year, agency, link, accessCodes, progress, anomalies } = page;
  const t = c.get('t').surveys;
  const notice =
    c.req.query('done') === 'rotated'
      ? t.links.rotated
      : c.req.query('done') === 'saved'
        ? t.targets.saved
        : undefined;
  return c.html(
    <SurveyLinksPage
      ctx={pageContext(c)}
      year={year}
      agency={agency}
      links={{
        IIT: origin(c) + surveyPath('IIT', link.code),
        EIT: origin(c) + surveyPath('EIT', link.code),
      }}
      singleUseIit={link.singleUseIit}
      accessCodes={accessCodes}
      issuedCodes={opts.issued ?? []}
      progress={[
        { tool: 'IIT', t: progress.IIT },
        { tool: 'EIT', t: progress.EIT },
      ]}
      anomalies={anomalies as AnomalyView[]}
      values={
        opts.values ?? {
          iit_population: progress.IIT.population === null ? '' : String(progress.IIT.population),
          eit_population: progress.EIT.population === null ? '' : String(progress.EIT.population),
        }
      }
      errors={opts.errors ?? []}
      notice={notice}
    />,
    opts.status ?? 200,
  );
}

const agencyCode = (c: Context<AppEnv>) => c.req.param('code') ?? '';

surveyAdminRoutes.get('/agencies/:code/survey', async (c) => {
  const actor = requireUser(c);
  const page = await c.get('services').surveyAdmin.linksPage(actor, askedYear(c), agencyCode(c));
  return renderLinksPage(c, page);
});

surveyAdminRoutes.post('/agencies/:code/survey/rotate', async (c) => {
  const actor = requireUser(c);
  const year = await c.get('services').surveyAdmin.rotate(actor, askedYear(c), agencyCode(c));
  return c.redirect(
    `/agencies/${encodeURIComponent(agencyCode(c))}/survey?year=${year}&done=rotated`,
    303,
  );
});

surveyAdminRoutes.post('/agencies/:code/survey/targets', async (c) => {
  const actor = requireUser(c);
  const form = await c.req.parseBody();
  const values = {
    iit_population: typeof form.iit_population === 'string' ? form.iit_population : '',
    eit_population: typeof form.eit_population === 'string' ? form.eit_population : '',
  };
  const r = await c.get('services').surveyAdmin.setTargets(actor, askedYear(c), agencyCode(c), {
    iit: values.iit_population,
    eit: values.eit_population,
  });
  if (!r.ok)
    return renderLinksPage(c, r.page, {
      values,
      errors: problemsToErrors(c, r.error),
      status: 422,
    });
  return c.redirect(
    `/agencies/${encodeURIComponent(agencyCode(c))}/survey?year=${r.year}&done=saved`,
    303,
  );
});

surveyAdminRoutes.post('/agencies/:code/survey/access-codes', async (c) => {
  const actor = requireUser(c);
  const s = c.get('services').surveyAdmin;
  const form = await c.req.parseBody();
  const raw = typeof form.count === 'string' ? form.count.trim() : '0';
  const count = Number(raw || '0');
  if (!Number.isInteger(count) || count < 0 || count > 5000)
    return renderLinksPage(c, await s.linksPage(actor, askedYear(c), agencyCode(c)), {
      errors: [
        {
          field: 'count',
          message: c.get('t').surveys.links.codesCountInvalid,
        },
      ],
      status: 422,
    });
  // Codes are shown once, in this response (no redirect): only their hashes are stored.
  const { issued, page } = await s.issueAccessCodes(
    actor,
    askedYear(c),
    agencyCode(c),
    form.single_use === 'on',
    count,
  );
  c.header('Cache-Control', 'no-store');
  return renderLinksPage(c, page, { issued });
});

surveyAdminRoutes.get('/agencies/:code/survey/qr/:file', async (c) => {
  const actor = requireUser(c);
  const qr = await c
    .get('services')
    .surveyLinks.qrFile(actor, askedYear(c), c.req.param('code'), c.req.param('file'), origin(c));
  if (!qr) return c.notFound();
  c.header('Content-Disposition', `inline; filename="${qr.name}"`);
  c.header('Content-Type', qr.type);
  return typeof qr.body === 'string' ? c.body(qr.body) : c.body(qr.body);
});

surveyAdminRoutes.get('/agencies/:code/survey/poster/:tool', async (c) => {
  const actor = requireUser(c);
  const p = await c
    .get('services')
    .surveyLinks.poster(actor, askedYear(c), c.req.param('code'), c.req.param('tool'), origin(c));
  if (!p) return c.notFound();
  // The poster is always in Thai: it hangs on a Thai office wall.
  const ctx = { ...pageContext(c), lang: 'th' as const, t: messagesFor('th') };
  return c.html(
    <SurveyPosterPage
      ctx={ctx}
      agencyName={p.agency.nameTh}
      tool={p.tool}
      url={p.url}
      qrSvg={p.qrSvg}
      window={p.window}
      backHref={`/agencies/${encodeURIComponent(p.agency.code)}/survey?year=${p.year}`}
    />,
  );
});

// ---- Below target: provinces and the NACC ----

/** The below-target list's query: a province (the NACC's choice) and a known sort. */
function targetsQuery(c: Context<AppEnv>): { province: string; sort: ProgressSort } {
  const sortRaw = c.req.query('sort') ?? 'name';
  const sort = (PROGRESS_SORTS as readonly string[]).includes(sortRaw)
    ? (sortRaw as ProgressSort)
    : 'name';
  return { province: c.req.query('province') ?? '', sort };
}

surveyAdminRoutes.get('/survey-targets', async (c) => {
  const actor = requireUser(c, 'nacc_admin', 'province_officer');
  const d = await c.get('services').surveyAdmin.belowTarget(actor, askedYear(c), targetsQuery(c));
  return c.html(
    <SurveyTargetsPage
      ctx={pageContext(c)}
      year={d.year}
      province={d.province}
      provinces={d.provinces}
      sort={d.sort}
      rows={d.rows}
      anomalies={d.anomalies as (AnomalyView & { agencyCode: string })[]}
    />,
  );
});

surveyAdminRoutes.get('/survey-targets.csv', async (c) => {
  const actor = requireUser(c, 'nacc_admin', 'province_officer');
  const { year, csv } = await c
    .get('services')
    .surveyAdmin.belowTargetCsv(actor, askedYear(c), targetsQuery(c));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="itas-below-target-${year}.csv"`);
  return c.body(csv);
});
