// OIT routes: the agency's sheet (save items, submit, dispute), the auditor's list and review,
// the NACC's assignment screen, status exports and the history. Thin: parse → service → render.
import { Hono, type Context } from 'hono';
import { canManageAgency, hasRole, isNacc } from '../domain/access.ts';
import { ServiceError } from '../services/errors.ts';
import { OitInputError } from '../services/oit-shared.ts';
import type { FieldError } from '../views/components/form.tsx';
import { OitAssignPage, OitHistoryPage, OitLandingPage } from '../views/pages/oit-admin.page.tsx';
import { OitAgencyPage, type OitTyped } from '../views/pages/oit-agency.page.tsx';
import { OitSubmitPage } from '../views/pages/oit-submit.page.tsx';
import { OitReviewListPage, OitReviewPage } from '../views/pages/oit-review.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const oitRoutes = new Hono<AppEnv>();

const Y = '/oit/:year{[0-9]{4}}';
const year = (c: Context<AppEnv>) => Number(c.req.param('year'));
const code = (c: Context<AppEnv>) => c.req.param('code') ?? '';
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function fieldErrors(c: Context<AppEnv>, err: OitInputError): FieldError[] {
  const th = c.get('lang') === 'th';
  return err.problems.map((p) => ({ field: p.field, message: th ? p.th : p.en }));
}

async function agencyPage(
  c: Context<AppEnv>,
  errors: FieldError[] = [],
  extra: { typed?: OitTyped; disputes?: Record<string, string>; notice?: string } = {},
) {
  const actor = requireUser(c);
  const sheet = await c.get('services').oit.sheet(actor, year(c), code(c));
  const t = c.get('t').oit;
  const saved = c.req.query('saved');
  const notice = extra.notice
    ? extra.notice
    : saved
      ? /^[0-9]+$/.test(saved)
        ? c.get('t').home.entry.saved(Number(saved))
        : t.agency.saved(saved)
      : c.req.query('submitted')
        ? t.agency.submitted
        : c.req.query('disputed')
          ? t.agency.disputesSent(Number(c.req.query('disputed')))
          : undefined;
  return c.html(
    <OitAgencyPage
      ctx={pageContext(c)}
      sheet={sheet}
      canManage={canManageAgency(actor, sheet.agency)}
      errors={errors}
      typed={extra.typed}
      disputes={extra.disputes}
      notice={notice}
    />,
    errors.length ? 422 : 200,
  );
}

oitRoutes.get(`${Y}/agencies/:code`, (c) => agencyPage(c));

oitRoutes.post(`${Y}/agencies/:code/items/:item`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const item = c.req.param('item');
  const raw = { answer: str(body.answer), urls: str(body.urls), note: str(body.note) };
  try {
    await c.get('services').oit.saveItem(actor, year(c), code(c), item, raw);
  } catch (err) {
    if (err instanceof OitInputError)
      return agencyPage(c, fieldErrors(c, err), { typed: { [item]: raw } });
    throw err;
  }
  return c.redirect(
    `/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}?saved=${encodeURIComponent(item)}#item-${item}`,
    303,
  );
});

/** The entry form's fields, `<item>-<field>`, grouped by item (unknown items are ignored later). */
function typedItems(body: Record<string, unknown>): OitTyped {
  const items: OitTyped = Object.create(null) as OitTyped;
  for (const [k, v] of Object.entries(body)) {
    const m = /^([A-Za-z0-9.]{1,16})-([a-z_]{1,32})$/.exec(k);
    if (m && typeof v === 'string') (items[m[1]!] ??= {})[m[2]!] = v;
  }
  return items;
}

// Save all: the one form of the entry page, and its autosave (X-Autosave: 1, answered in JSON).
oitRoutes.post(`${Y}/agencies/:code/items`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const typed = typedItems(body);
  const auto = c.req.header('x-autosave') === '1';
  const th = c.get('lang') === 'th';
  let r;
  try {
    r = await c.get('services').oit.saveItems(actor, year(c), code(c), typed);
  } catch (err) {
    if (auto && err instanceof ServiceError)
      return c.json(
        { saved: [], errors: [{ field: '', message: th ? err.th : err.en }] },
        err.status,
      );
    throw err;
  }
  const errors = r.problems.map((p) => ({ field: p.field, message: th ? p.th : p.en }));
  if (auto) return c.json({ saved: r.saved, errors });
  if (errors.length)
    return agencyPage(c, errors, {
      typed,
      notice: c.get('t').home.entry.savedWithErrors(r.saved.length),
    });
  const base = `/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}`;
  if (str(body.then) === 'submit') return c.redirect(`${base}/submit`, 303);
  // Back to the item whose button was pressed, or the one last edited (set by the script).
  const back = [str(body.return), str(body.focus)].find((v) => /^[A-Za-z0-9.]{1,16}$/.test(v));
  return c.redirect(`${base}?saved=${r.saved.length}${back ? `#item-${back}` : '#oit-save'}`, 303);
});

oitRoutes.get(`${Y}/agencies/:code/submit`, async (c) => {
  const actor = requireUser(c);
  const sheet = await c.get('services').oit.sheet(actor, year(c), code(c));
  return c.html(
    <OitSubmitPage
      ctx={pageContext(c)}
      sheet={sheet}
      canManage={canManageAgency(actor, sheet.agency)}
    />,
  );
});

oitRoutes.post(`${Y}/agencies/:code/submit`, async (c) => {
  const body = await c.req.parseBody();
  // Submitting locks the answers: only the confirmation page's form submits.
  if (str(body.confirm) !== 'yes')
    return c.redirect(`/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}/submit`, 303);
  await c.get('services').oit.submit(requireUser(c), year(c), code(c));
  return c.redirect(`/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}?submitted=1`, 303);
});

oitRoutes.post(`${Y}/agencies/:code/disputes`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const disputes: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k.startsWith('dispute-') && typeof v === 'string') disputes[k.slice(8)] = v;
  let n: number;
  try {
    n = await c.get('services').oit.dispute(actor, year(c), code(c), disputes);
  } catch (err) {
    if (err instanceof OitInputError) return agencyPage(c, fieldErrors(c, err), { disputes });
    if (err instanceof ServiceError && err.status === 422) {
      const first = Object.keys(disputes)[0] ?? 'O1';
      return agencyPage(
        c,
        [{ field: `${first}-dispute`, message: c.get('lang') === 'th' ? err.th : err.en }],
        { disputes },
      );
    }
    throw err;
  }
  return c.redirect(`/oit/${year(c)}/agencies/${encodeURIComponent(code(c))}?disputed=${n}`, 303);
});

oitRoutes.get(`${Y}/agencies/:code/history`, async (c) => {
  const data = await c.get('services').oit.history(requireUser(c), year(c), code(c));
  return c.html(<OitHistoryPage ctx={pageContext(c)} year={year(c)} data={data} />);
});

// The auditor's side.

oitRoutes.get(`${Y}/review`, async (c) => {
  const rows = await c.get('services').oitReview.assigned(requireUser(c, 'auditor'), year(c));
  return c.html(<OitReviewListPage ctx={pageContext(c)} year={year(c)} rows={rows} />);
});

async function reviewPage(
  c: Context<AppEnv>,
  errors: FieldError[] = [],
  typed?: { item: string; score: string; comment: string },
) {
  const sheet = await c.get('services').oitReview.sheet(requireUser(c), year(c), code(c));
  const t = c.get('t').oit.review;
  const q = (k: string) => c.req.query(k);
  const notice = q('scored')
    ? t.scored(q('scored')!)
    : q('finished')
      ? t.finished
      : q('confirmed')
        ? t.confirmed
        : undefined;
  return c.html(
    <OitReviewPage
      ctx={pageContext(c)}
      sheet={sheet}
      errors={errors}
      typed={typed}
      notice={notice}
    />,
    errors.length ? 422 : 200,
  );
}

const reviewUrl = (c: Context<AppEnv>, q = '') =>
  `/oit/${year(c)}/review/${encodeURIComponent(code(c))}${q}`;

oitRoutes.get(`${Y}/review/:code`, (c) => reviewPage(c));

oitRoutes.post(`${Y}/review/:code/start`, async (c) => {
  await c.get('services').oitReview.startReview(requireUser(c), year(c), code(c));
  return c.redirect(reviewUrl(c), 303);
});

oitRoutes.post(`${Y}/review/:code/items/:item`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const item = c.req.param('item');
  const typed = { item, score: str(body.score), comment: str(body.comment) };
  const services = c.get('services');
  try {
    const sheet = await services.oitReview.sheet(actor, year(c), code(c));
    if (sheet.status === 'clarification_requested' || sheet.status === 're_reviewed')
      await services.oitReview.reReviewItem(actor, year(c), code(c), item, typed);
    else await services.oitReview.scoreItem(actor, year(c), code(c), item, typed);
  } catch (err) {
    if (err instanceof OitInputError) return reviewPage(c, fieldErrors(c, err), typed);
    throw err;
  }
  return c.redirect(reviewUrl(c, `?scored=${encodeURIComponent(item)}#item-${item}`), 303);
});

oitRoutes.post(`${Y}/review/:code/finish`, async (c) => {
  await c.get('services').oitReview.finishReview(requireUser(c), year(c), code(c));
  return c.redirect(reviewUrl(c, '?finished=1'), 303);
});

oitRoutes.post(`${Y}/review/:code/confirm`, async (c) => {
  await c.get('services').oitReview.confirm(requireUser(c), year(c), code(c));
  return c.redirect(reviewUrl(c, '?confirmed=1'), 303);
});

// The NACC's assignment screen and the status exports.

async function assignPage(
  c: Context<AppEnv>,
  errors: FieldError[] = [],
  typed: Record<string, string> = {},
) {
  const services = c.get('services');
  const actor = requireUser(c, 'nacc_admin');
  const auditors = await services.oitAdmin.auditors(actor);
  const provinces = await services.reference.provinces();
  const done = c.req.query('assigned');
  return c.html(
    <OitAssignPage
      ctx={pageContext(c)}
      year={year(c)}
      auditors={auditors}
      provinces={provinces}
      errors={errors}
      typed={typed}
      notice={done ? c.get('t').oit.assign.done(Number(done)) : undefined}
    />,
    errors.length ? 422 : 200,
  );
}

oitRoutes.get(`${Y}/assign`, (c) => assignPage(c));

async function assignAction(c: Context<AppEnv>, bulk: boolean) {
  const actor = requireUser(c, 'nacc_admin');
  const body = await c.req.parseBody();
  const auditor = str(body.auditor).trim();
  const typed: Record<string, string> = bulk
    ? { 'bulk-auditor': auditor, 'bulk-type': str(body.type), 'bulk-province': str(body.province) }
    : { auditor, agency: str(body.agency).trim() };
  const field = bulk ? 'bulk-auditor' : 'auditor';
  let n: number;
  try {
    n = bulk
      ? await c.get('services').oitAdmin.assignBulk(actor, auditor, {
          type: str(body.type) || undefined,
          province: str(body.province) || undefined,
        })
      : await c.get('services').oitAdmin.assign(actor, auditor, str(body.agency));
  } catch (err) {
    if (err instanceof ServiceError && err.status !== 403) {
      const f = err.en.startsWith('No account') ? field : bulk ? field : 'agency';
      return assignPage(
        c,
        [{ field: f, message: c.get('lang') === 'th' ? err.th : err.en }],
        typed,
      );
    }
    throw err;
  }
  return c.redirect(`/oit/${year(c)}/assign?assigned=${n}`, 303);
}

oitRoutes.post(`${Y}/assign`, (c) => assignAction(c, false));
oitRoutes.post(`${Y}/assign/bulk`, (c) => assignAction(c, true));

oitRoutes.get(`${Y}/status`, async (c) => {
  const actor = requireUser(c);
  const filter = {
    province: c.req.query('province') || undefined,
    type: c.req.query('type') || undefined,
  };
  const services = c.get('services');
  const name = `oit-status-${year(c)}${filter.province ? `-${filter.province}` : ''}${filter.type ? `-${filter.type}` : ''}`;
  const disposition = (ext: string) =>
    `attachment; filename="oit-status.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;
  if (c.req.query('format') === 'xlsx') {
    const buf = await services.oitAdmin.statusXlsx(actor, year(c), filter, c.get('lang'));
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': disposition('xlsx'),
    });
  }
  const csv = await services.oitAdmin.statusCsv(actor, year(c), filter, c.get('lang'));
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': disposition('csv'),
  });
});

/** The signed-in person's OIT work in the newest assessment year. */
oitRoutes.get('/oit', async (c) => {
  const actor = requireUser(c);
  const years = await c.get('services').years.list();
  const latest = years.length ? Math.max(...years.map((y) => y.fiscalYear)) : null;
  const agencies = actor.grants
    .filter((g) => g.role === 'agency_admin' && g.scope)
    .map((g) => g.scope!);
  return c.html(
    <OitLandingPage
      ctx={pageContext(c)}
      year={latest}
      agencies={agencies}
      auditor={hasRole(actor, 'auditor')}
      nacc={isNacc(actor)}
    />,
  );
});
