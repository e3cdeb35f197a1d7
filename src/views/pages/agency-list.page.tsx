// The agency register: search by part of the name, filter by province and type, paged.
import { AGENCY_TYPES, agencyName, agencyTypeName, type Agency } from '../../domain/agency.ts';
import { formatInteger } from '../../i18n/format.ts';
import { Pagination } from '../components/pagination.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** One page of the agency register's search. */
export interface AgencyListModel {
  items: Agency[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export interface AgencyListProps {
  ctx: PageContext;
  result: AgencyListModel;
  filter: { q: string; province: string; type: string };
  provinces: string[];
}

export function AgencyListPage({ ctx, result, filter, provinces }: AgencyListProps) {
  const a = ctx.t.agencies;
  const hrefFor = (p: number) => {
    const s = new URLSearchParams();
    if (filter.q) s.set('q', filter.q);
    if (filter.province) s.set('province', filter.province);
    if (filter.type) s.set('type', filter.type);
    s.set('page', String(p));
    return `/agencies?${s.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={a.listTitle}>
      <h1>{a.listTitle}</h1>
      <p class="lead">{a.listLead}</p>
      <form method="get" action="/agencies" class="filters" role="search">
        <div class="form-group">
          <label for="q">{a.searchLabel}</label>
          <span class="hint" id="q-hint">
            {a.searchHint}
          </span>
          <input type="search" id="q" name="q" value={filter.q} aria-describedby="q-hint" />
        </div>
        <div class="form-group">
          <label for="province">{a.provinceLabel}</label>
          <select id="province" name="province">
            <option value="">{a.any}</option>
            {provinces.map((p) => (
              <option value={p} selected={p === filter.province}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="type">{a.typeLabel}</label>
          <select id="type" name="type">
            <option value="">{a.any}</option>
            {AGENCY_TYPES.map((t) => (
              <option value={t.code} selected={t.code === filter.type}>
                {t[ctx.lang]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{a.filter}</button>
        </div>
      </form>
      <p role="status">{a.results(formatInteger(result.total, ctx.lang))}</p>
      {result.items.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <ul class="card-list" id="agency-results">
          {result.items.map((ag) => (
            <li>
              <a href={`/agencies/${encodeURIComponent(ag.code)}`}>
                <strong>{agencyName(ag, ctx.lang)}</strong>
              </a>
              <br />
              <span class="muted">
                {agencyTypeName(ag.type, ctx.lang, 'one')}
                {ag.province ? ` · ${ag.province}` : ''}
                {ag.district ? ` · ${ag.district}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={result.page} pages={result.pages} hrefFor={hrefFor} />
    </Layout>
  );
}
