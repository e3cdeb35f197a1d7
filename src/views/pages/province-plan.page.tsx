// The province workspace's plan to pass: each agency's actions and the province's projection.
import type { Agency } from '../../domain/agency.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import type { AgencyPlan, PlanAction, ProvinceProjection } from '../../domain/improvement-plan.ts';
import { formatScore } from '../../i18n/format.ts';
import type { PageContext } from '../page-context.ts';
import { WorkspaceFrame, base, type WorkspaceView } from './province-workspace.tsx';

export function actionLabel(
  ctx: PageContext,
  fw: Framework,
  plan: AgencyPlan,
  a: PlanAction,
): string {
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
