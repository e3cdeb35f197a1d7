// The agency's OIT screen: the year's items grouped by sub-indicator and heading, each with its
// criteria; while the entry window is open, one form around every item (save all, or save and
// come back to an item; nothing typed is lost; autosave and a leaving warning with JavaScript)
// and a confirmation step before submitting; later the preliminary scores, the clarification
// form, and the confirmed result. Whenever a form is hidden, the page says why and when.
import type { Child } from 'hono/jsx';
import { allowsNotApplicable } from '../../domain/oit/workflow.ts';
import type { OitSheet } from '../../services/oit-shared.ts';
import { formatScore } from '../../i18n/format.ts';
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
import { formatDate } from '../../i18n/format.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { txt } from './survey-step.page.tsx';

/** What was typed into the entry form, by item code and field (answer, urls, note, …). */
export type OitTyped = Record<string, Record<string, string>>;

/** Why the entry form is hidden (nothing when it is shown). */
export function entryReasons(ctx: PageContext, sheet: OitSheet, canManage: boolean): string[] {
  const w = ctx.t.home.why;
  const phase = ctx.t.surveys.calendar.phase;
  if (sheet.preview) return [];
  if (sheet.status === 'confirmed') return [w.confirmed];
  if (sheet.status !== null && sheet.status !== 'draft') {
    const review = sheet.windowStates['oit-review'];
    const when = review.state === 'before' ? formatDate(review.opensOn, ctx.lang) : '';
    return [w.submitted(when)];
  }
  if (!canManage) return [w.readOnly];
  const r = windowReason(ctx, phase['oit-entry'], sheet.windowStates['oit-entry']);
  return r ? [r] : [];
}

/** Why the clarification form is hidden, once there is something to clarify or wait for. */
function disputeReasons(ctx: PageContext, sheet: OitSheet, canManage: boolean, n: number) {
  const w = ctx.t.home.why;
  if (sheet.preview) return [];
  if (sheet.status === 'submitted') return [w.awaitingReview];
  if (sheet.status !== 'reviewed' && sheet.status !== 'clarification_requested') return [];
  if (!canManage) return [w.readOnly];
  if (n === 0) return [w.noDisputes];
  const r = windowReason(
    ctx,
    ctx.t.surveys.calendar.phase.clarification,
    sheet.windowStates.clarification,
  );
  return r ? [r] : [];
}

export function OitAgencyPage(p: {
  ctx: PageContext;
  sheet: OitSheet;
  canManage: boolean;
  errors: FieldError[];
  typed?: OitTyped | undefined;
  disputes?: Record<string, string> | undefined;
  notice?: string | undefined;
}) {
  const { ctx, sheet } = p;
  const t = ctx.t.oit;
  const base = `/oit/${sheet.fiscalYear}/agencies/${encodeURIComponent(sheet.agency.code)}`;
  const editable =
    p.canManage &&
    (sheet.status === null || sheet.status === 'draft') &&
    sheet.windows['oit-entry'];
  const canDispute =
    p.canManage &&
    (sheet.status === 'reviewed' || sheet.status === 'clarification_requested') &&
    sheet.windows.clarification;
  const showScores = sheet.scores !== null;
  // Until the auditor confirms, every figure shown is labelled preliminary (never a card's score).
  const confirmed = sheet.status === 'confirmed';
  const tag = (
    <span class="tag" data-preliminary>
      {t.agency.preliminaryTag}
    </span>
  );
  const disputable = sheet.order.filter((c) => sheet.entries[c]?.score === 0);
  const h2 = ctx.t.home.entry;
  return (
    <Layout ctx={ctx} title={t.agency.title(sheet.agency.nameTh)} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <Notice text={p.notice} />
      <h1>{t.agency.title(sheet.agency.nameTh)}</h1>
      <p>
        {t.agency.statusLabel}: <OitStatusTag ctx={ctx} status={sheet.status} />{' '}
        {/* A framework preview has no agency, so no history to link to. */}
        {!sheet.preview && <a href={`${base}/history`}>{t.agency.historyLink}</a>}
      </p>
      <OitProgress
        label={t.agency.progress(sheet.done, sheet.total)}
        value={sheet.done}
        max={sheet.total}
      />
      {showScores && sheet.scores ? (
        <section class="oit-result" aria-labelledby="oit-result" data-oit-result={sheet.status}>
          <h2 id="oit-result">
            {confirmed ? t.agency.confirmedResult : t.agency.preliminary}
            {!confirmed && <> {tag}</>}
          </h2>
          <p class={confirmed ? 'hint' : 'notice notice--warning'} data-oit-note>
            {confirmed ? t.agency.confirmedNote : t.agency.preliminaryNote}
          </p>
          <p class="report-headline">
            <span class="report-headline__label">{t.agency.oitScore}</span>{' '}
            <span class="report-headline__score" data-oit-score>
              {formatScore(sheet.scores.oit, ctx.lang)}
            </span>
            {!confirmed && <> {tag}</>}
          </p>
          <table>
            <tbody>
              {Object.entries(sheet.scores.indicators).map(([code, v]) => (
                <tr>
                  <th scope="row">{code}</th>
                  <td>
                    {formatScore(v, ctx.lang)}
                    {!confirmed && <> {tag}</>}
                  </td>
                </tr>
              ))}
              {Object.entries(sheet.scores.subIndicators).map(([code, v]) => (
                <tr>
                  <th scope="row">{code}</th>
                  <td>
                    {formatScore(v, ctx.lang)}
                    {!confirmed && <> {tag}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <Unavailable ctx={ctx} reasons={entryReasons(ctx, sheet, p.canManage)} />
      {editable ? <p class="hint">{h2.intro}</p> : null}
      <FormIf
        on={editable}
        action={`${base}/items`}
        ctx={ctx}
        saveAll={h2.saveAll}
        toSubmit={h2.toSubmit}
      >
        {sheet.groups.map((g) => (
          <section class="oit-group" aria-labelledby={`sub-${g.subIndicator.code}`}>
            <h2 id={`sub-${g.subIndicator.code}`}>
              {g.subIndicator.code} {txt(ctx, g.subIndicator.name)}
            </h2>
            {g.headings.map((h) => {
              // A heading named like its sub-indicator (9.1 ข้อมูลพื้นฐาน) is not said twice; the
              // items' headings then sit one level higher, so no level is skipped.
              const named = Boolean(h.name && h.name.th !== g.subIndicator.name.th);
              const ItemHeading = named ? 'h4' : 'h3';
              return (
                <div>
                  {named ? <h3>{txt(ctx, h.name!)}</h3> : null}
                  {h.items.map((item) => {
                    const e = sheet.entries[item.code];
                    const typed = p.typed?.[item.code];
                    const answer = typed?.answer ?? e?.answer ?? '';
                    const err = (f: string) => errorFor(p.errors, `${item.code}-${f}`);
                    // Only items the year's framework marks `with_explanation` offer "not applicable".
                    const na = allowsNotApplicable(item);
                    return (
                      <article class="oit-item" id={`item-${item.code}`}>
                        <ItemHeading>
                          {item.code} {txt(ctx, item.title)}
                        </ItemHeading>
                        <p class="hint">
                          {t.item.criteria}: {txt(ctx, item.criteria)}
                        </p>
                        {na ? (
                          <p class="hint" data-not-applicable-allowed>
                            {t.agency.naHint}
                          </p>
                        ) : null}
                        {e?.urls.length ? (
                          <LinkFindings ctx={ctx} checks={sheet.checks[item.code]} />
                        ) : null}
                        {editable ? (
                          <div class="oit-item__form">
                            <OitRadios
                              id={`${item.code}-answer`}
                              name={`${item.code}-answer`}
                              legend={t.agency.answerLegend}
                              error={err('answer')}
                              options={(na
                                ? (['has', 'has_not', 'not_applicable'] as const)
                                : (['has', 'has_not'] as const)
                              ).map((v) => ({
                                value: v,
                                label: t.answer[v],
                              }))}
                              checked={answer}
                            />
                            <OitTextarea
                              id={`${item.code}-urls`}
                              name={`${item.code}-urls`}
                              label={t.agency.urlsLabel}
                              hint={t.agency.urlsHint}
                              error={err('urls')}
                              inputmode="url"
                              value={typed?.urls ?? e?.urls.join('\n') ?? ''}
                            />
                            <OitTextarea
                              id={`${item.code}-note`}
                              name={`${item.code}-note`}
                              label={na ? t.agency.noteLabelNa : t.agency.noteLabel}
                              error={err('note')}
                              value={typed?.note ?? e?.note ?? ''}
                            />
                            <button
                              type="submit"
                              name="return"
                              value={item.code}
                              class="button button--secondary"
                            >
                              {h2.saveAt(item.code)}
                            </button>
                          </div>
                        ) : (
                          <>
                            <OitAnswerView ctx={ctx} entry={e} />
                            {showScores ? <OitReviewView ctx={ctx} entry={e} /> : null}
                          </>
                        )}
                      </article>
                    );
                  })}
                </div>
              );
            })}
          </section>
        ))}
      </FormIf>
      {canDispute && disputable.length ? (
        <form method="post" action={`${base}/disputes`} class="oit-disputes">
          <CsrfField ctx={ctx} />
          <h2>{t.actions.dispute}</h2>
          <p class="hint">{t.agency.disputeHint}</p>
          {disputable.map((code) => {
            const e = sheet.entries[code];
            const error = errorFor(p.errors, `${code}-dispute`);
            return (
              <OitTextarea
                id={`${code}-dispute`}
                name={`dispute-${code}`}
                label={t.agency.disputeLabel(code)}
                error={error}
                value={
                  p.disputes?.[code] ??
                  (e?.status === 'clarification_requested' ? (e.dispute ?? '') : '')
                }
              />
            );
          })}
          <button type="submit" class="button">
            {t.agency.sendDisputes}
          </button>
        </form>
      ) : (
        <Unavailable
          ctx={ctx}
          reasons={disputeReasons(ctx, sheet, p.canManage, disputable.length)}
        />
      )}
      {editable ? <script src={assetUrl('oit-entry.js')} nonce={ctx.nonce} defer /> : null}
    </Layout>
  );
}

/**
 * The one entry form around every item, when the page is editable: a save-all bar that stays at
 * the bottom of the screen, with the autosave status, and "save and go on to submit".
 */
function FormIf(p: {
  on: boolean;
  ctx: PageContext;
  action: string;
  saveAll: string;
  toSubmit: string;
  children?: Child;
}) {
  if (!p.on) return <>{p.children}</>;
  const m = p.ctx.t.home.entry;
  return (
    <form
      method="post"
      action={p.action}
      id="oit-entry"
      class="oit-entry"
      novalidate
      data-msg-saving={m.autosaving}
      data-msg-saved={m.autosaved('{time}')}
      data-msg-failed={m.autosaveFailed}
      data-msg-problems={m.autosaveProblems}
      data-msg-leave={m.leaveWarning}
      data-msg-unsaved={m.unsaved}
    >
      <CsrfField ctx={p.ctx} />
      <input type="hidden" name="focus" value="" data-oit-focus />
      {p.children}
      <div class="oit-entry__bar" id="oit-save">
        <button type="submit" class="button" name="return" value="">
          {p.saveAll}
        </button>{' '}
        <button type="submit" class="button button--secondary" name="then" value="submit">
          {p.toSubmit}
        </button>
        <p class="oit-entry__status" role="status" aria-live="polite" data-oit-status></p>
      </div>
    </form>
  );
}

/** The step between "submit" and submitting: what will be sent, what is missing, no way back. */
export function OitSubmitPage(p: { ctx: PageContext; sheet: OitSheet; canManage: boolean }) {
  const { ctx, sheet } = p;
  const t = ctx.t.home.entry;
  const base = `/oit/${sheet.fiscalYear}/agencies/${encodeURIComponent(sheet.agency.code)}`;
  const reasons = entryReasons(ctx, sheet, p.canManage);
  const missing = sheet.total - sheet.done;
  return (
    <Layout ctx={ctx} title={t.confirmTitle}>
      <p>
        <a href={base}>‹ {t.back}</a>
      </p>
      <h1>{t.confirmTitle}</h1>
      <p class="hint">{sheet.agency.nameTh}</p>
      {reasons.length ? (
        <Unavailable ctx={ctx} reasons={reasons} />
      ) : (
        <form method="post" action={`${base}/submit`} class="oit-submit">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="confirm" value="yes" />
          <p>{t.confirmLead(sheet.done, sheet.total)}</p>
          {missing > 0 ? (
            <p class="notice notice--warning" data-oit-missing={missing}>
              {t.confirmMissing(missing)}
            </p>
          ) : null}
          <p>
            <strong>{t.confirmLocked}</strong>
          </p>
          <button type="submit" class="button">
            {t.confirmSubmit}
          </button>{' '}
          <a href={base} class="button button--secondary">
            {t.back}
          </a>
        </form>
      )}
    </Layout>
  );
}
