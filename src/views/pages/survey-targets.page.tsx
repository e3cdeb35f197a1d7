// Provinces and the NACC: every agency below its minimum sample, sortable, exportable as CSV.
import type { SurveyTool } from '../../domain/framework/schema.ts';
import { formatInteger } from '../../i18n/format.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { AnomalyView, ToolProgressView } from './survey-links.page.tsx';

export interface TargetRowView {
  agencyCode: string;
  nameTh: string;
  province: string | null;
  IIT: ToolProgressView & { below: boolean };
  EIT: ToolProgressView & { below: boolean };
}

const SORTS = ['name', 'iit_gap', 'eit_gap', 'iit_share', 'eit_share'] as const;

export function SurveyTargetsPage(p: {
  ctx: PageContext;
  year: number;
  province: string;
  provinces: string[];
  sort: string;
  rows: TargetRowView[];
  anomalies: (AnomalyView & { agencyCode: string })[];
}) {
  const { ctx } = p;
  const s = ctx.t.surveys.targets;
  const n = (v: number | null) => (v === null ? s.notEntered : formatInteger(v, ctx.lang));
  const flags = (code: string) =>
    p.anomalies.filter((a) => a.agencyCode === code).reduce((sum, a) => sum + a.occurrences, 0);
  const csvHref = `/survey-targets.csv?year=${p.year}${p.province ? `&province=${encodeURIComponent(p.province)}` : ''}&sort=${p.sort}`;
  const cell = (t: TargetRowView['IIT'], tool: SurveyTool) => (
    <td class={`num${t.below ? ' below' : ''}`} data-tool={tool}>
      {formatInteger(t.count, ctx.lang)} / {n(t.minimum)}
    </td>
  );
  return (
    <Layout ctx={ctx} title={s.belowTitle}>
      <h1>{s.belowTitle}</h1>
      <p>{ctx.t.surveys.links.year(String(p.year))}</p>
      <form method="get" action="/survey-targets" class="filters">
        <input type="hidden" name="year" value={String(p.year)} />
        <div class="form-group">
          <label for="province">{s.province}</label>
          <select id="province" name="province">
            <option value="">{s.allProvinces}</option>
            {p.provinces.map((pr) => (
              <option value={pr} selected={pr === p.province}>
                {pr}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="sort">{s.sortBy}</label>
          <select id="sort" name="sort">
            {SORTS.map((k) => (
              <option value={k} selected={k === p.sort}>
                {s.sort[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{s.show}</button>
      </form>
      <p role="status">{s.count(formatInteger(p.rows.length, ctx.lang))}</p>
      {(p.rows[0]?.IIT.countStep ?? 1) > 1 ? (
        <p class="hint">{s.countStep(String(p.rows[0]!.IIT.countStep))}</p>
      ) : null}
      <p>
        <a href={csvHref} download>
          {s.csv}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{s.col.agency}</th>
                <th scope="col" class="num">
                  IIT {s.col.count} / {s.col.minimum}
                </th>
                <th scope="col" class="num">
                  EIT {s.col.count} / {s.col.minimum}
                </th>
                <th scope="col" class="num">
                  {s.col.daysLeft}
                </th>
                <th scope="col" class="num">
                  {ctx.t.surveys.anomalies.title}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <th scope="row">
                    {r.nameTh}
                    <span class="muted"> {r.agencyCode}</span>
                  </th>
                  {cell(r.IIT, 'IIT')}
                  {cell(r.EIT, 'EIT')}
                  <td class="num">
                    {formatInteger(Math.max(r.IIT.daysLeft, r.EIT.daysLeft), ctx.lang)}
                  </td>
                  <td class="num">{formatInteger(flags(r.agencyCode), ctx.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
