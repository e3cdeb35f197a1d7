// "How this score was calculated" (issue 13.6): every step from answer counts to the published
// overall score, as tables with captions (no script needed). The figures come from the scorer's
// card (domain/scoring/working.ts); this page only prints them.
import { agencyName, type Agency } from '../../domain/agency.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import { fullPrecisionText } from '../../domain/scoring/rounding.ts';
import type { ScoreWorking } from '../../domain/scoring/working.ts';
import { formatScore } from '../../i18n/format.ts';
import { TableHead } from '../components/data-table.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { FrameworkUsed, PublicationBanner, tx, type YearInfo } from './results-parts.tsx';
import { ToolSection } from './agency-calculation-steps.tsx';

export function AgencyCalculationPage({
  ctx,
  agency,
  year,
  framework,
  working,
  matchesCard,
}: {
  ctx: PageContext;
  agency: Agency;
  year: YearInfo;
  framework: Framework;
  working: ScoreWorking;
  matchesCard: boolean;
}) {
  const { lang } = ctx;
  const r = ctx.t.results;
  const m = r.calculation;
  const name = agencyName(agency, lang);
  const score = (n: number | null | undefined) => formatScore(n, lang);
  const full = (n: number | null | undefined) =>
    typeof n === 'number' && Number.isFinite(n) ? fullPrecisionText(n) : '–';
  const report = `/results/${year.fiscalYear}/agencies/${encodeURIComponent(agency.code)}`;
  const level = working.level;
  return (
    <Layout ctx={ctx} title={m.title(name)}>
      <p class="no-print">
        <a href={report}>‹ {m.back}</a>
      </p>
      <PublicationBanner ctx={ctx} year={year} />
      <h1>
        <span class="caption">
          {m.heading} {r.yearLabel(String(year.fiscalYear))}
        </span>
        {name}
      </h1>
      <p class="lead">{m.lead}</p>
      <FrameworkUsed ctx={ctx} framework={framework} />
      <p>{m.rounding}</p>
      <p>
        {m.checkYourself} <a href="/open-data">{m.openData}</a>
      </p>
      {!matchesCard && (
        <div class="notice notice--warning" role="note" data-testid="stale">
          <strong>{m.stale}</strong>
        </div>
      )}
      <nav aria-label={m.contents}>
        <h2 class="visually-hidden">{m.contents}</h2>
        <ul>
          <li>
            <a href="#overall">{m.overallTitle}</a>
          </li>
          {working.tools.map((t) => (
            <li>
              <a href={`#tool-${t.tool}`}>
                {t.tool} {tx(t.name, lang)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="overall" data-testid="overall-working">
        <h2>{m.overallTitle}</h2>
        <p>{m.overallRule}</p>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="overall-table">
            <caption>{m.overallCaption}</caption>
            <TableHead
              columns={[
                { header: r.report.tool },
                { header: r.score, num: true },
                { header: m.weight, num: true },
                { header: m.contribution, num: true },
              ]}
            />
            <tbody>
              {working.tools.map((t) => (
                <tr data-testid={`tool-row-${t.tool}`}>
                  <th scope="row">
                    {t.tool} {tx(t.name, lang)}
                  </th>
                  <td class="num" data-testid={`tool-${t.tool}`}>
                    {score(t.score)}
                  </td>
                  <td class="num">{String(t.weight)}</td>
                  <td class="num">{full(t.contribution)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">
                  {m.total} ({m.fullPrecision})
                </th>
                <td colspan={2} />
                <td class="num" data-testid="overall-full">
                  {full(working.overall)}
                </td>
              </tr>
              <tr>
                <th scope="row">{m.published}</th>
                <td colspan={2} />
                <td class="num" data-testid="overall">
                  <strong>{score(working.overall)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {working.overall === null || !level ? (
          <p>{m.noOverall}</p>
        ) : (
          <p data-testid="level">{m.levelRule(score(working.overall), level.code)}</p>
        )}
        <div class="table-wrap" tabindex={0}>
          <table>
            <caption>{m.levelsCaption}</caption>
            <TableHead
              columns={[
                { header: m.levelCode },
                { header: m.minOverall, num: true },
                ...(working.levels.some((l) => l.minEachTool !== undefined)
                  ? [{ header: m.minEachTool, num: true }]
                  : []),
                { header: m.passes },
              ]}
            />
            <tbody>
              {working.levels.map((l) => (
                <tr aria-current={level?.code === l.code ? 'true' : undefined}>
                  <th scope="row">
                    {level?.code === l.code ? <strong>{l.code}</strong> : l.code}{' '}
                    <span class="muted">{tx(l.name, lang)}</span>
                  </th>
                  <td class="num">{score(l.minOverall)}</td>
                  {working.levels.some((x) => x.minEachTool !== undefined) && (
                    <td class="num">{score(l.minEachTool)}</td>
                  )}
                  <td>{l.passes ? m.yes : m.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {working.tools.map((t) => (
        <ToolSection ctx={ctx} framework={framework} working={working} tool={t} />
      ))}
    </Layout>
  );
}
