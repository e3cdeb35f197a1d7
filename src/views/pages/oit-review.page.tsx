// The auditor's OIT screens: the assigned agencies with progress, and the review of one agency
// item by item (criteria, answer, links, findings; 0 or 100 with a comment), with keyboard
// shortcuts as a progressive enhancement and a "next unreviewed item" link.
import { awaitsAuditor } from '../../domain/oit/workflow.ts';
import type { OitSheetModel } from '../components/oit-sheet.model.ts';
import { CsrfField, ErrorSummary, errorFor, type FieldError } from '../components/form.tsx';
import {
  LinkFindings,
  Notice,
  OitAnswerView,
  OitProgress,
  OitRadios,
  OitReviewView,
  OitTextarea,
  OitStatusTag,
} from '../components/oit-parts.tsx';
import { Unavailable, windowReason } from '../components/unavailable.tsx';
import { assetUrl } from '../static-assets.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { txt } from './survey-step.page.tsx';

export interface AssignedRow {
  code: string;
  nameTh: string;
  district: string | null;
  status: OitSheetModel['status'];
  answered: number;
  scored: number;
  disputed: number;
  total: number;
}

export function OitReviewListPage({
  ctx,
  year,
  rows,
}: {
  ctx: PageContext;
  year: number;
  rows: AssignedRow[];
}) {
  const t = ctx.t.oit.review;
  return (
    <Layout ctx={ctx} title={t.listTitle}>
      <h1>{t.listTitle}</h1>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.col.agency}</th>
                <th scope="col">{t.col.status}</th>
                <th scope="col">{t.col.answered}</th>
                <th scope="col">{t.col.scored}</th>
                <th scope="col">{t.col.disputed}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/oit/${year}/review/${encodeURIComponent(r.code)}`}>{r.nameTh}</a>
                  </td>
                  <td>
                    <OitStatusTag ctx={ctx} status={r.status} />
                  </td>
                  <td>
                    {r.answered}/{r.total}
                  </td>
                  <td>
                    {r.scored}/{r.total}
                  </td>
                  <td>{r.disputed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** Which items still need the auditor: unscored published items, or disputed ones after clarification. */
export function itemsToReview(sheet: OitSheetModel): string[] {
  if (sheet.status === 'submitted')
    return sheet.order.filter(
      (c) => awaitsAuditor(sheet.entries[c]?.answer) && sheet.entries[c]?.score === null,
    );
  return sheet.order.filter((c) => sheet.entries[c]?.status === 'clarification_requested');
}

/** Why the auditor sees no scoring or confirming form (nothing when one is shown). */
export function reviewReasons(ctx: PageContext, sheet: OitSheetModel): string[] {
  const w = ctx.t.home.why;
  const phase = ctx.t.surveys.calendar.phase;
  const win = (ph: 'oit-review' | 'confirmation') =>
    windowReason(ctx, phase[ph], sheet.windowStates[ph]);
  switch (sheet.status) {
    case null:
    case 'draft':
      return [w.notSubmitted];
    case 'submitted':
      return [win('oit-review')].filter((r): r is string => r !== null);
    case 'reviewed':
      return sheet.windows.confirmation
        ? []
        : [w.reviewDone, win('confirmation')].filter((r): r is string => r !== null);
    case 'clarification_requested':
    case 're_reviewed':
      return [win('confirmation')].filter((r): r is string => r !== null);
    case 'confirmed':
      return [w.confirmed];
  }
}

export function OitReviewPage(p: {
  ctx: PageContext;
  sheet: OitSheetModel;
  errors: FieldError[];
  typed?: { item: string; score: string; comment: string } | undefined;
  notice?: string | undefined;
}) {
  const { ctx, sheet } = p;
  const t = ctx.t.oit;
  const base = `/oit/${sheet.fiscalYear}/review/${encodeURIComponent(sheet.agency.code)}`;
  const todo = itemsToReview(sheet);
  const scoring = sheet.status === 'submitted' && sheet.windows['oit-review'];
  const reReviewing =
    (sheet.status === 'clarification_requested' || sheet.status === 're_reviewed') &&
    sheet.windows.confirmation;
  const published = sheet.order.filter((c) => awaitsAuditor(sheet.entries[c]?.answer));
  const reviewedCount = published.filter((c) => sheet.entries[c]?.score !== null).length;
  const canConfirm =
    (sheet.status === 'reviewed' || sheet.status === 're_reviewed') && sheet.windows.confirmation;
  return (
    <Layout ctx={ctx} title={t.review.title(sheet.agency.nameTh)} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <Notice text={p.notice} />
      <p>
        <a href={`/oit/${sheet.fiscalYear}/review`}>‹ {t.review.listTitle}</a>
      </p>
      <h1>{t.review.title(sheet.agency.nameTh)}</h1>
      <p>
        {t.agency.statusLabel}: <OitStatusTag ctx={ctx} status={sheet.status} />{' '}
        <a
          href={`/oit/${sheet.fiscalYear}/agencies/${encodeURIComponent(sheet.agency.code)}/history`}
        >
          {t.agency.historyLink}
        </a>
      </p>
      <OitProgress
        label={t.review.progress(reviewedCount, published.length)}
        value={reviewedCount}
        max={Math.max(1, published.length)}
      />
      <Unavailable ctx={ctx} reasons={reviewReasons(ctx, sheet)} />
      {scoring || reReviewing ? (
        <p>
          {todo.length ? (
            <a href={`#item-${todo[0]}`} data-next-unreviewed class="button button--secondary">
              {t.review.nextUnreviewed} ({todo[0]})
            </a>
          ) : (
            <span class="muted">{t.review.allReviewed}</span>
          )}
        </p>
      ) : null}
      {sheet.status !== 'confirmed' && reviewedCount > 0 ? (
        <p class="notice notice--warning" data-oit-note>
          <span class="tag" data-preliminary>
            {t.agency.preliminaryTag}
          </span>{' '}
          {t.agency.preliminaryNote}
        </p>
      ) : null}
      {scoring || reReviewing ? <p class="hint">{t.review.shortcuts}</p> : null}
      {sheet.status === 'submitted' && !sheet.reviewStarted && sheet.windows['oit-review'] ? (
        <form method="post" action={`${base}/start`} class="inline-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="button">
            {t.actions.start_review}
          </button>
        </form>
      ) : null}
      {sheet.groups.flatMap((g) =>
        g.headings.flatMap((h) =>
          h.items.map((item) => {
            const e = sheet.entries[item.code];
            if (!e?.answer && e?.score == null) return null;
            const formOpen =
              (scoring && awaitsAuditor(e?.answer)) ||
              (reReviewing && e?.status === 'clarification_requested');
            const typed = p.typed?.item === item.code ? p.typed : undefined;
            const score =
              typed?.score ?? (e?.score === null || e?.score === undefined ? '' : String(e.score));
            const err = (f: string) => errorFor(p.errors, `${item.code}-${f}`);
            const isTodo = todo.includes(item.code);
            const after = todo.find((c) => sheet.order.indexOf(c) > sheet.order.indexOf(item.code));
            return (
              <article
                class={`oit-item${isTodo ? ' oit-item--todo' : ''}`}
                id={`item-${item.code}`}
              >
                <h2>
                  {item.code} {txt(ctx, item.title)}
                </h2>
                <p class="hint">
                  {t.item.criteria}: {txt(ctx, item.criteria)}
                </p>
                <OitAnswerView ctx={ctx} entry={e} />
                {e?.answer === 'not_applicable' ? (
                  <p class="hint" data-not-applicable>
                    {t.review.naHint}
                  </p>
                ) : null}
                {e?.urls.length ? (
                  <LinkFindings ctx={ctx} checks={sheet.checks[item.code]} />
                ) : null}
                {e?.dispute ? (
                  <p class="notice notice--warning">
                    {t.review.disputed}: {e.dispute}
                  </p>
                ) : null}
                {formOpen ? (
                  <form method="post" action={`${base}/items/${item.code}`}>
                    <CsrfField ctx={ctx} />
                    <OitRadios
                      id={`${item.code}-score`}
                      name="score"
                      legend={t.review.scoreLegend}
                      error={err('score')}
                      options={(['100', '0'] as const).map((v) => ({ value: v, label: v }))}
                      checked={score}
                    />
                    <OitTextarea
                      id={`${item.code}-comment`}
                      name="comment"
                      label={t.review.commentLabel}
                      error={err('comment')}
                      value={typed?.comment ?? e?.comment ?? ''}
                    />
                    <button type="submit" class="button button--secondary">
                      {t.review.saveScore} {item.code}
                    </button>
                    {after ? (
                      <>
                        {' '}
                        <a href={`#item-${after}`}>{t.review.nextUnreviewed}</a>
                      </>
                    ) : null}
                  </form>
                ) : (
                  <OitReviewView ctx={ctx} entry={e} />
                )}
              </article>
            );
          }),
        ),
      )}
      {scoring ? (
        <form method="post" action={`${base}/finish`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="button">
            {t.actions.finish_review}
          </button>
        </form>
      ) : null}
      {canConfirm ? (
        <form method="post" action={`${base}/confirm`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="button">
            {t.actions.confirm}
          </button>
        </form>
      ) : null}
      {scoring || reReviewing ? (
        <script src={assetUrl('oit-review.js')} nonce={ctx.nonce} defer />
      ) : null}
    </Layout>
  );
}
