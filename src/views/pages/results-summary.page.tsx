// Summaries per agency type ("สรุปผล"): agencies, respondents, mean, mean per indicator, agencies
// per level (counts, shares and a bar chart) and the pass share against the national target.
import { agencyTypeName } from '../../domain/agency.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import type { Summary, TypeSummary } from '../../domain/scoring/index.ts';
import { formatInteger, formatScore } from '../../i18n/format.ts';
import { BarChart } from '../components/charts.tsx';
import { ChartTable } from '../components/data-table.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import {
  Announcement,
  Coverage,
  DownloadLinks,
  PublicationBanner,
  tx,
  type YearResultsModel,
} from './results-parts.tsx';

/** The summary page's model: national figures and each agency type's, for one year. */
export interface SummaryModel extends YearResultsModel {
  national: Summary;
  byType: TypeSummary[];
  /** Provinces with results this year (what "all agencies" covers), in Thai order. */
  provinces: string[];
}

export function SummaryPage({ ctx, view }: { ctx: PageContext; view: SummaryModel }) {
  const m = ctx.t.results.summary;
  const y = String(view.year.fiscalYear);
  const base = `/results/${y}/summary?format=`;
  return (
    <Layout ctx={ctx} title={m.title(y)}>
      <PublicationBanner ctx={ctx} year={view.year} />
      <h1>{m.title(y)}</h1>
      <Announcement ctx={ctx} year={view.year} />
      <Coverage ctx={ctx} agencies={view.national.agencies} provinces={view.provinces} />
      <p>
        <a href={`/results/${y}/rankings`}>{ctx.t.results.rankings.title(y)}</a>
      </p>
      <DownloadLinks
        ctx={ctx}
        links={[
          { href: `${base}csv`, label: ctx.t.results.downloadCsv },
          { href: `${base}xlsx`, label: ctx.t.results.downloadXlsx },
          { href: `${base}json`, label: ctx.t.results.downloadJson },
        ]}
      />
      <nav aria-label={m.contents} class="no-print">
        <h2>{m.contents}</h2>
        <ul>
          <li>
            <a href="#national">{m.national}</a>
          </li>
          {view.byType.map((s) => (
            <li>
              <a href={`#type-${s.type}`}>{agencyTypeName(s.type, ctx.lang)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <SummarySection
        ctx={ctx}
        id="national"
        title={m.national}
        framework={view.framework}
        s={view.national}
      />
      {view.byType.map((s) => (
        <SummarySection
          ctx={ctx}
          id={`type-${s.type}`}
          title={agencyTypeName(s.type, ctx.lang)}
          framework={view.framework}
          s={s}
        />
      ))}
    </Layout>
  );
}

export function SummarySection({
  ctx,
  id,
  title,
  framework,
  s,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  framework: Framework;
  s: Summary;
}) {
  const { lang } = ctx;
  const m = ctx.t.results.summary;
  const score = (n: number | null | undefined) => formatScore(n, lang);
  const pct = (share: number) => formatScore(share * 100, lang);
  const levels = framework.levels.map((l) => ({
    code: l.code,
    ...(s.levels[l.code] ?? { count: 0, share: 0 }),
  }));
  const maxCount = Math.max(1, ...levels.map((l) => l.count));
  return (
    <section id={id} class="summary-section avoid-break" data-testid={id}>
      <h2>{title}</h2>
      <dl class="summary-list">
        <dt>{m.agencies}</dt>
        <dd data-testid="agencies">{formatInteger(s.agencies, lang)}</dd>
        <dt>{m.assessed}</dt>
        <dd>{formatInteger(s.assessed, lang)}</dd>
        <dt>{m.respondentsIit}</dt>
        <dd>{formatInteger(s.respondents.IIT, lang)}</dd>
        <dt>{m.respondentsEit}</dt>
        <dd>{formatInteger(s.respondents.EIT, lang)}</dd>
        <dt>{m.mean}</dt>
        <dd data-testid="mean">{score(s.meanOverall)}</dd>
        {s.belowMinimum > 0 ? (
          <>
            <dt class="below-minimum">{m.belowMinimum}</dt>
            <dd data-testid="below-minimum">{formatInteger(s.belowMinimum, lang)}</dd>
          </>
        ) : null}
      </dl>
      <p data-testid="passing">
        {m.passingOf(
          formatInteger(s.passing.count, lang),
          pct(s.passing.share),
          pct(framework.nationalTargetShare),
        )}{' '}
        <span class={s.meetsNationalTarget ? 'tag tag--pass' : 'tag tag--fail'}>
          {s.meetsNationalTarget ? m.meets : m.misses}
        </span>
      </p>
      <div class="table-wrap" tabindex={0}>
        <table>
          <caption>{m.indicatorMeans}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t.results.report.indicator}</th>
              <th scope="col" class="num">
                {m.mean}
              </th>
            </tr>
          </thead>
          <tbody>
            {framework.indicators.map((ind) => (
              <tr>
                <th scope="row">
                  {ind.code}. {tx(ind.name, lang)}
                </th>
                <td class="num">{score(s.indicatorMeans[ind.code])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{m.levels}</h3>
      <div class="chart-with-table">
        <BarChart
          id={`${id}-levels`}
          alt={m.levelsAlt(levels.map((l) => `${l.code} ${l.count}`).join(', '))}
          bars={levels.map((l) => ({
            label: l.code,
            value: l.count,
            text: `${formatInteger(l.count, lang)} (${pct(l.share)}%)`,
          }))}
          max={maxCount}
        />
        <ChartTable
          caption={m.levels}
          rows={levels}
          columns={[
            { header: ctx.t.results.level, rowHeader: true, cell: (l) => l.code },
            { header: m.count, num: true, cell: (l) => formatInteger(l.count, lang) },
            { header: m.share, num: true, cell: (l) => pct(l.share) },
          ]}
        />
      </div>
    </section>
  );
}
