// One agency's report for a year, modelled on the NACC's printed report: scores, trend,
// recommendations, per-question answer shares, OIT comments and who answered. Prints on A4.
import { agencyName, type Agency } from '../../domain/agency.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import type { AgencyReport } from '../../domain/reports/agency-report.ts';
import { formatDate, formatInteger, formatScore } from '../../i18n/format.ts';
import { BarChart, LineChart } from '../components/charts.tsx';
import { ChartTable } from '../components/data-table.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import {
  DownloadLinks,
  FrameworkUsed,
  PassTag,
  PublicationBanner,
  tx,
  type YearInfo,
} from './results-parts.tsx';
import { AnswerShares, OitComments, WhoAnsweredSection } from './agency-report-sections.tsx';

export function AgencyReportPage({
  ctx,
  agency,
  year,
  framework,
  report,
  pdfAvailable,
}: {
  ctx: PageContext;
  agency: Agency;
  year: YearInfo;
  framework: Framework;
  report: AgencyReport;
  pdfAvailable: boolean;
}) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.report;
  const name = agencyName(agency, lang);
  const score = (n: number | null | undefined) => formatScore(n, lang);
  const base = `/results/${year.fiscalYear}/agencies/${encodeURIComponent(agency.code)}`;
  const target = score(report.passMark);
  const passLine = { value: report.passMark, label: m.passLine(target) };
  return (
    <Layout ctx={ctx} title={m.title(name)}>
      <p class="no-print">
        <a href={`/agencies/${encodeURIComponent(agency.code)}`}>‹ {name}</a>
      </p>
      <PublicationBanner ctx={ctx} year={year} />
      <h1>
        <span class="caption">
          {m.heading} {r.yearLabel(String(year.fiscalYear))}
        </span>
        {name}
      </h1>
      <div class="report-headline" data-testid="headline">
        <div>
          <span class="report-headline__label">{m.overall}</span>
          <span class="report-headline__score" data-testid="overall">
            {score(report.overall)}
          </span>
        </div>
        <div>
          <span class="report-headline__label">{r.level}</span>
          <span class="report-headline__score" data-testid="level">
            {report.level ?? '–'}
          </span>
        </div>
        <div>
          <PassTag ctx={ctx} passed={report.passed} />
          <span class="muted"> {m.passMark(target)}</span>
        </div>
      </div>
      <FrameworkUsed ctx={ctx} framework={framework} />
      {report.sample.some((s) => s.below) ? (
        <div class="notice notice--warning" data-testid="below-minimum">
          <p>
            <strong>{m.belowMinimumTitle}</strong>
          </p>
          <ul>
            {report.sample
              .filter((s) => s.below)
              .map((s) => (
                <li>
                  {m.belowMinimumTool(
                    s.tool,
                    formatInteger(s.respondents, lang),
                    formatInteger(s.minimum ?? 0, lang),
                  )}
                </li>
              ))}
          </ul>
          <p>
            {report.belowMinimumRule === 'not_scored'
              ? m.belowMinimumNotScored
              : m.belowMinimumScored}
          </p>
        </div>
      ) : null}
      <DownloadLinks
        ctx={ctx}
        links={[
          { href: `${base}.xlsx`, label: r.downloadXlsx },
          ...(pdfAvailable ? [{ href: `${base}.pdf`, label: r.downloadPdf }] : []),
        ]}
      />
      <p class="muted no-print">{r.print}</p>
      <p class="no-print">
        <a href={`${base}/calculation`} data-testid="calculation-link">
          {r.calculation.link}
        </a>
      </p>

      <section class="avoid-break">
        <h2>{m.toolsTitle}</h2>
        <div class="chart-with-table">
          <BarChart
            id="tools-chart"
            alt={`${m.toolsTitle}: ${report.tools.map((t) => `${t.tool} ${score(t.score)}`).join(', ')}`}
            bars={report.tools.map((t) => ({
              label: `${t.tool} ${tx(t.name, lang)}`,
              value: t.score,
              text: score(t.score),
            }))}
            target={passLine}
          />
          <ChartTable
            testId="tools"
            caption={r.chartTable}
            rows={report.tools}
            columns={[
              { header: m.tool, rowHeader: true, cell: (t) => `${t.tool} ${tx(t.name, lang)}` },
              { header: r.score, num: true, cell: (t) => score(t.score) },
            ]}
          />
        </div>
      </section>

      <section class="avoid-break">
        <h2>{m.indicatorsTitle}</h2>
        <div class="chart-with-table">
          <BarChart
            id="indicators-chart"
            alt={`${m.indicatorsTitle}: ${report.indicators.map((i) => `${tx(i.name, lang)} ${score(i.score)}`).join(', ')}`}
            bars={report.indicators.map((i) => ({
              label: `${i.rank}. ${tx(i.name, lang)}`,
              value: i.score,
              text: score(i.score),
            }))}
            target={passLine}
          />
          <ChartTable
            testId="indicators"
            caption={r.chartTable}
            rows={report.indicators}
            columns={[
              { header: m.rank, cell: (i) => String(i.rank) },
              { header: m.indicator, rowHeader: true, cell: (i) => tx(i.name, lang) },
              { header: m.tool, cell: (i) => i.tool },
              { header: r.score, num: true, cell: (i) => score(i.score) },
            ]}
          />
        </div>
      </section>

      {report.trend.length > 0 && (
        <section class="avoid-break">
          <h2>{m.trendTitle}</h2>
          <div class="chart-with-table">
            <LineChart
              id="trend-chart"
              alt={m.trendAlt(
                report.trend.map((p) => `${p.fiscalYear} ${score(p.overall)}`).join(', '),
              )}
              points={report.trend.map((p) => ({
                label: String(p.fiscalYear),
                value: p.overall,
                text: score(p.overall),
              }))}
              target={passLine}
            />
            <ChartTable
              testId="trend"
              caption={r.chartTable}
              rows={report.trend}
              columns={[
                { header: m.year, rowHeader: true, cell: (p) => String(p.fiscalYear) },
                { header: m.overall, num: true, cell: (p) => score(p.overall) },
              ]}
            />
          </div>
        </section>
      )}

      <section data-testid="recommendations">
        <h2>{m.recommendationsTitle}</h2>
        {report.recommendations.length === 0 ? (
          <p>{m.recommendationsNone(target)}</p>
        ) : (
          <p data-testid="recommendations-opening">
            {m.recommendationsOpening({
              year: String(year.fiscalYear),
              share: formatInteger(Math.round(report.targetShare * 100), lang),
              // As the NACC writes it: "85 คะแนนขึ้นไป", the mark, not a two-decimal score.
              target: String(report.passMark),
              tools: report.tools.map((t) => t.tool).join(' '),
              indicators: formatInteger(report.indicatorCount, lang),
              passing: report.tools
                .filter((t) => t.score !== null && !t.belowTarget)
                .map((t) => t.tool)
                .join(' '),
              below: report.tools
                .filter((t) => t.belowTarget)
                .map((t) => t.tool)
                .join(' '),
            })}
          </p>
        )}
        {report.recommendations.length > 0 &&
          report.recommendations.map((rec) => (
            <div class="recommendation">
              {rec.belowTarget && <h3>{m.belowTarget(rec.tool, score(rec.score), target)}</h3>}
              {!rec.belowTarget && <h3>{rec.tool}</h3>}
              <p>{tx(rec.intro, lang)}</p>
              <ol>
                {rec.indicators.map((ind) => (
                  <li>
                    <strong>{m.indicatorBelow(tx(ind.name, lang), score(ind.score))}</strong>
                    <ul>
                      {ind.actions.map((a) => (
                        <li>{tx(a, lang)}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </div>
          ))}
      </section>

      <AnswerShares ctx={ctx} framework={framework} report={report} />

      <OitComments ctx={ctx} report={report} />

      <WhoAnsweredSection ctx={ctx} report={report} />

      <section data-testid="work-environment" class="avoid-break">
        <h2>{m.workTitle(String(year.fiscalYear))}</h2>
        <dl class="summary-list">
          <dt>{m.headcount}</dt>
          <dd>
            {report.workEnvironment.headcount === null
              ? m.headcountNone
              : m.headcountValue(formatInteger(report.workEnvironment.headcount, lang))}
          </dd>
          <dt>{m.happiness}</dt>
          <dd class="muted">{m.happinessNotCollected}</dd>
        </dl>
      </section>
      {year.publishedAt && <p class="muted">{r.publishedOn(formatDate(year.publishedAt, lang))}</p>}
    </Layout>
  );
}
