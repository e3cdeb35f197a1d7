// The agency's OIT screen: the year's items grouped by sub-indicator and heading, each with its
// criteria; while the entry window is open, one form around every item (save all, or save and
// come back to an item; nothing typed is lost; autosave and a leaving warning with JavaScript)
// and a confirmation step before submitting; later the preliminary scores, the clarification
// form, and the confirmed result. Whenever a form is hidden, the page says why and when.
import { allowsNotApplicable } from '../../domain/oit/workflow.ts';
import type { OitSheetModel } from '../components/oit-sheet.model.ts';
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
import { Unavailable } from '../components/unavailable.tsx';
import { assetUrl } from '../static-assets.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { txt } from './survey-step.page.tsx';
import { entryReasons, disputeReasons, FormIf } from './oit-agency-availability.tsx';

/** What was typed into the entry form, by item code and field (answer, urls, note, …). */
export type OitTyped = Record<string, Record<string, string>>;

export function OitAgencyPage(p: {
  ctx: PageContext;
  sheet: OitSheetModel;
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
