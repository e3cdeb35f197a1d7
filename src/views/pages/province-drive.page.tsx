// The province workspace frame and its committee and coordinator pages (and the printable roster).
import type { Agency } from '../../domain/agency.ts';
import { arabicDigits } from '../../domain/digits.ts';
import { COMMITTEE_ROLES, COORDINATORS_NEEDED } from '../../domain/province-drive.ts';
import { formatDate } from '../../i18n/format.ts';
import type { CommitteeOrder, Coordinator } from '../../domain/province-drive.ts';
import { CsrfField, TextField, errorFor, type FieldError } from '../components/form.tsx';
import { boundTextField } from '../components/province-parts.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { type WorkspaceView, base, WorkspaceFrame, AgencySelect } from './province-workspace.tsx';

function Roster({ ctx, order }: { ctx: PageContext; order: CommitteeOrder }) {
  const t = ctx.t.province;
  return (
    <div class="table-wrap" tabindex={0}>
      <table>
        <caption>
          {t.committee.orderLine(arabicDigits(order.number), formatDate(order.orderedOn, ctx.lang))}{' '}
          · {t.committee.count(order.members.length)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.committee.seq}</th>
            <th scope="col">{t.committee.position}</th>
            <th scope="col">{t.committee.office}</th>
            <th scope="col">{t.committee.role}</th>
          </tr>
        </thead>
        <tbody>
          {order.members.map((m) => (
            <tr>
              <td>{m.seq}</td>
              <td>
                {m.name ? (
                  <>
                    {m.name}
                    <br />
                  </>
                ) : null}
                {m.position}
              </td>
              <td>{m.office}</td>
              <td>{t.roles[m.role] ?? m.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CommitteePage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  orders: CommitteeOrder[];
  form: Record<string, string>;
  errors: FieldError[];
  rows: number;
  notice?: string | undefined;
}) {
  const t = p.ctx.t.province;
  const Field = boundTextField(p.ctx, p.form, p.errors);
  const c = t.committee;
  return (
    <WorkspaceFrame
      ctx={p.ctx}
      w={p.w}
      section="committee"
      title={c.title}
      errors={p.errors}
      notice={p.notice}
    >
      {p.orders.length === 0 ? <p>{t.none}</p> : null}
      {p.orders.map((o) => (
        <section>
          <h2>{o.title}</h2>
          <p>
            {c.orderLine(arabicDigits(o.number), formatDate(o.orderedOn, p.ctx.lang))} · {c.signer}:{' '}
            {o.signer} · <a href={`${base(p.w)}/committee/${o.id}/roster`}>{c.roster}</a>
          </p>
          <Roster ctx={p.ctx} order={o} />
        </section>
      ))}
      {p.w.canEdit ? (
        <form method="post" action={`${base(p.w)}/committee`}>
          <h2>{c.newOrder}</h2>
          <CsrfField ctx={p.ctx} />
          <Field id="number" label={c.number} hint={c.numberHint} />
          <Field id="orderedOn" label={c.orderedOn} hint={c.dateHint} />
          <Field id="title" label={c.orderTitle} />
          <Field id="signer" label={c.signer} />
          {Array.from({ length: p.rows }, (_, i) => (
            <fieldset class="member-row">
              <legend>{c.memberRow(i + 1)}</legend>
              <TextField
                ctx={p.ctx}
                id={`members-${i}-name`}
                name={`members[${i}][name]`}
                label={c.name}
                value={p.form[`members[${i}][name]`]}
              />
              <TextField
                ctx={p.ctx}
                id={`members-${i}-position`}
                name={`members[${i}][position]`}
                label={c.position}
                value={p.form[`members[${i}][position]`]}
                error={errorFor(p.errors, `members-${i}-position`)}
              />
              <TextField
                ctx={p.ctx}
                id={`members-${i}-office`}
                name={`members[${i}][office]`}
                label={c.office}
                value={p.form[`members[${i}][office]`]}
                error={errorFor(p.errors, `members-${i}-office`)}
              />
              <div
                class={`form-group${errorFor(p.errors, `members-${i}-role`) ? ' form-group--error' : ''}`}
              >
                <label for={`members-${i}-role`}>{c.role}</label>
                {errorFor(p.errors, `members-${i}-role`) ? (
                  <span class="error-message">{errorFor(p.errors, `members-${i}-role`)}</span>
                ) : null}
                <select id={`members-${i}-role`} name={`members[${i}][role]`}>
                  <option value="">{c.chooseRole}</option>
                  {COMMITTEE_ROLES.map((r) => (
                    <option value={r} selected={p.form[`members[${i}][role]`] === r}>
                      {t.roles[r]}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          ))}
          <p>
            <a href={`${base(p.w)}/committee?rows=${p.rows + 10}`}>+ 10</a>
          </p>
          <button class="button" type="submit">
            {t.save}
          </button>
        </form>
      ) : null}
    </WorkspaceFrame>
  );
}

/** The printable roster: the order's heading and its members, nothing else. */
export function CommitteeRosterPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  order: CommitteeOrder;
}) {
  return (
    <Layout ctx={p.ctx} title={p.ctx.t.province.committee.roster}>
      <article class="printable">
        <h1>{p.order.title}</h1>
        <p>
          {p.ctx.t.province.committee.signer}: {p.order.signer}
        </p>
        <Roster ctx={p.ctx} order={p.order} />
      </article>
    </Layout>
  );
}

export function CoordinatorsPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  list: { agency: Agency; coordinators: Coordinator[] }[];
  form: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = p.ctx.t.province;
  const Field = boundTextField(p.ctx, p.form, p.errors);
  const c = t.coordinators;
  const short = p.list.filter((x) => x.coordinators.length < COORDINATORS_NEEDED).length;
  return (
    <WorkspaceFrame
      ctx={p.ctx}
      w={p.w}
      section="coordinators"
      title={c.title}
      errors={p.errors}
      notice={p.notice}
    >
      <p class="lead">{c.lead}</p>
      <p>
        <strong>{c.missing(short)}</strong> ·{' '}
        <a href={`${base(p.w)}/coordinators.csv`}>{t.csvLink}</a>
      </p>
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{c.agency}</th>
              <th scope="col">{c.name}</th>
              <th scope="col">{c.email}</th>
              <th scope="col">{c.phone}</th>
            </tr>
          </thead>
          <tbody>
            {p.list.map(({ agency, coordinators }) => {
              const lacking = coordinators.length < COORDINATORS_NEEDED;
              return (
                <tr class={lacking ? 'row--warning' : undefined} data-agency={agency.code}>
                  <th scope="row">
                    {agency.nameTh}
                    {lacking ? <span class="tag tag--warning"> {c.notEnough}</span> : null}
                  </th>
                  <td>
                    {coordinators.map((x) => (
                      <div>
                        {x.name} ({x.position})
                        {p.w.canEdit ? (
                          <form
                            method="post"
                            action={`${base(p.w)}/coordinators/${x.id}/delete`}
                            class="inline"
                          >
                            <CsrfField ctx={p.ctx} />
                            <button class="button--link" type="submit">
                              {c.remove}
                            </button>
                          </form>
                        ) : null}
                      </div>
                    ))}
                  </td>
                  <td>
                    {coordinators.map((x) => (
                      <div>{x.email}</div>
                    ))}
                  </td>
                  <td>
                    {coordinators.map((x) => (
                      <div>
                        {x.phone}
                        {x.fax ? ` / ${x.fax}` : ''}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {p.w.canEdit ? (
        <form method="post" action={`${base(p.w)}/coordinators`}>
          <h2>{c.add}</h2>
          <CsrfField ctx={p.ctx} />
          <AgencySelect
            ctx={p.ctx}
            agencies={p.list.map((x) => x.agency)}
            value={p.form.agencyCode}
            error={errorFor(p.errors, 'agencyCode')}
            label={c.agency}
            placeholder={c.chooseAgency}
          />
          <Field id="name" label={c.name} />
          <Field id="position" label={c.position} />
          <Field id="email" type="email" label={c.email} />
          <Field id="phone" inputmode="tel" label={c.phone} />
          <Field id="fax" inputmode="tel" label={c.fax} />
          <button class="button" type="submit">
            {c.add}
          </button>
        </form>
      ) : null}
    </WorkspaceFrame>
  );
}
