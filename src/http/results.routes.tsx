// Results pages: an agency's report (HTML, XLSX, PDF), summaries per type and rankings (HTML,
// CSV, XLSX, JSON). A result the visitor may not see is a 404, exactly like one that does not exist.
import { PassThrough, Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import {
  RANKING_SCOPES,
  RANKING_SORTS,
  type RankingQuery,
} from '../domain/reports/ranking-view.ts';
import { agencyReportXlsx } from '../exports/agency-report-xlsx.ts';
import { createHash } from 'node:crypto';
import { answerCountsTable, oitScoresTable } from '../exports/open-data-export.ts';
import { provinceRankingsTable, rankingsTable } from '../exports/rankings-table.ts';
import { resultsTable } from '../exports/results-table.ts';
import { pagesOf, writeTableStream, type StreamTable } from '../exports/stream-export.ts';
import { summaryRows, summaryTable } from '../exports/summary-table.ts';
import './openapi-results.ts';
import { CONTENT_TYPES, EXPORT_FORMATS, type ExportFormat } from '../exports/table-export.ts';
import { AgencyCalculationPage } from '../views/pages/agency-calculation.page.tsx';
import { AgencyReportPage } from '../views/pages/agency-report.page.tsx';
import { PdfPendingPage } from '../views/pages/pdf-pending.page.tsx';
import type { PageContext } from '../views/page-context.ts';
import { RankingsPage } from '../views/pages/rankings.page.tsx';
import { SummaryPage } from '../views/pages/results-summary.page.tsx';
import { ANONYMOUS } from '../domain/actor.ts';
import { OpenDataPage } from '../views/pages/open-data.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';

export const resultsRoutes = new Hono<AppEnv>();

const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

/**
 * Streams a table as a download (a national year's answer counts are ~800,000 rows): every
 * results download goes through the one writer (exports/stream-export.ts).
 */
function streamDownload<T>(
  c: Context<AppEnv>,
  format: ExportFormat,
  table: StreamTable<T>,
  pages: AsyncIterable<T[]>,
  filename: string,
) {
  const out = new PassThrough();
  writeTableStream(format, table, pages, out, c.get('services').clock).then(
    () => out.end(),
    (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))),
  );
  return c.body(Readable.toWeb(out) as ReadableStream, 200, {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${filename}"`,
  });
}

/** How an agency's score was calculated: a 404 exactly where its report is (unpublished years). */
resultsRoutes.get('/results/:year{[0-9]{4}}/agencies/:code/calculation', async (c) => {
  const year = Number(c.req.param('year'));
  const view = await c
    .get('services')
    .results.agencyCalculation(c.get('actor'), year, c.req.param('code'));
  if (!view) return c.notFound();
  return c.html(
    <AgencyCalculationPage
      ctx={pageContext(c)}
      agency={view.agency}
      year={view.year}
      framework={view.framework}
      working={view.working}
      matchesCard={view.matchesCard}
    />,
  );
});

resultsRoutes.get('/results/:year{[0-9]{4}}/agencies/:file', async (c) => {
  const year = Number(c.req.param('year'));
  const file = c.req.param('file');
  const m = /^(.+?)(?:\.(xlsx|pdf))?$/.exec(file)!;
  const code = m[1]!;
  const kind = m[2] ?? 'html';
  const view = await c.get('services').results.agencyReport(c.get('actor'), year, code);
  if (!view) return c.notFound();
  const ctx = pageContext(c);
  if (kind === 'xlsx') {
    const body = await agencyReportXlsx(
      view.agency,
      view.report,
      ctx.t,
      ctx.lang,
      c.get('services').clock,
    );
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="ita-${year}-${view.agency.code}.xlsx"`,
    });
  }
  const renderer = c.get('pdf');
  const reportPage = (pageCtx: PageContext) => (
    <AgencyReportPage
      ctx={pageCtx}
      agency={view.agency}
      year={view.year}
      framework={view.framework}
      report={view.report}
      pdfAvailable={!!renderer}
    />
  );
  if (kind !== 'pdf') return c.html(reportPage(ctx));
  if (!renderer) return c.notFound();
  // The printed page is the same for everyone who may see it: no account, form token or nonce,
  // so its hash is the data version and one render serves them all until the data changes.
  const reportPath = `/results/${year}/agencies/${view.agency.code}`;
  const printCtx: PageContext = {
    lang: ctx.lang,
    t: ctx.t,
    path: reportPath,
    nonce: undefined,
    csrfToken: '',
  };
  const html = `<!doctype html>${String(await reportPage(printCtx))}`;
  const version = createHash('sha256').update(html).digest('hex').slice(0, 16);
  const key = `${year}/${view.agency.code}/${ctx.lang}/${version}`;
  // RFC 7240: a client that prefers not to wait gets the "being made" answer at once.
  const async = /respond-async/i.test(c.req.header('prefer') ?? '');
  const r = await renderer.get(key, reportPath, html, async ? 0 : c.get('pdfWaitMs'));
  if (r.state === 'ready')
    return c.body(r.pdf, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="ita-${year}-${view.agency.code}.pdf"`,
      'cache-control': 'private, no-cache',
    });
  const refresh = r.state === 'busy' ? 10 : 3;
  c.header('Retry-After', String(refresh));
  c.header('Cache-Control', 'no-store');
  // Asks again at this same address (only the language kept from the query).
  const again = `${reportPath}.pdf${c.req.query('lang') ? `?lang=${ctx.lang}` : ''}`;
  return c.html(
    <PdfPendingPage ctx={ctx} pdfHref={again} reportHref={reportPath} refreshSeconds={refresh} />,
    r.state === 'busy' ? 503 : 202,
  );
});

resultsRoutes.get('/results/:year{[0-9]{4}}/summary', async (c) => {
  const year = Number(c.req.param('year'));
  const view = await c.get('services').results.summary(c.get('actor'), year);
  if (!view) return c.notFound();
  const format = c.req.query('format');
  if (format) {
    const f = oneOf(EXPORT_FORMATS, format, 'csv');
    const rows = summaryRows(view.national, view.byType);
    return streamDownload(
      c,
      f,
      summaryTable(view.framework),
      pagesOf(rows),
      `summary-${year}.${f}`,
    );
  }
  return c.html(<SummaryPage ctx={pageContext(c)} view={view} />);
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
  const view = await c.get('services').results.rankings(c.get('actor'), year, rankingQuery(c));
  if (!view) return c.notFound();
  const format = c.req.query('format');
  if (format) {
    // Exactly the filtered, sorted rows shown, in the columns of docs/formats.md.
    const f = oneOf(EXPORT_FORMATS, format, 'csv');
    return view.kind === 'provinces'
      ? streamDownload(c, f, provinceRankingsTable(), pagesOf(view.rows), `provinces-${year}.${f}`)
      : streamDownload(c, f, rankingsTable(), pagesOf(view.rows), `rankings-${year}.${f}`);
  }
  const page = Math.max(1, Math.floor(Number(c.req.query('page') ?? '1')) || 1);
  return c.html(<RankingsPage ctx={pageContext(c)} view={view} page={page} />);
});

/** /results → the latest year the visitor may see. */
resultsRoutes.get('/results', async (c) => {
  const years = await c.get('services').results.visibleYears(c.get('actor'));
  const latest = years.at(-1);
  if (!latest) return c.notFound();
  return c.redirect(`/results/${latest.fiscalYear}/summary`, 303);
});

/** The files to recompute a published year (docs/formats.md "Open data to recompute"). */
const OPEN_DATA_FILES = [
  'results.json',
  'results.csv',
  'answer-counts.csv',
  'oit-scores.csv',
  'framework.json',
] as const;

resultsRoutes.get('/open-data/:year{[0-9]{4}}/:file', async (c) => {
  const file = c.req.param('file') as (typeof OPEN_DATA_FILES)[number];
  if (!OPEN_DATA_FILES.includes(file)) return c.notFound();
  const services = c.get('services');
  const actor = c.get('actor');
  const y = await services.openData.year(actor, Number(c.req.param('year')));
  if (!y) return c.notFound();
  const name = `ita-${y.fiscalYear}-${file}`;
  switch (file) {
    case 'framework.json':
      return c.body(`${JSON.stringify(y.framework, null, 2)}\n`, 200, {
        'content-type': CONTENT_TYPES.json,
        'content-disposition': `attachment; filename="${name}"`,
      });
    case 'answer-counts.csv':
      return streamDownload(c, 'csv', answerCountsTable(), services.openData.answerCounts(y), name);
    case 'oit-scores.csv':
      return streamDownload(c, 'csv', oitScoresTable(), services.openData.oitScores(y), name);
    default: {
      const format = file === 'results.csv' ? 'csv' : 'json';
      const pages = services.results.streamResults(actor, y.fiscalYear);
      return streamDownload(c, format, resultsTable(y.framework), pages, name);
    }
  }
});

resultsRoutes.get('/open-data', async (c) => {
  const years = await c.get('services').results.visibleYearResults(ANONYMOUS);
  return c.html(<OpenDataPage ctx={pageContext(c)} years={years} />);
});

/** An agency's public results page: its report in the latest published year. */
resultsRoutes.get('/agencies/:code/results', async (c) => {
  const latest = await c.get('services').results.latestPublishedYear();
  if (latest === undefined) return c.notFound();
  return c.redirect(`/results/${latest}/agencies/${encodeURIComponent(c.req.param('code'))}`, 303);
});
