// Rankings: nationally, by agency type, within a province (with district) and provinces by combined
// score; this year beside last year; filter, search and sort with a plain GET form (no script).
import { agencyName, agencyTypeName } from '../../domain/agency.ts';
import {
  RANKING_SCOPES,
  RANKING_SORTS,
  type RankingQuery,
} from '../../domain/reports/ranking-view.ts';
import { formatInteger, formatScore } from '../../i18n/format.ts';
import { Pagination } from '../components/pagination.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { Coverage, DownloadLinks, PassTag, PublicationBanner } from './results-parts.tsx';
import type { RankingsModel } from './results.model.ts';

export const RANKING_PAGE_SIZE = 100;

function queryString(q: RankingQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra }))
    if (v && !(k === 'sort' && v === 'rank')) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function RankingsPage({
  ctx,
  view,
  page,
}: {
  ctx: PageContext;
  view: RankingsModel;
  page: number;
}) {
  const { lang } = ctx;
  const m = ctx.t.results.rankings;
  const y = view.year.fiscalYear;
  const q = view.query;
  const path = `/results/${y}/rankings`;
  const score = (n: number | null | undefined) => formatScore(n, lang);
  const change = (n: number | null) =>
    n === null ? '–' : `${n > 0 ? '+' : ''}${formatScore(n, lang)}`;
  const total = view.rows.length;
  const pages = Math.max(1, Math.ceil(total / RANKING_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = view.rows.slice((current - 1) * RANKING_PAGE_SIZE, current * RANKING_PAGE_SIZE);
  const selected = (a: string, b: string) => (a === b ? { selected: true } : {});
  // The scope's own choice (its type or province) is where the reader is, not a filter.
  const activeFilters = [
    q.q,
    q.scope === 'type' ? '' : q.type,
    q.scope === 'province' ? '' : q.province,
    q.level,
    q.passed,
    q.sort === 'rank' ? '' : q.sort,
  ].filter(Boolean).length;
  return (
    <Layout ctx={ctx} title={m.title(String(y))}>
      <PublicationBanner ctx={ctx} year={view.year} />
      <h1>{m.title(String(y))}</h1>
      <nav class="scope-tabs no-print" aria-label={m.scopeLabel}>
        <ul>
          {RANKING_SCOPES.map((s) => (
            <li>
              <a href={`${path}?scope=${s}`} aria-current={s === q.scope ? 'page' : undefined}>
                {m.scopes[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* Folded unless a filter is in use, so on a phone the table, not the form, comes first. */}
      <details class="filter-panel no-print" open={activeFilters > 0 ? true : undefined}>
        <summary>{m.filtersToggle(activeFilters)}</summary>
        <form method="get" action={path} class="filters filters--rankings" role="search">
          <input type="hidden" name="scope" value={q.scope} />
          <div class="form-group">
            <label for="rk-q">{m.search}</label>
            <span class="hint" id="rk-q-hint">
              {m.searchHint}
            </span>
            <input type="search" id="rk-q" name="q" value={q.q} aria-describedby="rk-q-hint" />
          </div>
          {q.scope !== 'provinces' && (
            <div class="form-group">
              <label for="rk-type">{m.type}</label>
              <select id="rk-type" name="type">
                {q.scope !== 'type' && <option value="">{m.any}</option>}
                {view.types.map((t) => (
                  <option value={t} {...selected(t, q.type)}>
                    {agencyTypeName(t, lang)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {q.scope !== 'provinces' && (
            <div class="form-group">
              <label for="rk-province">{m.province}</label>
              <select id="rk-province" name="province">
                {q.scope !== 'province' && <option value="">{m.any}</option>}
                {view.provinces.map((p) => (
                  <option value={p} {...selected(p, q.province)}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
          )}
          {q.scope !== 'provinces' && (
            <div class="form-group">
              <label for="rk-level">{m.level}</label>
              <select id="rk-level" name="level">
                <option value="">{m.any}</option>
                {view.framework.levels.map((l) => (
                  <option value={l.code} {...selected(l.code, q.level)}>
                    {l.code}
                  </option>
                ))}
              </select>
            </div>
          )}
          {q.scope !== 'provinces' && (
            <div class="form-group">
              <label for="rk-passed">{m.pass}</label>
              <select id="rk-passed" name="passed">
                <option value="">{m.any}</option>
                <option value="yes" {...selected('yes', q.passed)}>
                  {ctx.t.results.passed}
                </option>
                <option value="no" {...selected('no', q.passed)}>
                  {ctx.t.results.notPassed}
                </option>
              </select>
            </div>
          )}
          <div class="form-group">
            <label for="rk-sort">{m.sort}</label>
            <select id="rk-sort" name="sort">
              {RANKING_SORTS.map((s) => (
                <option value={s} {...selected(s, q.sort)}>
                  {m.sorts[s]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{m.apply}</button>
        </form>
      </details>
      <DownloadLinks
        ctx={ctx}
        note={ctx.t.results.downloadsNote}
        links={(['csv', 'xlsx', 'json'] as const).map((f) => ({
          href: `${path}${queryString(q, { format: f })}`,
          label: {
            csv: ctx.t.results.downloadCsv,
            xlsx: ctx.t.results.downloadXlsx,
            json: ctx.t.results.downloadJson,
          }[f],
        }))}
      />
      <Coverage ctx={ctx} agencies={view.agencies} provinces={view.provinces} />
      <p role="status" data-testid="found">
        {total === 0 ? m.none : m.found(formatInteger(total, lang))}
      </p>
      {total > 0 && (
        <p class="scroll-hint" aria-hidden="true">
          {m.scrollHint}
        </p>
      )}
      {total > 0 && view.kind === 'provinces' && (
        <div class="table-wrap table-wrap--cue" tabindex={0}>
          <table data-testid="ranking">
            <caption class="visually-hidden">{m.scopes.provinces}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {m.rank}
                </th>
                <th scope="col">{m.province}</th>
                <th scope="col" class="num">
                  {m.agencies}
                </th>
                <th scope="col" class="num">
                  {m.combined}
                </th>
                <th scope="col" class="num">
                  {m.lastYear(String(y - 1))}
                </th>
                <th scope="col" class="num">
                  {m.lastRank(String(y - 1))}
                </th>
                <th scope="col" class="num">
                  {m.change}
                </th>
              </tr>
            </thead>
            <tbody>
              {(shown as Extract<RankingsModel, { kind: 'provinces' }>['rows']).map((r) => (
                <tr>
                  <td class="num">{r.rank === null ? '–' : String(r.rank)}</td>
                  <th scope="row">
                    <a href={`${path}?scope=province&province=${encodeURIComponent(r.province)}`}>
                      {r.province}
                    </a>
                  </th>
                  <td class="num">
                    {formatInteger(r.assessed, lang)}/{formatInteger(r.agencies, lang)}
                  </td>
                  <td class="num">{score(r.score)}</td>
                  <td class="num">{score(r.lastYear)}</td>
                  <td class="num">{r.lastRank === null ? '–' : String(r.lastRank)}</td>
                  <td class="num">{change(r.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 && view.kind === 'agencies' && view.rows.some((r) => r.belowMinimum.length > 0) ? (
        <p class="muted" data-testid="below-minimum-note">
          {m.belowMinimumNote}
        </p>
      ) : null}
      {total > 0 && view.kind === 'agencies' && (
        <div class="table-wrap table-wrap--cue" tabindex={0}>
          <table data-testid="ranking" class="ranking">
            <caption class="visually-hidden">{m.scopes[q.scope]}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {m.rank}
                </th>
                <th scope="col">{m.agency}</th>
                <th scope="col">{q.scope === 'province' ? m.district : m.province}</th>
                <th scope="col" class="num">
                  {m.thisYear(String(y))}
                </th>
                <th scope="col">{m.level}</th>
                <th scope="col">{m.pass}</th>
                <th scope="col" class="num">
                  {m.lastYear(String(y - 1))}
                </th>
                <th scope="col" class="num">
                  {m.lastRank(String(y - 1))}
                </th>
                <th scope="col" class="num">
                  {m.change}
                </th>
              </tr>
            </thead>
            <tbody>
              {(shown as Extract<RankingsModel, { kind: 'agencies' }>['rows']).map((r) => (
                <tr>
                  <td class="num">{String(r.rank)}</td>
                  <th scope="row">
                    <a href={`/results/${y}/agencies/${encodeURIComponent(r.agencyCode)}`}>
                      {agencyName(r, lang)}
                    </a>
                    <span class="muted ranking__type"> {agencyTypeName(r.type, lang, 'one')}</span>
                    {r.belowMinimum.length > 0 ? (
                      <span class="below-minimum ranking__sample">
                        {' '}
                        * {m.belowMinimumMark(r.belowMinimum.join(', '))}
                      </span>
                    ) : null}
                  </th>
                  <td>{q.scope === 'province' ? (r.district ?? '–') : (r.province ?? '–')}</td>
                  <td class="num">{score(r.overall)}</td>
                  <td>{r.level ?? '–'}</td>
                  <td>
                    <PassTag ctx={ctx} passed={r.passed} />
                  </td>
                  <td class="num">{score(r.lastYear)}</td>
                  <td class="num">{r.lastRank === null ? '–' : String(r.lastRank)}</td>
                  <td class="num">{change(r.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        ctx={ctx}
        page={current}
        pages={pages}
        hrefFor={(p) => `${path}${queryString(q, { page: String(p) })}`}
      />
    </Layout>
  );
}
