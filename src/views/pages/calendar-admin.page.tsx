// The NACC's calendar page: every phase's window (BE dates), agency extensions, and a form.
import { PHASES, type Calendar } from '../../domain/calendar.ts';
import { formatDate } from '../../i18n/format.ts';
import type { FieldError } from '../components/form.tsx';
import { CsrfField, ErrorSummary, TextField, errorFor } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function CalendarAdminPage(p: {
  ctx: PageContext;
  year: number;
  /** Every assessment year, for the picker. */
  years: number[];
  calendar: Calendar;
  values: Record<string, string>;
  errors: FieldError[];
  saved: boolean;
}) {
  const { ctx } = p;
  const s = ctx.t.surveys.calendar;
  const rows = PHASES.flatMap((phase) => {
    const general = p.calendar.find((w) => w.phase === phase && w.agencyCode === null);
    const ext = p.calendar
      .filter((w) => w.phase === phase && w.agencyCode !== null)
      .sort((a, b) => (a.agencyCode ?? '').localeCompare(b.agencyCode ?? ''));
    return [
      { phase, w: general, agency: null as string | null },
      ...ext.map((w) => ({ phase, w, agency: w.agencyCode })),
    ];
  });
  return (
    <Layout ctx={ctx} title={`${s.title} ${p.year}`} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {p.saved ? (
        <div class="notice notice--success" role="status">
          {s.saved}
        </div>
      ) : null}
      <h1>
        {s.title} {ctx.t.surveys.links.year(String(p.year))}
      </h1>
      {p.years.length > 1 ? (
        <form method="get" action="/admin/calendar" class="filters year-picker">
          <div class="field">
            <label for="year">{s.pickYear}</label>
            <select id="year" name="year">
              {[...p.years].reverse().map((y) => (
                <option value={String(y)} selected={y === p.year}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {s.show}
          </button>
        </form>
      ) : null}
      <div class="table-wrap" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{s.col.phase}</th>
              <th scope="col">{s.col.agency}</th>
              <th scope="col">{s.col.from}</th>
              <th scope="col">{s.col.to}</th>
              <th scope="col">{s.col.reason}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{s.phase[r.phase]}</th>
                <td>{r.agency ?? s.everyAgency}</td>
                <td>{r.w ? formatDate(r.w.opensOn, ctx.lang) : s.notSet}</td>
                <td>{r.w ? formatDate(r.w.closesOn, ctx.lang) : ''}</td>
                <td>{r.w?.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{s.formTitle}</h2>
      <form method="post" action={`/admin/calendar?year=${p.year}`} novalidate>
        <CsrfField ctx={ctx} />
        <div class={`form-group${errorFor(p.errors, 'phase') ? ' form-group--error' : ''}`}>
          <label for="phase">{s.phaseLabel}</label>
          <select id="phase" name="phase">
            {PHASES.map((ph) => (
              <option value={ph} selected={p.values.phase === ph}>
                {s.phase[ph]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          ctx={ctx}
          id="from"
          label={s.fromLabel}
          hint={s.dateHint}
          value={p.values.from ?? ''}
          error={errorFor(p.errors, 'from')}
        />
        <TextField
          ctx={ctx}
          id="to"
          label={s.toLabel}
          hint={s.dateHint}
          value={p.values.to ?? ''}
          error={errorFor(p.errors, 'to')}
        />
        <TextField
          ctx={ctx}
          id="agency"
          label={s.agencyLabel}
          hint={s.agencyHint}
          value={p.values.agency ?? ''}
          error={errorFor(p.errors, 'agency')}
        />
        <TextField
          ctx={ctx}
          id="reason"
          label={s.reasonLabel}
          value={p.values.reason ?? ''}
          error={errorFor(p.errors, 'reason')}
        />
        <button type="submit">{s.save}</button>
      </form>
    </Layout>
  );
}
