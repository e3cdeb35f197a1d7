// The publication page's preview: what visitors will see once the year is published (the national
// and per-type summary and the first ranking rows).
import { agencyName, agencyTypeName } from '../../domain/agency.ts';
import { formatInteger, formatScore } from '../../i18n/format.ts';
import { ChartTable } from '../components/data-table.tsx';
import type { PageContext } from '../page-context.ts';
import type { PublicationModel } from './admin-publication.model.ts';
import { PassTag } from './results-parts.tsx';

export function PublicationPreview({ ctx, view }: { ctx: PageContext; view: PublicationModel }) {
  const p = ctx.t.publication;
  const { lang } = ctx;
  const y = String(view.year.fiscalYear);
  const { preview } = view;
  const int = (n: number) => formatInteger(n, lang);
  return (
    <section aria-labelledby="preview" data-testid="preview">
      <h2 id="preview">{p.previewTitle}</h2>
      {!preview.summary || preview.summary.national.agencies === 0 ? (
        <p>{p.previewNone}</p>
      ) : (
        <>
          <h3>{p.previewTypes}</h3>
          <ChartTable
            testId="preview-summary"
            caption={p.previewTypes}
            rows={[
              { label: p.previewNational, s: preview.summary.national },
              ...preview.summary.byType.map((s) => ({
                label: agencyTypeName(s.type, lang),
                s,
              })),
            ]}
            columns={[
              { header: ctx.t.results.rankings.type, rowHeader: true, cell: (r) => r.label },
              {
                header: ctx.t.results.summary.agencies,
                num: true,
                cell: (r) => int(r.s.agencies),
              },
              {
                header: ctx.t.results.summary.assessed,
                num: true,
                cell: (r) => int(r.s.assessed),
              },
              {
                header: ctx.t.results.summary.mean,
                num: true,
                cell: (r) => formatScore(r.s.meanOverall, lang),
              },
              {
                header: ctx.t.results.summary.passing,
                num: true,
                cell: (r) => int(r.s.passing.count),
              },
            ]}
          />
          {preview.rankings?.kind === 'agencies' && (
            <>
              <h3>{p.previewRankings(int(preview.rankings.rows.length))}</h3>
              <ChartTable
                testId="preview-rankings"
                caption={ctx.t.results.rankings.title(y)}
                rows={preview.rankings.rows}
                columns={[
                  { header: ctx.t.results.rankings.rank, num: true, cell: (r) => int(r.rank) },
                  {
                    header: ctx.t.results.rankings.agency,
                    rowHeader: true,
                    cell: (r) => agencyName(r, lang),
                  },
                  {
                    header: ctx.t.results.rankings.type,
                    cell: (r) => agencyTypeName(r.type, lang, 'one'),
                  },
                  {
                    header: ctx.t.results.score,
                    num: true,
                    cell: (r) => formatScore(r.overall, lang),
                  },
                  { header: ctx.t.results.level, cell: (r) => r.level ?? '–' },
                  {
                    header: ctx.t.results.rankings.pass,
                    cell: (r) => <PassTag ctx={ctx} passed={r.passed} />,
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
