// OIT routes of the auditors and the NACC: the auditor's list and review, the NACC's assignment
// screen, status exports and the landing page. Thin: parse → service → render.
import { Hono, type Context } from 'hono';
import { hasRole, isNacc } from '../domain/access.ts';
import type { Services } from '../services/container.ts';
import type { ServiceError } from '../services/errors.ts';
import type { OitSheet } from '../services/oit-shared.ts';
import type { FieldError } from '../views/components/form.tsx';
import { OitAssignPage, OitLandingPage } from '../views/pages/oit-admin.page.tsx';
import { OitReviewListPage, OitReviewPage } from '../views/pages/oit-review.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';
import { Y, year, code, str, fieldErrors } from './oit-request.ts';

export const oitReviewRoutes = new Hono<AppEnv>();

// The auditor's side.

oitReviewRoutes.get(`${Y}/review`, async (c) => {
  const rows = await c.get('services').oitReview.assigned(requireUser(c, 'auditor'), year(c));
  return c.html(<OitReviewListPage ctx={pageContext(c)} year={year(c)} rows={rows} />);
});

/** The review sheet as its one service call gave it (a refused form's comes with it). */
function reviewPage(
  c: Context<AppEnv>,
  sheet: OitSheet,
  errors: FieldError[] = [],
  typed?: { item: string; score: string; comment: string },
) {
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

oitReviewRoutes.get(`${Y}/review/:code`, async (c) =>
  reviewPage(c, await c.get('services').oitReview.sheet(requireUser(c), year(c), code(c))),
);

oitReviewRoutes.post(`${Y}/review/:code/start`, async (c) => {
  await c.get('services').oitReview.startReview(requireUser(c), year(c), code(c));
  return c.redirect(reviewUrl(c), 303);
});

oitReviewRoutes.post(`${Y}/review/:code/items/:item`, async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const item = c.req.param('item');
  const typed = { item, score: str(body.score), comment: str(body.comment) };
  const r = await c
    .get('services')
    .oitReview.reviewItemOrSheet(actor, year(c), code(c), item, typed);
  if (!r.ok) return reviewPage(c, r.page, fieldErrors(c, r.error), typed);
  return c.redirect(reviewUrl(c, `?scored=${encodeURIComponent(item)}#item-${item}`), 303);
});

oitReviewRoutes.post(`${Y}/review/:code/finish`, async (c) => {
  await c.get('services').oitReview.finishReview(requireUser(c), year(c), code(c));
  return c.redirect(reviewUrl(c, '?finished=1'), 303);
});

oitReviewRoutes.post(`${Y}/review/:code/confirm`, async (c) => {
  await c.get('services').oitReview.confirm(requireUser(c), year(c), code(c));
  return c.redirect(reviewUrl(c, '?confirmed=1'), 303);
});

// The NACC's assignment screen and the status exports.

type AssignModel = Awaited<ReturnType<Services['oitAdmin']['assignPage']>>;

function assignPage(
  c: Context<AppEnv>,
  { auditors, provinces }: AssignModel,
  refused?: { errors: FieldError[]; typed: Record<string, string>; status: ServiceError['status'] },
) {
  const done = c.req.query('assigned');
  return c.html(
    <OitAssignPage
      ctx={pageContext(c)}
      year={year(c)}
      auditors={auditors}
      provinces={provinces}
      errors={refused?.errors ?? []}
      typed={refused?.typed ?? {}}
      notice={done ? c.get('t').oit.assign.done(Number(done)) : undefined}
    />,
    refused?.status ?? 200,
  );
}

oitReviewRoutes.get(`${Y}/assign`, async (c) =>
  assignPage(c, await c.get('services').oitAdmin.assignPage(requireUser(c, 'nacc_admin'))),
);

async function assignAction(c: Context<AppEnv>, bulk: boolean) {
  const actor = requireUser(c, 'nacc_admin');
  const body = await c.req.parseBody();
  const auditor = str(body.auditor).trim();
  const typed: Record<string, string> = bulk
    ? { 'bulk-auditor': auditor, 'bulk-type': str(body.type), 'bulk-province': str(body.province) }
    : { auditor, agency: str(body.agency).trim() };
  const field = bulk ? 'bulk-auditor' : 'auditor';
  const r = await c.get('services').oitAdmin.assignOrPage(
    actor,
    auditor,
    bulk
      ? {
          filter: {
            type: str(body.type) || undefined,
            province: str(body.province) || undefined,
          },
        }
      : { agency: str(body.agency) },
  );
  if (!r.ok) {
    const err = r.error;
    // The auditor's address, or the agency (one at a time) or the filter (in bulk).
    const f = err.field === 'auditor' || bulk ? field : 'agency';
    // Answered with the refusal's own status: 404 for no such auditor or agency, 422 for a
    // filter that matches nothing; never a fixed 422.
    const errors = [{ field: f, message: c.get('lang') === 'th' ? err.th : err.en }];
    return assignPage(c, r.page, { errors, typed, status: err.status });
  }
  return c.redirect(`/oit/${year(c)}/assign?assigned=${r.value}`, 303);
}

oitReviewRoutes.post(`${Y}/assign`, (c) => assignAction(c, false));
oitReviewRoutes.post(`${Y}/assign/bulk`, (c) => assignAction(c, true));

oitReviewRoutes.get(`${Y}/status`, async (c) => {
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
oitReviewRoutes.get('/oit', async (c) => {
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
