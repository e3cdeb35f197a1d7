// Administration of the surveys: the NACC's calendar, an agency's links, QR codes, posters,
// headcounts and access codes, and the below-target list for provinces and the NACC.
import { Hono, type Context } from 'hono';
import { isNacc } from '../domain/access.ts';
import { messagesFor } from '../i18n/format.ts';
import { PROGRESS_SORTS, type ProgressSort } from '../services/sample-target.service.ts';
import { surveyPath } from '../services/survey-link.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import { SurveyLinksPage, type AnomalyView } from '../views/pages/survey-links.page.tsx';
import { SurveyPosterPage } from '../views/pages/survey-poster.page.tsx';
import { SurveyTargetsPage } from '../views/pages/survey-targets.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';
import { problemsToErrors, yearOf } from './survey-admin-shared.ts';
import { surveyCalendarRoutes } from './survey-calendar.routes.tsx';

export const surveyAdminRoutes = new Hono<AppEnv>();

surveyAdminRoutes.route('/', surveyCalendarRoutes);

const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;

// ---- One agency's survey links, targets and codes (its administrators) ----

async function linksPage(
  c: Context<AppEnv>,
  opts: {
    values?: Record<string, string>;
    errors?: FieldError[];
    status?: 200 | 422;
    issued?: string[];
  } = {},
) {
  const actor = requireUser(c);
  await c.get('services').surveyLinks.assertCanManage(actor, c.req.param('code') ?? '');
  const year = await yearOf(c);
  const s = c.get('services');
  const code = c.req.param('code') ?? '';
  const { agency, link, accessCodes } = await s.surveyLinks.linkFor(actor, year, code);
  const { progress, anomalies } = await s.sampleTargets.forAgency(actor, year, code);
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

surveyAdminRoutes.get('/agencies/:code/survey', (c) => linksPage(c));

surveyAdminRoutes.post('/agencies/:code/survey/rotate', async (c) => {
  const actor = requireUser(c);
  await c.get('services').surveyLinks.assertCanManage(actor, c.req.param('code') ?? '');
  const year = await yearOf(c);
  await c.get('services').surveyLinks.rotate(actor, year, c.req.param('code'));
  return c.redirect(
    `/agencies/${encodeURIComponent(c.req.param('code'))}/survey?year=${year}&done=rotated`,
    303,
  );
});

surveyAdminRoutes.post('/agencies/:code/survey/targets', async (c) => {
  const actor = requireUser(c);
  await c.get('services').surveyLinks.assertCanManage(actor, c.req.param('code') ?? '');
  const year = await yearOf(c);
  const form = await c.req.parseBody();
  const values = {
    iit_population: typeof form.iit_population === 'string' ? form.iit_population : '',
    eit_population: typeof form.eit_population === 'string' ? form.eit_population : '',
  };
  const r = await c.get('services').sampleTargets.setTargets(actor, year, c.req.param('code'), {
    iit: values.iit_population,
    eit: values.eit_population,
  });
  if (!r.ok) return linksPage(c, { values, errors: problemsToErrors(c, r.error), status: 422 });
  return c.redirect(
    `/agencies/${encodeURIComponent(c.req.param('code'))}/survey?year=${year}&done=saved`,
    303,
  );
});

surveyAdminRoutes.post('/agencies/:code/survey/access-codes', async (c) => {
  const actor = requireUser(c);
  await c.get('services').surveyLinks.assertCanManage(actor, c.req.param('code') ?? '');
  const year = await yearOf(c);
  const form = await c.req.parseBody();
  const raw = typeof form.count === 'string' ? form.count.trim() : '0';
  const count = Number(raw || '0');
  if (!Number.isInteger(count) || count < 0 || count > 5000)
    return linksPage(c, {
      errors: [
        {
          field: 'count',
          message: c.get('t').surveys.links.codesCountInvalid,
        },
      ],
      status: 422,
    });
  // Codes are shown once, in this response (no redirect): only their hashes are stored.
  const issued = await c
    .get('services')
    .surveyLinks.setAccessCodes(actor, year, c.req.param('code'), form.single_use === 'on', count);
  c.header('Cache-Control', 'no-store');
  return linksPage(c, { issued });
});

const askedYear = (c: Context<AppEnv>) =>
  c.req.query('year') === undefined ? undefined : Number(c.req.query('year'));

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

async function targetsData(c: Context<AppEnv>) {
  const actor = requireUser(c, 'nacc_admin', 'province_officer');
  const year = await yearOf(c);
  const s = c.get('services');
  const own = actor.grants.find((g) => g.role === 'province_officer')?.scope ?? '';
  const asked = c.req.query('province') ?? '';
  const province = isNacc(actor) ? asked : asked || own;
  const sortRaw = c.req.query('sort') ?? 'name';
  const sort = (PROGRESS_SORTS as readonly string[]).includes(sortRaw)
    ? (sortRaw as ProgressSort)
    : 'name';
  const data = await s.sampleTargets.belowTarget(actor, year, {
    ...(province ? { province } : {}),
    sort,
  });
  const provinces = isNacc(actor) ? await s.reference.provinces() : [own];
  return { year, province, sort, provinces, ...data };
}

surveyAdminRoutes.get('/survey-targets', async (c) => {
  const d = await targetsData(c);
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
  const d = await targetsData(c);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="itas-below-target-${d.year}.csv"`);
  return c.body(c.get('services').sampleTargets.toCsv(d.rows));
});
