// The province's drive workspace: /province/{province}/{year}/… (parse → one service call → render;
// a refused form's page comes back with the refusal): committee, coordinators, MOUs and training
// (progress, reminders, plan: province-progress.routes.tsx).
import { Hono } from 'hono';
import type { FieldError } from '../views/components/form.tsx';
import {
  CommitteePage,
  CommitteeRosterPage,
  CoordinatorsPage,
} from '../views/pages/province-drive.page.tsx';
import { base } from '../views/pages/province-workspace.tsx';
import { MouDetailPage, MouPage, MouPrintPage } from '../views/pages/province-mou.page.tsx';
import { TrainingPage } from '../views/pages/province-training.page.tsx';
import { NotFoundPage } from '../views/pages/error.page.tsx';
import { ProvinceYearsPage } from '../views/pages/province-years.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';
import { type C, P, workspace, view, form, fieldErrors, notice } from './province-request.ts';
import type { Services } from '../services/container.ts';

export const provinceRoutes = new Hono<AppEnv>();

/** What each page shows, as its one service call gives it (a refused form's comes with it). */
type Drive = Services['provinceDrive'];
type Model<K extends keyof Drive> = Drive[K] extends (...a: never[]) => Promise<infer M>
  ? M
  : never;

provinceRoutes.get('/province/:province', async (c) => {
  const actor = requireUser(c);
  const province = c.req.param('province');
  const years = await c.get('services').provinceDrive.years(actor, province);
  return c.html(<ProvinceYearsPage ctx={pageContext(c)} province={province} years={years} />);
});
provinceRoutes.get(P, async (c) => {
  await c.get('services').provinceDrive.checkRead(requireUser(c), workspace(c));
  return c.redirect(`${base(workspace(c))}/progress`, 303);
});

// Committee ------------------------------------------------------------------------------
function committeePage(
  c: C,
  orders: Model<'committee'>,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  const rows = Math.min(200, Math.max(5, Number(c.req.query('rows')) || 5));
  return c.html(
    <CommitteePage
      ctx={pageContext(c)}
      w={w}
      orders={orders}
      form={values}
      errors={errors}
      rows={rows}
      notice={notice(c)}
    />,
    status,
  );
}
provinceRoutes.get(`${P}/committee`, async (c) => {
  const orders = await c.get('services').provinceDrive.committee(requireUser(c), view(c));
  return committeePage(c, orders, {}, [], 200);
});
provinceRoutes.post(`${P}/committee`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.recordCommitteeOrder(requireUser(c), workspace(c), values);
  if (!r.ok) return committeePage(c, r.page, values, fieldErrors(c, r.error), 422);
  return c.redirect(`${base(workspace(c))}/committee?done=1`, 303);
});
provinceRoutes.get(`${P}/committee/:id/roster`, async (c) => {
  const w = view(c);
  const orders = await c.get('services').provinceDrive.committee(requireUser(c), w);
  const order = orders.find((o) => o.id === c.req.param('id'));
  if (!order) return c.html(<NotFoundPage ctx={pageContext(c)} />, 404);
  return c.html(<CommitteeRosterPage ctx={pageContext(c)} w={w} order={order} />);
});

// Coordinators ---------------------------------------------------------------------------
function coordinatorsPage(
  c: C,
  data: Model<'coordinators'>,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  // Not view(): an agency administrator may enter their own agency's coordinators here.
  const w = { ...workspace(c), canEdit: true };
  return c.html(
    <CoordinatorsPage
      ctx={pageContext(c)}
      w={w}
      list={data}
      form={values}
      errors={errors}
      notice={notice(c)}
    />,
    status,
  );
}
provinceRoutes.get(`${P}/coordinators`, async (c) => {
  const data = await c.get('services').provinceDrive.coordinators(requireUser(c), workspace(c));
  return coordinatorsPage(c, data, {}, [], 200);
});
provinceRoutes.post(`${P}/coordinators`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.addCoordinator(requireUser(c), workspace(c), values);
  if (!r.ok) return coordinatorsPage(c, r.page, values, fieldErrors(c, r.error), 422);
  return c.redirect(`${base(workspace(c))}/coordinators?done=1`, 303);
});
provinceRoutes.post(`${P}/coordinators/:id/delete`, async (c) => {
  await c
    .get('services')
    .provinceDrive.removeCoordinator(requireUser(c), workspace(c), c.req.param('id'));
  return c.redirect(`${base(workspace(c))}/coordinators?done=1`, 303);
});
provinceRoutes.get(`${P}/coordinators.csv`, async (c) => {
  const csv = await c
    .get('services')
    .provinceProgress.coordinatorsCsv(requireUser(c), workspace(c));
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="coordinators-${workspace(c).fiscalYear}.csv"`,
  });
});

// MOUs -----------------------------------------------------------------------------------
function mouPage(
  c: C,
  { mous, agencies }: Model<'mous'>,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  return c.html(
    <MouPage
      ctx={pageContext(c)}
      w={w}
      mous={mous}
      agencies={agencies}
      form={values}
      errors={errors}
      notice={notice(c)}
    />,
    status,
  );
}
provinceRoutes.get(`${P}/mous`, async (c) => {
  const page = await c.get('services').provinceDrive.mous(requireUser(c), view(c));
  return mouPage(c, page, {}, [], 200);
});
provinceRoutes.post(`${P}/mous`, async (c) => {
  const values = await form(c);
  const r = await c.get('services').provinceDrive.saveMou(requireUser(c), workspace(c), values);
  // Refused: the form again on the page it was on (the MOU's own, or the list).
  if (!r.ok)
    return r.page.kind === 'detail'
      ? mouDetail(c, r.page, values, fieldErrors(c, r.error), 422)
      : mouPage(c, r.page, values, fieldErrors(c, r.error), 422);
  return c.redirect(`${base(workspace(c))}/mous?done=1`, 303);
});
function mouDetail(
  c: C,
  { mou, agencies }: Model<'mouDetail'>,
  values: Record<string, string> | null,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  const current: Record<string, string> = {
    mouId: mou.id,
    level: mou.level,
    district: mou.district ?? '',
    partyName: mou.partyName,
    agencyCode: mou.agencyCode ?? '',
    firstSigner: mou.firstSigner,
    partySigner: mou.partySigner ?? '',
    signedOn: mou.signedOn ?? '',
    place: mou.place ?? '',
    witnesses: mou.witnesses.join('\n'),
    copiesMade: mou.copiesMade?.toString() ?? '',
    copiesKept: mou.copiesKept?.toString() ?? '',
    copiesSent: mou.copiesSent?.toString() ?? '',
    publishedUrl: mou.publishedUrl ?? '',
  };
  return c.html(
    <MouDetailPage
      ctx={pageContext(c)}
      w={w}
      mou={mou}
      agencies={agencies}
      form={values ?? current}
      errors={errors}
    />,
    status,
  );
}
provinceRoutes.get(`${P}/mous/:id{[0-9]+}`, async (c) => {
  const page = await c
    .get('services')
    .provinceDrive.mouDetail(requireUser(c), view(c), c.req.param('id'));
  return mouDetail(c, page, null, [], 200);
});
provinceRoutes.get(`${P}/mous/:id{[0-9]+}/print`, async (c) => {
  const w = view(c);
  const mou = await c.get('services').provinceDrive.mou(requireUser(c), w, c.req.param('id'));
  return c.html(<MouPrintPage ctx={pageContext(c)} w={w} mou={mou} />);
});

// Training -------------------------------------------------------------------------------
function trainingPage(
  c: C,
  d: Model<'training'>,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  return c.html(
    <TrainingPage
      ctx={pageContext(c)}
      w={w}
      events={d.events}
      notAttended={d.notAttended}
      agencies={d.agencies}
      form={values}
      errors={errors}
      notice={notice(c)}
    />,
    status,
  );
}
provinceRoutes.get(`${P}/training`, async (c) => {
  const d = await c.get('services').provinceDrive.training(requireUser(c), view(c));
  return trainingPage(c, d, {}, [], 200);
});
provinceRoutes.post(`${P}/training`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.addTrainingEvent(requireUser(c), workspace(c), values);
  if (!r.ok) return trainingPage(c, r.page, values, fieldErrors(c, r.error), 422);
  return c.redirect(`${base(workspace(c))}/training?done=1`, 303);
});
provinceRoutes.post(`${P}/training/:id{[0-9]+}/attendance`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.recordAttendance(requireUser(c), workspace(c), c.req.param('id'), values);
  if (!r.ok) return trainingPage(c, r.page, {}, fieldErrors(c, r.error), 422);
  return c.redirect(`${base(workspace(c))}/training?done=1`, 303);
});
