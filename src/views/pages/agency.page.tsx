// One agency's register entry.
import { agencyTypeName, type Agency } from '../../domain/agency.ts';
import type { Text } from '../../domain/framework/schema.ts';
import { formatInteger } from '../../i18n/format.ts';
import { tx } from './results-parts.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function AgencyPage({
  ctx,
  agency,
  parent,
  groups = [],
}: {
  ctx: PageContext;
  agency: Agency;
  parent: Agency | undefined;
  /** Its group (and size) in each year whose framework has groups, newest first. */
  groups?: { fiscalYear: number; group: string; size: string | null; name: Text | null }[];
}) {
  const d = ctx.t.agencies.detail;
  const dash = <span class="muted">{d.notGiven}</span>;
  return (
    <Layout ctx={ctx} title={agency.nameTh}>
      <p>
        <a href="/agencies">‹ {d.back}</a>
      </p>
      <h1>{agency.nameTh}</h1>
      <dl class="summary-list">
        <dt>{d.code}</dt>
        <dd>{agency.code}</dd>
        <dt>{d.nameEn}</dt>
        <dd>{agency.nameEn ?? dash}</dd>
        <dt>{d.type}</dt>
        <dd>{agencyTypeName(agency.type, ctx.lang, 'one')}</dd>
        <dt>{d.province}</dt>
        <dd>{agency.province ?? dash}</dd>
        <dt>{d.district}</dt>
        <dd>{agency.district ?? dash}</dd>
        <dt>{d.parent}</dt>
        <dd>
          {parent ? (
            <a href={`/agencies/${encodeURIComponent(parent.code)}`}>{parent.nameTh}</a>
          ) : (
            dash
          )}
        </dd>
        <dt>{d.website}</dt>
        <dd>
          {agency.website ? (
            <a href={agency.website} rel="noopener noreferrer">
              {agency.website}
            </a>
          ) : (
            dash
          )}
        </dd>
        <dt>{d.staff}</dt>
        <dd>{agency.staffCount === null ? dash : formatInteger(agency.staffCount, ctx.lang)}</dd>
        {groups.length ? (
          <>
            <dt>{d.groups}</dt>
            <dd>
              <ul class="link-list" data-testid="agency-groups">
                {groups.map((g) => (
                  <li>
                    {d.groupYear(g.fiscalYear)}: {g.name ? tx(g.name, ctx.lang) : g.group}
                    {g.size ? ` (${d.size(g.size)})` : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/agencies/${encodeURIComponent(agency.code)}/results`}>
          {ctx.t.results.agencyLink}
        </a>
      </p>
    </Layout>
  );
}
