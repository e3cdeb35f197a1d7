// NACC screens around OIT: assign agencies to auditors (one, or by type and province), see who
// audits what, and download a province's or a type's OIT status; and the history of one agency.
import { AGENCY_TYPE_CODES, agencyTypeName } from '../../domain/agency.ts';
import type { Agency } from '../../domain/agency.ts';
import { formatDateTime } from '../../i18n/format.ts';
import {
  CsrfField,
  ErrorSummary,
  TextField,
  errorFor,
  type FieldError,
} from '../components/form.tsx';
import { Notice } from '../components/oit-parts.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function OitAssignPage(p: {
  ctx: PageContext;
  year: number;
  auditors: { email: string; displayName: string; agencies: string[] }[];
  provinces: string[];
  errors: FieldError[];
  typed: Record<string, string>;
  notice?: string | undefined;
}) {
  const { ctx } = p;
  const t = ctx.t.oit.assign;
  const select = (id: string, label: string, options: { value: string; label: string }[]) => (
    <div class="form-group">
      <label for={id}>{label}</label>
      <select id={id} name={id.replace(/^bulk-/, '')}>
        <option value="">{t.any}</option>
        {options.map((o) => (
          <option value={o.value} selected={p.typed[id] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Layout ctx={ctx} title={t.title} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <Notice text={p.notice} />
      <h1>{t.title}</h1>
      <form method="post" action={`/oit/${p.year}/assign`}>
        <CsrfField ctx={ctx} />
        <h2>{t.one}</h2>
        <TextField
          ctx={ctx}
          id="auditor"
          label={t.auditorLabel}
          type="email"
          value={p.typed.auditor}
          error={errorFor(p.errors, 'auditor')}
        />
        <TextField
          ctx={ctx}
          id="agency"
          label={t.agencyLabel}
          value={p.typed.agency}
          error={errorFor(p.errors, 'agency')}
        />
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
      <form method="post" action={`/oit/${p.year}/assign/bulk`}>
        <CsrfField ctx={ctx} />
        <h2>{t.bulk}</h2>
        <TextField
          ctx={ctx}
          id="bulk-auditor"
          name="auditor"
          label={t.auditorLabel}
          type="email"
          value={p.typed['bulk-auditor']}
          error={errorFor(p.errors, 'bulk-auditor')}
        />
        {select(
          'bulk-type',
          t.typeLabel,
          AGENCY_TYPE_CODES.map((c) => ({ value: c, label: agencyTypeName(c, ctx.lang) })),
        )}
        {select(
          'bulk-province',
          t.provinceLabel,
          p.provinces.map((v) => ({ value: v, label: v })),
        )}
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
      <h2>{t.auditors}</h2>
      <ul class="grant-list">
        {p.auditors.map((a) => (
          <li>
            {a.displayName} ({a.email}): {a.agencies.join(', ')}
          </li>
        ))}
      </ul>
      <h2>{ctx.t.oit.export.title}</h2>
      <form method="get" action={`/oit/${p.year}/status`} class="filters">
        {select(
          'province',
          t.provinceLabel,
          p.provinces.map((v) => ({ value: v, label: v })),
        )}
        {select(
          'type',
          t.typeLabel,
          AGENCY_TYPE_CODES.map((c) => ({ value: c, label: agencyTypeName(c, ctx.lang) })),
        )}
        <button type="submit" name="format" value="csv" class="button button--secondary">
          {ctx.t.oit.export.csv}
        </button>{' '}
        <button type="submit" name="format" value="xlsx" class="button button--secondary">
          {ctx.t.oit.export.xlsx}
        </button>
      </form>
    </Layout>
  );
}

export interface HistoryData {
  agency: Agency;
  events: { status: string; action: string; changedBy: string; changedAt: Date }[];
  versions: {
    item: string;
    version: number;
    isCurrent: boolean;
    status: string;
    answer: string | null;
    urls: string[];
    note: string | null;
    score: number | null;
    comment: string | null;
    dispute: string | null;
    changedBy: string;
    changedAt: Date;
  }[];
}

export function OitHistoryPage({
  ctx,
  year,
  data,
}: {
  ctx: PageContext;
  year: number;
  data: HistoryData;
}) {
  const t = ctx.t.oit;
  const status = (s: string) => t.status[s as keyof typeof t.status] ?? s;
  const items = [...new Set(data.versions.map((v) => v.item))].sort(
    (a, b) => Number(a.slice(1)) - Number(b.slice(1)),
  );
  return (
    <Layout ctx={ctx} title={t.history.title(data.agency.nameTh)}>
      <p>
        <a href={`/oit/${year}/agencies/${encodeURIComponent(data.agency.code)}`}>
          ‹ {t.agency.title(data.agency.nameTh)}
        </a>
      </p>
      <h1>{t.history.title(data.agency.nameTh)}</h1>
      <h2>{t.history.states}</h2>
      <ol class="oit-events">
        {data.events.map((e) => (
          <li data-status={e.status}>
            {formatDateTime(e.changedAt, ctx.lang)} ·{' '}
            {t.actions[e.action as keyof typeof t.actions] ?? e.action} →{' '}
            <strong>{status(e.status)}</strong> · {t.history.by} {e.changedBy}
          </li>
        ))}
      </ol>
      <h2>{t.history.versions}</h2>
      {items.map((item) => (
        <section aria-labelledby={`h-${item}`}>
          <h3 id={`h-${item}`}>{item}</h3>
          <div class="table-wrap" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.history.version}</th>
                  <th scope="col">{t.agency.statusLabel}</th>
                  <th scope="col">{t.agency.answerLegend}</th>
                  <th scope="col">{t.item.score}</th>
                  <th scope="col">{t.item.comment}</th>
                  <th scope="col">{t.item.dispute}</th>
                  <th scope="col">{t.history.by}</th>
                </tr>
              </thead>
              <tbody>
                {data.versions
                  .filter((v) => v.item === item)
                  .map((v) => (
                    <tr class={v.isCurrent ? 'oit-current' : undefined}>
                      <td>
                        {v.version}
                        {v.isCurrent ? ` (${t.history.current})` : ''}
                      </td>
                      <td>{status(v.status)}</td>
                      <td>
                        {v.answer ? t.answer[v.answer as keyof typeof t.answer] : '–'}
                        {v.urls.length ? ` · ${v.urls.join(' ')}` : ''}
                        {v.note ? ` · ${v.note}` : ''}
                      </td>
                      <td>{v.score ?? '–'}</td>
                      <td>{v.comment ?? ''}</td>
                      <td>{v.dispute ?? ''}</td>
                      <td>
                        {v.changedBy} · {formatDateTime(v.changedAt, ctx.lang)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  );
}

/** Where a signed-in person's OIT work is, by role, for the newest assessment year. */
export function OitLandingPage({
  ctx,
  year,
  agencies,
  auditor,
  nacc,
}: {
  ctx: PageContext;
  year: number | null;
  agencies: string[];
  auditor: boolean;
  nacc: boolean;
}) {
  const t = ctx.t.oit.landing;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      {year === null ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p class="lead">{t.year(year)}</p>
          <ul class="link-list">
            {agencies.map((code) => (
              <li>
                <a href={`/oit/${year}/agencies/${encodeURIComponent(code)}`}>{t.agency(code)}</a>
              </li>
            ))}
            {auditor || nacc ? (
              <li>
                <a href={`/oit/${year}/review`}>{t.review}</a>
              </li>
            ) : null}
            {nacc ? (
              <li>
                <a href={`/oit/${year}/assign`}>{t.assign}</a>
              </li>
            ) : null}
          </ul>
        </>
      )}
    </Layout>
  );
}
