// The province's drive workspace: /province/{province}/{year}/… (parse → one service call → render):
// committee, coordinators, MOUs and training (progress, reminders, plan: province-progress.routes.tsx).
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

export const provinceRoutes = new Hono<AppEnv>();

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
async function committeePage(
  c: C,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  const orders = await c.get('services').provinceDrive.committee(requireUser(c), w);
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
provinceRoutes.get(`${P}/committee`, (c) => committeePage(c, {}, [], 200));
provinceRoutes.post(`${P}/committee`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.recordCommitteeOrder(requireUser(c), workspace(c), values);
  if (!r.ok) return committeePage(c, values, fieldErrors(c, r.error), 422);
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
async function coordinatorsPage(
  c: C,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  // Not view(): an agency administrator may enter their own agency's coordinators here.
  const actor = requireUser(c);
  const data = await c.get('services').provinceDrive.coordinators(actor, workspace(c));
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
provinceRoutes.get(`${P}/coordinators`, (c) => coordinatorsPage(c, {}, [], 200));
provinceRoutes.post(`${P}/coordinators`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.addCoordinator(requireUser(c), workspace(c), values);
  if (!r.ok) return coordinatorsPage(c, values, fieldErrors(c, r.error), 422);
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
async function mouPage(
  c: C,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  const { mous, agencies } = await c.get('services').provinceDrive.mous(requireUser(c), w);
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
provinceRoutes.get(`${P}/mous`, (c) => mouPage(c, {}, [], 200));
provinceRoutes.post(`${P}/mous`, async (c) => {
  const values = await form(c);
  const r = await c.get('services').provinceDrive.saveMou(requireUser(c), workspace(c), values);
  if (!r.ok) {
    const back = values.mouId;
    if (back) return mouDetail(c, back, values, fieldErrors(c, r.error), 422);
    return mouPage(c, values, fieldErrors(c, r.error), 422);
  }
  return c.redirect(`${base(workspace(c))}/mous?done=1`, 303);
});
async function mouDetail(
  c: C,
  id: string,
  values: Record<string, string> | null,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  const { mou, agencies } = await c.get('services').provinceDrive.mouDetail(requireUser(c), w, id);
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
provinceRoutes.get(`${P}/mous/:id{[0-9]+}`, (c) => mouDetail(c, c.req.param('id'), null, [], 200));
provinceRoutes.get(`${P}/mous/:id{[0-9]+}/print`, async (c) => {
  const w = view(c);
  const mou = await c.get('services').provinceDrive.mou(requireUser(c), w, c.req.param('id'));
  return c.html(<MouPrintPage ctx={pageContext(c)} w={w} mou={mou} />);
});

// Training -------------------------------------------------------------------------------
async function trainingPage(
  c: C,
  values: Record<string, string>,
  errors: FieldError[],
  status: 200 | 422,
) {
  const w = view(c);
  const d = await c.get('services').provinceDrive.training(requireUser(c), w);
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
provinceRoutes.get(`${P}/training`, (c) => trainingPage(c, {}, [], 200));
provinceRoutes.post(`${P}/training`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.addTrainingEvent(requireUser(c), workspace(c), values);
  if (!r.ok) return trainingPage(c, values, fieldErrors(c, r.error), 422);
  return c.redirect(`${base(workspace(c))}/training?done=1`, 303);
});
provinceRoutes.post(`${P}/training/:id{[0-9]+}/attendance`, async (c) => {
  const values = await form(c);
  const r = await c
    .get('services')
    .provinceDrive.recordAttendance(requireUser(c), workspace(c), c.req.param('id'), values);
  if (!r.ok) return trainingPage(c, {}, fieldErrors(c, r.error), 422);
  return c.redirect(`${base(workspace(c))}/training?done=1`, 303);
});
