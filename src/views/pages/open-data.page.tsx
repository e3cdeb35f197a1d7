// The open data page: every published year's downloads, the API and its OpenAPI description,
// and the licence (CC BY 4.0).
import { minRespondentsShown } from '../../domain/scoring/working.ts';
import { formatDate, formatInteger } from '../../i18n/format.ts';
import type { Framework } from '../../domain/framework/schema.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { YearInfo, YearResultsModel } from './results-parts.tsx';

export function OpenDataPage({
  ctx,
  years: list,
}: {
  ctx: PageContext;
  years: YearResultsModel[];
}) {
  // Each year with its own framework (shipped or imported): the threshold it states.
  const years = list.map((y) => ({ ...y.year, framework: y.framework }));
  const r = ctx.t.results;
  const m = r.openData;
  const formats = [
    ['csv', r.downloadCsv],
    ['xlsx', r.downloadXlsx],
    ['json', r.downloadJson],
  ] as const;
  const files = (y: number) => [
    { title: m.rankingsFile, href: (f: string) => `/results/${y}/rankings?format=${f}` },
    {
      title: m.provincesFile,
      href: (f: string) => `/results/${y}/rankings?scope=provinces&format=${f}`,
    },
    { title: m.summaryFile, href: (f: string) => `/results/${y}/summary?format=${f}` },
  ];
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <h2>{m.downloadsTitle}</h2>
      {years.length === 0 && <p>{m.none}</p>}
      {[...years].reverse().map((y) => (
        <section data-testid={`year-${y.fiscalYear}`}>
          <h3>
            {r.yearLabel(String(y.fiscalYear))}
            {y.publishedAt && (
              <span class="muted"> – {r.publishedOn(formatDate(y.publishedAt, ctx.lang))}</span>
            )}
          </h3>
          <div class="table-wrap" tabindex={0}>
            <table>
              <caption class="visually-hidden">{r.yearLabel(String(y.fiscalYear))}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.downloadsTitle}</th>
                  {formats.map(([, label]) => (
                    <th scope="col">{label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {files(y.fiscalYear).map((f) => (
                  <tr>
                    <th scope="row">{f.title}</th>
                    {formats.map(([fmt]) => (
                      <td>
                        <a
                          href={f.href(fmt)}
                          download
                          aria-label={`${f.title} ${fmt.toUpperCase()}`}
                        >
                          {fmt.toUpperCase()}
                        </a>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RecomputeFiles ctx={ctx} year={y} />
        </section>
      ))}
      <h2>{m.apiTitle}</h2>
      <p>
        {m.apiLead}: <a href="/api/openapi.json">/api/openapi.json</a>
      </p>
      <ul class="code-list">
        <li>
          <code>GET /api/v1/years/{'{year}'}/results</code>
        </li>
        <li>
          <code>GET /api/v1/years/{'{year}'}/summary</code>
        </li>
        <li>
          <code>GET /api/v1/years/{'{year}'}/rankings</code>
        </li>
      </ul>
      <h2>{m.licenceTitle}</h2>
      <p data-testid="licence">
        {m.licence}{' '}
        <a
          href="https://creativecommons.org/licenses/by/4.0/deed.th"
          rel="license noopener noreferrer"
        >
          CC BY 4.0
        </a>
      </p>
    </Layout>
  );
}

/** The files that let anyone recompute the year's published figures (`itas verify`). */
function RecomputeFiles({
  ctx,
  year,
}: {
  ctx: PageContext;
  year: YearInfo & { framework: Framework };
}) {
  const m = ctx.t.results.openData;
  const base = `/open-data/${year.fiscalYear}`;
  const files = [
    { title: m.resultsFile, links: ['results.json', 'results.csv'] },
    { title: m.answerCountsFile, links: ['answer-counts.csv'] },
    { title: m.oitScoresFile, links: ['oit-scores.csv'] },
    { title: m.frameworkFile, links: ['framework.json'] },
  ];
  return (
    <div data-testid={`recompute-${year.fiscalYear}`}>
      <h4>{m.recomputeTitle}</h4>
      <p>{m.recomputeLead(formatInteger(minRespondentsShown(year.framework), ctx.lang))}</p>
      <ul>
        {files.map((f) => (
          <li>
            {f.title}:{' '}
            {f.links.map((file, i) => (
              <>
                {i > 0 && ', '}
                <a href={`${base}/${file}`} download>
                  {file}
                </a>
              </>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
