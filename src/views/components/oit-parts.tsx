// Pieces the OIT pages share: the status tag, the progress bar, an item's answer with its links
// (opening in a new tab), and the link checker's findings beside it.
import type { OitSheetModel } from './oit-sheet.model.ts';
import { formatInteger } from '../../i18n/format.ts';
import { linkProblem } from '../../domain/oit/link-findings.ts';
import type { PageContext } from '../page-context.ts';

type Entry = OitSheetModel['entries'][string];
type LinkCheckRow = NonNullable<OitSheetModel['checks'][string]>[number];

export function OitStatusTag({
  ctx,
  status,
}: {
  ctx: PageContext;
  status: OitSheetModel['status'];
}) {
  const done = status === 'confirmed';
  return (
    <strong class={`tag${done ? ' tag--pass' : ''}`}>{ctx.t.oit.status[status ?? 'none']}</strong>
  );
}

export function OitProgress({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div class="oit-progress">
      <label>
        {label}
        <progress value={value} max={max}>
          {label}
        </progress>
      </label>
    </div>
  );
}

function kb(ctx: PageContext, n: number | null): string {
  if (n === null) return '–';
  return n < 1024
    ? `${formatInteger(n, ctx.lang)} B`
    : `${formatInteger(Math.round(n / 1024), ctx.lang)} KB`;
}

export function LinkFindings({
  ctx,
  checks,
}: {
  ctx: PageContext;
  checks: LinkCheckRow[] | undefined;
}) {
  const t = ctx.t.oit.link;
  if (!checks?.length) return <p class="muted oit-links-pending">{t.pending}</p>;
  return (
    <div class="oit-findings">
      <p class="oit-findings__title">{t.title}</p>
      <ul>
        {checks.map((c) => {
          const problem = linkProblem({ error: c.error, blocked: c.flags.includes('blocked') });
          return (
            <li>
              <span class="oit-findings__url">{c.url}</span>{' '}
              {c.flags.length === 0 ? (
                <strong class="tag tag--pass">{t.ok}</strong>
              ) : (
                c.flags.map((f) => (
                  <strong class="tag tag--fail" data-flag={f}>
                    {t.flags[f as keyof typeof t.flags] ?? f}
                  </strong>
                ))
              )}
              <span class="muted oit-findings__facts">
                {' '}
                {problem ? (
                  <span title={c.error ?? undefined}>
                    {t.problemLabel}: {t.problems[problem]}
                  </span>
                ) : (
                  `${t.status}: ${c.httpStatus ?? '–'}`
                )}
                {c.finalUrl && c.finalUrl !== c.url ? ` · ${t.finalUrl}: ${c.finalUrl}` : ''}
                {c.contentType ? ` · ${t.type}: ${c.contentType.split(';')[0]}` : ''}
                {c.title ? ` · ${t.pageTitle}: ${c.title}` : ''}
                {` · ${t.size}: ${kb(ctx, c.sizeBytes)} · ${t.time}: ${formatInteger(c.durationMs, ctx.lang)} ms`}
                {c.contentHash ? ` · ${t.hash}: ${c.contentHash.slice(0, 12)}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The agency's answer as the auditor and the agency read it. */
export function OitAnswerView({ ctx, entry }: { ctx: PageContext; entry: Entry | undefined }) {
  const t = ctx.t.oit;
  if (!entry?.answer) return <p class="muted">{t.item.notAnswered}</p>;
  return (
    <dl class="summary-list">
      <dt>{t.agency.answerLegend}</dt>
      <dd>{t.answer[entry.answer]}</dd>
      {entry.urls.length ? (
        <>
          <dt>{t.item.links}</dt>
          <dd>
            <ul class="link-list">
              {entry.urls.map((u) => (
                <li>
                  <a href={u} target="_blank" rel="noopener noreferrer">
                    {u}
                  </a>{' '}
                  <span class="visually-hidden">{t.item.opensNewTab}</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {entry.note ? (
        <>
          {/* A "not applicable" answer's note is the explanation the auditor judges. */}
          <dt>{entry.answer === 'not_applicable' ? t.item.explanation : t.item.note}</dt>
          <dd data-explanation={entry.answer === 'not_applicable' ? '' : undefined}>
            {entry.note}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Score, comment and dispute, once there is a review. */
export function OitReviewView({ ctx, entry }: { ctx: PageContext; entry: Entry | undefined }) {
  const t = ctx.t.oit.item;
  if (!entry || entry.score === null) return null;
  return (
    <dl class="summary-list oit-review">
      <dt>{t.score}</dt>
      <dd>
        <strong
          class={`tag ${entry.score === 100 ? 'tag--pass' : 'tag--fail'}`}
          data-score={entry.score}
        >
          {entry.score}
        </strong>
      </dd>
      {entry.comment ? (
        <>
          <dt>{t.comment}</dt>
          <dd class="oit-comment">{entry.comment}</dd>
        </>
      ) : null}
      {entry.dispute ? (
        <>
          <dt>{t.dispute}</dt>
          <dd>{entry.dispute}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <div class="notice" role="status">
      {text}
    </div>
  ) : null;
}

/** A small textarea with its label, optional hint and inline error, as the OIT forms use it. */
export function OitTextarea({
  id,
  name,
  label,
  hint,
  error,
  inputmode,
  value,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  inputmode?: 'url';
  value: string;
}) {
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint ? <span class="hint">{hint}</span> : null}
      {error ? <span class="error-message">{error}</span> : null}
      <textarea id={id} name={name} rows={2} inputmode={inputmode}>
        {value}
      </textarea>
    </div>
  );
}

/**
 * Inline radios in a fieldset; the first option takes the bare id (so the error summary's link
 * lands on it), the others `${id}-${value}`.
 */
export function OitRadios<V extends string>({
  id,
  name,
  legend,
  error,
  options,
  checked,
}: {
  id: string;
  name: string;
  legend: string;
  error: string | undefined;
  options: readonly { value: V; label: string }[];
  checked: string | undefined;
}) {
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset>
        <legend>{legend}</legend>
        {error ? <span class="error-message">{error}</span> : null}
        <div class="radios radios--inline">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div class="radios__item">
                <input
                  type="radio"
                  id={optionId}
                  name={name}
                  value={o.value}
                  checked={checked === o.value}
                />
                <label for={optionId}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
