// The home page: what the system is, a search box for any agency, and the latest published
// year's national summary with provinces ranked by combined score.
import { compareThai, formatInteger, formatScore } from '../../i18n/format.ts';
import type { ProvinceScore, Summary } from '../../domain/scoring/index.ts';
import { BarChart } from '../components/charts.tsx';
import { ChartTable } from '../components/data-table.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { Announcement, Coverage, type YearResultsModel } from './results-parts.tsx';

/** The latest published year on the home page: the national summary and the provinces' scores. */
export interface HomeResultsModel extends YearResultsModel {
  national: Summary;
  provinces: ProvinceScore[];
}

export function HomePage({
  ctx,
  agencyCount,
  results,
}: {
  ctx: PageContext;
  agencyCount: number;
  results?: HomeResultsModel;
}) {
  const h = ctx.t.common.home;
  return (
    <Layout ctx={ctx} title={h.title}>
      <h1>{h.title}</h1>
      <p class="lead">{h.lead}</p>
      <form method="get" action="/agencies" role="search">
        <div class="form-group">
          <label for="home-q">{h.searchLabel}</label>
          <span class="hint" id="home-q-hint">
            {h.searchHint}
          </span>
          <input type="search" id="home-q" name="q" aria-describedby="home-q-hint" />
        </div>
        <button type="submit">{h.searchButton}</button>
      </form>
      <p class="muted">{h.agenciesCount(formatInteger(agencyCount, ctx.lang))}</p>
      {results ? <LatestResults ctx={ctx} view={results} /> : <p>{ctx.t.results.home.noResults}</p>}
    </Layout>
  );
}

function LatestResults({ ctx, view }: { ctx: PageContext; view: HomeResultsModel }) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.home;
  const y = String(view.year.fiscalYear);
  const s = view.national;
  const pct = (share: number) => formatScore(share * 100, lang);
  const ranked = view.provinces.filter((p) => p.score !== null);
  return (
    <section class="latest" data-testid="latest">
      <h2>{m.latest(y)}</h2>
      <Announcement ctx={ctx} year={view.year} />
      <dl class="summary-list">
        <dt>{r.summary.agencies}</dt>
        <dd>{formatInteger(s.assessed, lang)}</dd>
        <dt>{m.nationalMean}</dt>
        <dd data-testid="national-mean">{formatScore(s.meanOverall, lang)}</dd>
        <dt>{m.passShare}</dt>
        <dd>
          {r.summary.passingOf(
            formatInteger(s.passing.count, lang),
            pct(s.passing.share),
            pct(view.framework.nationalTargetShare),
          )}
        </dd>
      </dl>
      <Coverage
        ctx={ctx}
        agencies={s.agencies}
        provinces={view.provinces.map((p) => p.province).sort(compareThai)}
      />
      <ul class="link-list">
        <li>
          <a href={`/results/${y}/summary`}>{r.summary.title(y)}</a>
        </li>
        <li>
          <a href={`/results/${y}/rankings`}>{r.rankings.title(y)}</a>
        </li>
        <li>
          <a href="/open-data">{r.openData.title}</a>
        </li>
      </ul>
      <h3>{m.provincesTitle}</h3>
      <div class="chart-with-table">
        <BarChart
          id="home-provinces"
          alt={`${m.provincesTitle}: ${ranked
            .slice(0, 10)
            .map((p) => `${p.province} ${formatScore(p.score, lang)}`)
            .join(', ')}`}
          bars={ranked.slice(0, 10).map((p) => ({
            label: `${p.rank}. ${p.province}`,
            value: p.score,
            text: formatScore(p.score, lang),
          }))}
          target={{
            value: view.framework.passMark,
            label: r.report.passLine(formatScore(view.framework.passMark, lang)),
          }}
        />
        <div class="table-wrap" tabindex={0}>
          <ChartTable
            testId="provinces"
            caption={m.provincesTitle}
            rows={ranked}
            columns={[
              { header: r.rankings.rank, num: true, cell: (p) => String(p.rank) },
              {
                header: r.rankings.province,
                rowHeader: true,
                cell: (p) => (
                  <a
                    href={`/results/${y}/rankings?scope=province&province=${encodeURIComponent(p.province)}`}
                  >
                    {p.province}
                  </a>
                ),
              },
              { header: r.rankings.combined, num: true, cell: (p) => formatScore(p.score, lang) },
            ]}
          />
        </div>
      </div>
    </section>
  );
}
