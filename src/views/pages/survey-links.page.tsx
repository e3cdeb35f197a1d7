// The agency administrator's survey page: links, QR downloads, posters, rotation, single-use
// codes, headcounts and live counts against the minimum sample, and anomaly flags.
import type { SurveyTool } from '../../domain/framework/schema.ts';
import type { PhaseState } from '../../domain/calendar.ts';
import { formatDate, formatInteger } from '../../i18n/format.ts';
import type { FieldError } from '../components/form.tsx';
import { CsrfField, ErrorSummary, TextField, errorFor } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export interface ToolProgressView {
  population: number | null;
  minimum: number | null;
  count: number;
  /** The count is rounded down to a multiple of this (small numbers). */
  countStep?: number;
  daysLeft: number;
  /** Whether the minimum is shown as not reached yet (changes only when the count moves). */
  below?: boolean;
  /** The survey's window for this agency; absent where a page does not show it. */
  window?: PhaseState;
}

/** When a survey takes answers, in Buddhist-era dates: open, not yet, closed or not set. */
export function surveyWindowText(ctx: PageContext, w: PhaseState): string {
  const t = ctx.t.surveys.links;
  if (w.state === 'not_set') return t.windowNotSet;
  const from = formatDate(w.opensOn, ctx.lang);
  const to = formatDate(w.closesOn, ctx.lang);
  if (w.state === 'open') return t.windowOpen(from, to);
  return w.state === 'before' ? t.windowBefore(from, to) : t.windowAfter(from, to);
}

export interface AnomalyView {
  tool: string;
  kind: 'network_burst' | 'identical_answers' | 'same_column';
  occurrences: number;
}

export function ProgressTable(p: {
  ctx: PageContext;
  rows: { tool: SurveyTool; t: ToolProgressView }[];
}) {
  const s = p.ctx.t.surveys.targets;
  const n = (v: number | null) => (v === null ? s.notEntered : formatInteger(v, p.ctx.lang));
  return (
    <div class="table-wrap" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{s.col.tool}</th>
            <th scope="col" class="num">
              {s.col.population}
            </th>
            <th scope="col" class="num">
              {s.col.minimum}
            </th>
            <th scope="col" class="num">
              {s.col.count}
            </th>
            <th scope="col">{s.col.reached}</th>
            <th scope="col" class="num">
              {s.col.daysLeft}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>
              <th scope="row">{r.tool}</th>
              <td class="num">{n(r.t.population)}</td>
              <td class="num">{n(r.t.minimum)}</td>
              <td class="num" data-count={r.tool}>
                {formatInteger(r.t.count, p.ctx.lang)}
              </td>
              <td data-reached={r.tool}>
                {r.t.minimum === null ? s.notEntered : r.t.below ? s.notReached : s.reached}
              </td>
              <td class="num">{formatInteger(r.t.daysLeft, p.ctx.lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(p.rows[0]?.t.countStep ?? 1) > 1 ? (
        <p class="hint">{s.countStep(String(p.rows[0]!.t.countStep))}</p>
      ) : null}
    </div>
  );
}

export function AnomalyList({ ctx, anomalies }: { ctx: PageContext; anomalies: AnomalyView[] }) {
  const s = ctx.t.surveys.anomalies;
  return (
    <>
      <h2>{s.title}</h2>
      <p class="hint">{s.hint}</p>
      {anomalies.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ul>
          {anomalies.map((a) => (
            <li>
              {a.tool}: {s.kind[a.kind]} – {s.occurrences} {formatInteger(a.occurrences, ctx.lang)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SurveyLinksPage(p: {
  ctx: PageContext;
  year: number;
  agency: { code: string; nameTh: string };
  links: Record<SurveyTool, string>;
  singleUseIit: boolean;
  accessCodes: { total: number; used: number };
  issuedCodes: string[];
  progress: { tool: SurveyTool; t: ToolProgressView }[];
  anomalies: AnomalyView[];
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { ctx } = p;
  const s = ctx.t.surveys;
  const base = `/agencies/${encodeURIComponent(p.agency.code)}/survey`;
  const q = `?year=${p.year}`;
  return (
    <Layout
      ctx={ctx}
      title={`${s.links.title} – ${p.agency.nameTh}`}
      hasError={p.errors.length > 0}
    >
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {p.notice ? (
        <div class="notice notice--success" role="status">
          {p.notice}
        </div>
      ) : null}
      <span class="caption">{p.agency.nameTh}</span>
      <h1>{s.links.title}</h1>
      <p>{s.links.year(String(p.year))}</p>
      {(['IIT', 'EIT'] as const).map((tool) => {
        const w = p.progress.find((r) => r.tool === tool)?.t.window;
        return (
          <section class="link-card">
            <h2>{s.toolName[tool]}</h2>
            {w ? (
              <p
                class={
                  w.state === 'open' ? 'survey-window' : 'survey-window notice notice--warning'
                }
                data-window={tool}
              >
                {surveyWindowText(ctx, w)}
              </p>
            ) : null}
            <p>
              {s.links.shortLink}:{' '}
              <a class="short-link" href={p.links[tool]}>
                {p.links[tool]}
              </a>
            </p>
            <img
              class="qr"
              src={`${base}/qr/${tool.toLowerCase()}.svg${q}`}
              alt={`QR ${p.links[tool]}`}
              width="160"
              height="160"
            />
            <ul class="link-actions">
              <li>
                <a href={`${base}/qr/${tool.toLowerCase()}.svg${q}`} download>
                  {s.links.qrSvg}
                </a>
              </li>
              <li>
                <a href={`${base}/qr/${tool.toLowerCase()}.png${q}`} download>
                  {s.links.qrPng}
                </a>
              </li>
              <li>
                <a href={`${base}/poster/${tool.toLowerCase()}${q}`}>{s.links.poster}</a>
              </li>
            </ul>
          </section>
        );
      })}
      <h2>{s.targets.title}</h2>
      <ProgressTable ctx={ctx} rows={p.progress} />
      <form method="post" action={`${base}/targets${q}`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="iit_population"
          label={s.targets.iitPopulation}
          hint={s.targets.iitHint}
          inputmode="numeric"
          value={p.values.iit_population ?? ''}
          error={errorFor(p.errors, 'iit_population')}
        />
        <TextField
          ctx={ctx}
          id="eit_population"
          label={s.targets.eitPopulation}
          hint={s.targets.eitHint}
          inputmode="numeric"
          value={p.values.eit_population ?? ''}
          error={errorFor(p.errors, 'eit_population')}
        />
        <button type="submit">{s.targets.save}</button>
      </form>
      <AnomalyList ctx={ctx} anomalies={p.anomalies} />
      <h2>{s.links.codesTitle}</h2>
      <p>{s.links.codesBody}</p>
      <p>
        {s.links.codesStatus(
          formatInteger(p.accessCodes.total, ctx.lang),
          formatInteger(p.accessCodes.used, ctx.lang),
        )}
      </p>
      {p.issuedCodes.length > 0 ? (
        <>
          <h3>{s.links.codesIssued}</h3>
          <ol class="access-codes">
            {p.issuedCodes.map((c) => (
              <li class="reference">{c}</li>
            ))}
          </ol>
        </>
      ) : null}
      <form method="post" action={`${base}/access-codes${q}`} novalidate>
        <CsrfField ctx={ctx} />
        <div class="checkboxes__item">
          <input
            type="checkbox"
            id="single_use"
            name="single_use"
            value="on"
            checked={p.singleUseIit}
          />
          <label for="single_use">{s.links.codesOn}</label>
        </div>
        <TextField
          ctx={ctx}
          id="count"
          label={s.links.codesCount}
          inputmode="numeric"
          value="0"
          error={errorFor(p.errors, 'count')}
        />
        <button type="submit" class="button--secondary">
          {s.links.codesSave}
        </button>
      </form>
      <h2>{s.links.rotateTitle}</h2>
      <p>{s.links.rotateBody}</p>
      <form method="post" action={`${base}/rotate${q}`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class="button--warning">
          {s.links.rotate}
        </button>
      </form>
    </Layout>
  );
}
