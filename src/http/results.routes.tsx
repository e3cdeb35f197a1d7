// Results pages: an agency's report (HTML, XLSX, PDF), summaries per type and rankings (HTML,
// CSV, XLSX, JSON). A result the visitor may not see is a 404, exactly like one that does not exist.
import { Hono, type Context } from 'hono';
import {
  RANKING_SCOPES,
  RANKING_SORTS,
  type RankingQuery,
} from '../domain/reports/ranking-view.ts';
import { agencyReportXlsx } from '../exports/agency-report-xlsx.ts';
import { pdfAvailable, renderPdf } from '../exports/pdf.ts';
import './openapi-results.ts';
import {
  agencyRankingTable,
  provinceRankingTable,
  summaryTable,
} from '../exports/results-tables.ts';
import {
  EXPORT_FORMATS,
  writeTable,
  type ExportFormat,
  type ExportTable,
} from '../exports/table-export.ts';
import { AgencyReportPage } from '../views/pages/agency-report.page.tsx';
import { RankingsPage } from '../views/pages/rankings.page.tsx';
import { SummaryPage } from '../views/pages/results-summary.page.tsx';
import { ANONYMOUS } from '../domain/actor.ts';
import { OpenDataPage } from '../views/pages/open-data.page.tsx';
import { pageContext } from './app.tsx';
import type { AppEnv } from './context.ts';

export const resultsRoutes = new Hono<AppEnv>();

const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

async function download(c: Context<AppEnv>, table: ExportTable, format: ExportFormat) {
  const out = await writeTable(table, format);
  return c.body(typeof out.body === 'string' ? out.body : new Uint8Array(out.body), 200, {
    'content-type': out.contentType,
    'content-disposition': `attachment; filename="${out.filename}"`,
  });
}

resultsRoutes.get('/results/:year{[0-9]{4}}/agencies/:file', async (c) => {
  const year = Number(c.req.param('year'));
  const file = c.req.param('file');
  const m = /^(.+?)(?:\.(xlsx|pdf))?$/.exec(file)!;
  const code = m[1]!;
  const kind = m[2] ?? 'html';
  const view = await c.get('services').resultsView.agencyReport(c.get('actor'), year, code);
  if (!view) return c.notFound();
  const ctx = pageContext(c);
  if (kind === 'xlsx') {
    const body = await agencyReportXlsx(view.agency, view.report, ctx.t, ctx.lang);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="ita-${year}-${view.agency.code}.xlsx"`,
    });
  }
  const page = (
    <AgencyReportPage
      ctx={ctx}
      agency={view.agency}
      year={view.year}
      framework={view.framework}
      report={view.report}
      pdfAvailable={pdfAvailable()}
    />
  );
  if (kind === 'pdf') {
    if (!pdfAvailable()) return c.notFound();
    const pdf = await renderPdf(`<!doctype html>${String(await page)}`, new URL(c.req.url).origin);
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="ita-${year}-${view.agency.code}.pdf"`,
    });
  }
  return c.html(page);
});

resultsRoutes.get('/results/:year{[0-9]{4}}/summary', async (c) => {
  const year = Number(c.req.param('year'));
  const view = await c.get('services').resultsView.summary(c.get('actor'), year);
  if (!view) return c.notFound();
  const ctx = pageContext(c);
  const table = summaryTable(view.framework, view.national, view.byType, year, ctx.t, ctx.lang);
  const format = c.req.query('format');
  if (format) return download(c, table, oneOf(EXPORT_FORMATS, format, 'csv'));
  return c.html(<SummaryPage ctx={ctx} view={view} />);
});

function rankingQuery(c: Context<AppEnv>): RankingQuery {
  const q = (k: string) => (c.req.query(k) ?? '').trim().slice(0, 200);
  const passed = q('passed');
  return {
    scope: oneOf(RANKING_SCOPES, q('scope'), 'national'),
    type: q('type'),
    province: q('province'),
    q: q('q'),
    level: q('level'),
    passed: passed === 'yes' || passed === 'no' ? passed : '',
    sort: oneOf(RANKING_SORTS, q('sort'), 'rank'),
  };
}

resultsRoutes.get('/results/:year{[0-9]{4}}/rankings', async (c) => {
  const year = Number(c.req.param('year'));
  const view = await c.get('services').resultsView.rankings(c.get('actor'), year, rankingQuery(c));
  if (!view) return c.notFound();
  const ctx = pageContext(c);
  const format = c.req.query('format');
  if (format) {
    const table =
      view.kind === 'provinces'
        ? provinceRankingTable(view.rows, year, ctx.t)
        : agencyRankingTable(view.rows, year, ctx.t, ctx.lang);
    return download(c, table, oneOf(EXPORT_FORMATS, format, 'csv'));
  }
  const page = Math.max(1, Math.floor(Number(c.req.query('page') ?? '1')) || 1);
  return c.html(<RankingsPage ctx={ctx} view={view} page={page} />);
});

/** /results → the latest year the visitor may see. */
resultsRoutes.get('/results', async (c) => {
  const years = await c.get('services').resultsView.visibleYears(c.get('actor'));
  const latest = years.at(-1);
  if (!latest) return c.notFound();
  return c.redirect(`/results/${latest.fiscalYear}/summary`, 303);
});

resultsRoutes.get('/open-data', async (c) => {
  const years = await c.get('services').resultsView.visibleYears(ANONYMOUS);
  return c.html(<OpenDataPage ctx={pageContext(c)} years={years} />);
});

/** An agency's public results page: its report in the latest published year. */
resultsRoutes.get('/agencies/:code/results', async (c) => {
  const latest = await c.get('services').resultsView.latestPublishedYear();
  if (latest === undefined) return c.notFound();
  return c.redirect(`/results/${latest}/agencies/${encodeURIComponent(c.req.param('code'))}`, 303);
});
