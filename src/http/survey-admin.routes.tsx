// Administration of the surveys: the NACC's calendar, an agency's links, QR codes, posters,
// headcounts and access codes, and the below-target list for provinces and the NACC.
import { Hono, type Context } from 'hono';
import { isNacc } from '../domain/access.ts';
import { parseTypedDay, phaseState, thaiDay } from '../domain/calendar.ts';
import { messagesFor } from '../i18n/format.ts';
import { PROGRESS_SORTS, type ProgressSort } from '../services/sample-target.service.ts';
import { surveyPath } from '../services/survey-link.service.ts';
import { toSurveyTool } from '../services/survey.service.ts';
import { NotFoundError } from '../services/errors.ts';
import type { FieldError } from '../views/components/form.tsx';
import { CalendarAdminPage } from '../views/pages/calendar-admin.page.tsx';
import { SurveyLinksPage, type AnomalyView } from '../views/pages/survey-links.page.tsx';
import { SurveyPosterPage } from '../views/pages/survey-poster.page.tsx';
import { SurveyTargetsPage } from '../views/pages/survey-targets.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const surveyAdminRoutes = new Hono<AppEnv>();

async function yearOf(c: Context<AppEnv>): Promise<number> {
  const q = Number(c.req.query('year'));
  if (Number.isInteger(q) && q >= 2500 && q <= 2700) return q;
  const latest = await c.get('services').calendar.latestYear();
  if (latest === undefined)
    throw new NotFoundError(
      'ยังไม่ได้เปิดปีการประเมิน ใช้คำสั่ง itas year create',
      'No assessment year is open yet; use itas year create',
    );
  return latest;
}

const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;
const lang = (c: Context<AppEnv>) => c.get('lang');
const problemsToErrors = (c: Context<AppEnv>, ps: { field?: string; th: string; en: string }[]) =>
  ps.map((p) => ({ field: p.field ?? 'form', message: lang(c) === 'en' ? p.en : p.th }));

// ---- The calendar (NACC) ----

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

surveyAdminRoutes.get('/admin/calendar', async (c) => {
  const actor = requireUser(c, 'nacc_admin');
  void actor;
  return calendarPage(c, {}, [], 200);
});

surveyAdminRoutes.post('/admin/calendar', async (c) => {
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
  const t = (th: string, en: string) => (lang(c) === 'en' ? en : th);
  if (!from)
    errors.push({
      field: 'from',
      message: t(
        'วันเริ่มต้น: กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 1/4/2569',
        'First day: use day/month/BE year, e.g. 1/4/2569',
      ),
    });
  if (!to)
    errors.push({
      field: 'to',
      message: t(
        'วันสิ้นสุด: กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 31/5/2569',
        'Last day: use day/month/BE year, e.g. 31/5/2569',
      ),
    });
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
          message:
            lang(c) === 'en'
              ? 'Number of codes: a whole number from 0 to 5,000'
              : 'จำนวนรหัส: จำนวนเต็มตั้งแต่ 0 ถึง 5,000',
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

async function qrTarget(c: Context<AppEnv>, toolRaw: string) {
  const actor = requireUser(c);
  await c.get('services').surveyLinks.assertCanManage(actor, c.req.param('code') ?? '');
  const year = await yearOf(c);
  const tool = toSurveyTool(toolRaw);
  if (!tool) return undefined;
  const s = c.get('services');
  const { agency, link } = await s.surveyLinks.linkFor(actor, year, c.req.param('code') ?? '');
  return { year, tool, agency, url: origin(c) + surveyPath(tool, link.code) };
}

surveyAdminRoutes.get('/agencies/:code/survey/qr/:file', async (c) => {
  const m = /^(iit|eit)\.(svg|png)$/.exec(c.req.param('file'));
  const target = m ? await qrTarget(c, m[1]!) : undefined;
  if (!m || !target) return c.notFound();
  const name = `itas-${target.agency.code}-${target.tool.toLowerCase()}.${m[2]}`;
  c.header('Content-Disposition', `inline; filename="${name}"`);
  if (m[2] === 'svg') {
    c.header('Content-Type', 'image/svg+xml; charset=utf-8');
    return c.body(await c.get('services').surveyLinks.qrSvg(target.url));
  }
  c.header('Content-Type', 'image/png');
  return c.body(new Uint8Array(await c.get('services').surveyLinks.qrPng(target.url)));
});

surveyAdminRoutes.get('/agencies/:code/survey/poster/:tool', async (c) => {
  const target = await qrTarget(c, c.req.param('tool'));
  if (!target) return c.notFound();
  const s = c.get('services');
  const calendar = await s.calendar.get(target.year);
  const w = phaseState(
    calendar,
    target.tool === 'IIT' ? 'iit' : 'eit',
    target.agency.code,
    thaiDay(s.clock()),
  );
  // The poster is always in Thai: it hangs on a Thai office wall.
  const ctx = { ...pageContext(c), lang: 'th' as const, t: messagesFor('th') };
  return c.html(
    <SurveyPosterPage
      ctx={ctx}
      agencyName={target.agency.nameTh}
      tool={target.tool}
      url={target.url}
      qrSvg={await s.surveyLinks.qrSvg(target.url)}
      window={w.state === 'not_set' ? null : { opensOn: w.opensOn, closesOn: w.closesOn }}
      backHref={`/agencies/${encodeURIComponent(target.agency.code)}/survey?year=${target.year}`}
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
