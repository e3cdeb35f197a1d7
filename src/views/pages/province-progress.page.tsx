// The province workspace's progress board, reminder composer (with preview) and plan to pass.
import type { Agency } from '../../domain/agency.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import type { AgencyPlan, PlanAction, ProvinceProjection } from '../../domain/improvement-plan.ts';
import { formatDateTime, formatScore } from '../../i18n/format.ts';
import type { ProgressRow } from '../../services/province-progress.service.ts';
import { CsrfField, TextField, errorFor, type FieldError } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { WorkspaceFrame, base, type WorkspaceView } from './province-drive.page.tsx';

const frac = (got: number, min: number | null) => `${got}/${min ?? '–'}`;

export function BoardPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  rows: ProgressRow[];
  total: number;
  laggardsOnly: boolean;
}) {
  const t = p.ctx.t.province;
  const b = t.board;
  return (
    <WorkspaceFrame ctx={p.ctx} w={p.w} section="progress" title={b.title}>
      <form method="get" action={`${base(p.w)}/progress`} class="filters">
        <div class="checkboxes__item">
          <input type="checkbox" id="lagging" name="lagging" value="1" checked={p.laggardsOnly} />
          <label for="lagging">{b.onlyLaggards}</label>
        </div>
        <button class="button button--secondary" type="submit">
          {b.filter}
        </button>
      </form>
      <p>
        {b.count(p.rows.length, p.total)} · <a href={`${base(p.w)}/progress.csv`}>{t.csvLink}</a>
      </p>
      <form method="get" action={`${base(p.w)}/reminders`}>
        <div class="table-wrap" tabindex={0}>
          <table id="progress-board">
            <thead>
              <tr>
                <th scope="col">{b.agency}</th>
                <th scope="col">{b.coordinators}</th>
                <th scope="col">{b.mou}</th>
                <th scope="col">{b.iit}</th>
                <th scope="col">{b.eit}</th>
                <th scope="col">{b.oit}</th>
                <th scope="col">{b.review}</th>
                <th scope="col">{b.lastYear}</th>
                <th scope="col">{b.thisYear}</th>
                <th scope="col">{b.lagging}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr
                  data-agency={r.agency.code}
                  class={r.reasons.length ? 'row--warning' : undefined}
                >
                  <th scope="row">
                    <input
                      type="checkbox"
                      name="codes"
                      value={r.agency.code}
                      id={`pick-${r.agency.code}`}
                      checked={r.reasons.length > 0}
                    />
                    <label for={`pick-${r.agency.code}`}>{r.agency.nameTh}</label>
                  </th>
                  <td>{r.coordinators}</td>
                  <td>
                    {!r.mouApplies
                      ? '–'
                      : r.mouPublished
                        ? t.mous.published
                        : r.mouSigned
                          ? t.mous.signed
                          : t.mous.notRecorded}
                  </td>
                  <td data-col="iit">
                    {frac(r.iit, r.iitMin)}
                    {r.reasons.includes('iit') ? (
                      <span class="tag tag--warning"> {b.belowMinimum}</span>
                    ) : null}
                  </td>
                  <td data-col="eit">
                    {frac(r.eit, r.eitMin)}
                    {r.reasons.includes('eit') ? (
                      <span class="tag tag--warning"> {b.belowMinimum}</span>
                    ) : null}
                  </td>
                  <td>
                    {r.oitSubmitted}/{r.oitTotal}
                  </td>
                  <td>{r.review ? (b.reviewStates[r.review] ?? r.review) : '–'}</td>
                  <td>
                    {r.lastYear
                      ? `${formatScore(r.lastYear.overall, p.ctx.lang)} ${r.lastYear.level ?? ''}`
                      : '–'}
                  </td>
                  <td>
                    {r.thisYear
                      ? `${formatScore(r.thisYear.overall, p.ctx.lang)} ${r.thisYear.level ?? ''}`
                      : b.notPublished}
                  </td>
                  <td>
                    <ul class="plain">
                      {r.reasons.map((x) => (
                        <li>{b.reasons[x]}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.w.canEdit ? (
          <button class="button" type="submit">
            {b.remind}
          </button>
        ) : null}
      </form>
    </WorkspaceFrame>
  );
}

export interface ReminderPreview {
  messages: { agency: Agency; to: string[]; subject: string; body: string }[];
  unreachable: Agency[];
}

export function RemindersPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  rows: ProgressRow[];
  chosen: string[];
  templates: { key: string; subject: string; body: string }[];
  templateKey: string;
  subject: string;
  body: string;
  preview: ReminderPreview | null;
  history: {
    id: string;
    subject: string;
    recipients: number;
    sentAt: Date;
    agencyCodes: string[];
  }[];
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const r = p.ctx.t.province.reminders;
  return (
    <WorkspaceFrame
      ctx={p.ctx}
      w={p.w}
      section="reminders"
      title={r.title}
      errors={p.errors}
      notice={p.notice}
    >
      <form method="get" action={`${base(p.w)}/reminders`} class="filters">
        <div class="form-group">
          <label for="template">{r.template}</label>
          <select id="template" name="template">
            {p.templates.map((x) => (
              <option value={x.key} selected={x.key === p.templateKey}>
                {r.templateNames[x.key] ?? x.key}
              </option>
            ))}
          </select>
        </div>
        {p.chosen.map((c) => (
          <input type="hidden" name="codes" value={c} />
        ))}
        <button class="button button--secondary" type="submit">
          {r.template}
        </button>
      </form>
      <form method="post" action={`${base(p.w)}/reminders/preview`}>
        <CsrfField ctx={p.ctx} />
        <input type="hidden" name="template" value={p.templateKey} />
        <fieldset id="codes">
          <legend>{r.agencies}</legend>
          <span class="hint">{r.laggardsHint}</span>
          {errorFor(p.errors, 'codes') ? (
            <span class="error-message">{errorFor(p.errors, 'codes')}</span>
          ) : null}
          {p.rows.map((row) => (
            <div class="checkboxes__item">
              <input
                type="checkbox"
                id={`codes-${row.agency.code}`}
                name="codes"
                value={row.agency.code}
                checked={p.chosen.includes(row.agency.code)}
              />
              <label for={`codes-${row.agency.code}`}>{row.agency.nameTh}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          ctx={p.ctx}
          id="subject"
          label={r.subject}
          value={p.subject}
          error={errorFor(p.errors, 'subject')}
        />
        <div class={`form-group${errorFor(p.errors, 'body') ? ' form-group--error' : ''}`}>
          <label for="body">{r.body}</label>
          <span class="hint">{r.placeholders}</span>
          <textarea id="body" name="body" rows={10}>
            {p.body}
          </textarea>
        </div>
        <button class="button button--secondary" type="submit" name="action" value="preview">
          {r.preview}
        </button>{' '}
        {p.w.canEdit ? (
          <button
            class="button button--secondary"
            type="submit"
            name="action"
            value="save-template"
          >
            {r.saveTemplate}
          </button>
        ) : null}
        {p.preview && p.w.canEdit ? (
          <>
            {' '}
            <button class="button" type="submit" name="action" value="send">
              {r.send}
            </button>
          </>
        ) : null}
      </form>
      {p.preview ? (
        <section id="preview">
          <h2>{r.preview}</h2>
          {p.preview.messages.map((m) => (
            <article class="mail-preview">
              <p>
                <strong>{r.to}:</strong> {m.to.join(', ')}
              </p>
              <p>
                <strong>{m.subject}</strong>
              </p>
              <pre>{m.body}</pre>
            </article>
          ))}
          {p.preview.unreachable.length ? (
            <>
              <h3>{r.unreachable}</h3>
              <ul>
                {p.preview.unreachable.map((a) => (
                  <li>{a.nameTh}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <h2>{r.history}</h2>
      <ul>
        {p.history.map((h) => (
          <li>
            {formatDateTime(h.sentAt, p.ctx.lang)} · {h.subject} · {r.recipients(h.recipients)}
          </li>
        ))}
      </ul>
    </WorkspaceFrame>
  );
}

function actionLabel(ctx: PageContext, fw: Framework, plan: AgencyPlan, a: PlanAction): string {
  const t = ctx.t.province.plan;
  if (a.kind === 'oit_item') {
    const item = fw.oitItems.find((o) => o.code === a.item);
    return t.oitItem(
      a.item,
      item ? (ctx.lang === 'en' ? (item.title.en ?? item.title.th) : item.title.th) : '',
    );
  }
  const ind = fw.indicators.find((i) => i.code === a.indicator);
  const name = ind ? (ctx.lang === 'en' ? (ind.name.en ?? ind.name.th) : ind.name.th) : '';
  return t.indicator(a.indicator, name, formatScore(plan.base.indicators[a.indicator], ctx.lang));
}

export function PlanPage(p: {
  ctx: PageContext;
  w: WorkspaceView;
  lastYear: number;
  framework: Framework | undefined;
  candidates: Agency[];
  agencyCode: string;
  plans: { agency: Agency; plan: AgencyPlan }[];
  provinceActions: { agencyCode: string; action: PlanAction; gain: number; provinceGain: number }[];
  province: ProvinceProjection;
  ticked: string[];
}) {
  const t = p.ctx.t.province.plan;
  const fw = p.framework;
  const whole = p.agencyCode === 'all';
  const rows = whole
    ? p.provinceActions.map((a) => ({
        id: `${a.agencyCode}|${a.action.id}`,
        plan: p.plans.find((x) => x.agency.code === a.agencyCode)!,
        ...a,
      }))
    : (p.plans[0]?.plan.actions ?? []).map((a) => ({
        id: a.action.id,
        plan: p.plans[0]!,
        agencyCode: p.agencyCode,
        provinceGain: 0,
        ...a,
      }));
  const single = whole ? undefined : p.plans[0];
  const rank = (r: number | null | undefined) =>
    r == null ? '–' : t.rankOf(String(r), p.province.provinces);
  return (
    <WorkspaceFrame ctx={p.ctx} w={p.w} section="plan" title={t.title}>
      <p class="lead">{t.lead(p.lastYear)}</p>
      <form method="get" action={`${base(p.w)}/plan`}>
        <div class="form-group">
          <label for="agency">{t.agency}</label>
          <select id="agency" name="agency">
            <option value="all" selected={whole}>
              {t.wholeProvince}
            </option>
            {p.candidates.map((a) => (
              <option value={a.code} selected={a.code === p.agencyCode}>
                {a.nameTh}
              </option>
            ))}
          </select>
        </div>
        <button class="button button--secondary" type="submit">
          {t.choose}
        </button>
      </form>
      {!fw || p.plans.length === 0 ? (
        <p>{t.noData(p.lastYear)}</p>
      ) : (
        <form method="get" action={`${base(p.w)}/plan`}>
          <input type="hidden" name="agency" value={p.agencyCode} />
          <dl class="summary-list" id="plan-result">
            {single ? (
              <>
                <dt>{t.base}</dt>
                <dd id="base-score">
                  {formatScore(single.plan.base.overall, p.ctx.lang)} ({single.plan.base.level})
                </dd>
                <dt>{t.projected}</dt>
                <dd id="projected-score">
                  {formatScore(single.plan.projected.overall, p.ctx.lang)} (
                  {single.plan.projected.level})
                </dd>
                <dt>{t.shortfall}</dt>
                <dd>
                  {single.plan.shortfall === null
                    ? '–'
                    : single.plan.shortfall > 0
                      ? t.shortBy(formatScore(single.plan.shortfall, p.ctx.lang))
                      : t.passes}
                </dd>
              </>
            ) : null}
            <dt>{t.provinceScore}</dt>
            <dd id="province-score">
              {t.before} {formatScore(p.province.before?.score, p.ctx.lang)} → {t.after}{' '}
              {formatScore(p.province.after?.score, p.ctx.lang)}
            </dd>
            <dt>{t.provinceRank}</dt>
            <dd id="province-rank">
              {rank(p.province.before?.rank)} → {rank(p.province.after?.rank)}
            </dd>
          </dl>
          <div class="table-wrap" tabindex={0}>
            <table id="plan-actions">
              <thead>
                <tr>
                  <th scope="col">{t.action}</th>
                  <th scope="col">{t.gain}</th>
                  {whole ? <th scope="col">{t.provinceGain}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <input
                        type="checkbox"
                        name="tick"
                        value={r.id}
                        id={`tick-${r.id}`}
                        checked={p.ticked.includes(r.id)}
                      />
                      <label for={`tick-${r.id}`}>
                        {whole ? `${r.plan.agency.nameTh}: ` : ''}
                        {actionLabel(p.ctx, fw, r.plan.plan, r.action)}
                      </label>
                    </th>
                    <td>+{formatScore(r.gain, p.ctx.lang)}</td>
                    {whole ? <td>+{formatScore(r.provinceGain, p.ctx.lang)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint">{t.stepNote}</p>
          <button class="button" type="submit" id="compute">
            {t.compute}
          </button>
        </form>
      )}
    </WorkspaceFrame>
  );
}
