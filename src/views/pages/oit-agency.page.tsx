// The agency's OIT screen: the year's items grouped by sub-indicator and heading, each with its
// criteria; while the entry window is open, a small form per item and the submit button; later
// the preliminary scores, the clarification form, and the confirmed result.
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
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export interface OitTyped {
  item: string;
  answer: string;
  urls: string;
  note: string;
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
  return (
    <Layout ctx={ctx} title={t.agency.title(sheet.agency.nameTh)} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <Notice text={p.notice} />
      <h1>{t.agency.title(sheet.agency.nameTh)}</h1>
      <p>
        {t.agency.statusLabel}: <OitStatusTag ctx={ctx} status={sheet.status} />{' '}
        <a href={`${base}/history`}>{t.agency.historyLink}</a>
      </p>
      <OitProgress
        label={t.agency.progress(sheet.done, sheet.total)}
        value={sheet.done}
        max={sheet.total}
      />
      {p.canManage &&
      (sheet.status === null || sheet.status === 'draft') &&
      !sheet.windows['oit-entry'] ? (
        <div class="notice notice--warning">{t.agency.windowClosed}</div>
      ) : null}
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
      {sheet.groups.map((g) => (
        <section class="oit-group" aria-labelledby={`sub-${g.subIndicator.code}`}>
          <h2 id={`sub-${g.subIndicator.code}`}>
            {g.subIndicator.code} {g.subIndicator.name.th}
          </h2>
          {g.headings.map((h) => (
            <div>
              {/* A heading named like its sub-indicator (9.1 ข้อมูลพื้นฐาน) is not said twice. */}
              {h.name && h.name.th !== g.subIndicator.name.th ? <h3>{h.name.th}</h3> : null}
              {h.items.map((item) => {
                // Without its heading's h3, an item's title is the next level under the h2.
                const Title = h.name && h.name.th !== g.subIndicator.name.th ? 'h4' : 'h3';
                const e = sheet.entries[item.code];
                const typed = p.typed?.item === item.code ? p.typed : undefined;
                const answer = typed?.answer ?? e?.answer ?? '';
                const err = (f: string) => errorFor(p.errors, `${item.code}-${f}`);
                // Only items the year's framework marks `with_explanation` offer "not applicable".
                const na = allowsNotApplicable(item);
                return (
                  <article class="oit-item" id={`item-${item.code}`}>
                    <Title>
                      {item.code} {item.title.th}
                    </Title>
                    <p class="hint">
                      {t.item.criteria}: {item.criteria.th}
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
                      <form
                        method="post"
                        action={`${base}/items/${item.code}`}
                        class="oit-item__form"
                      >
                        <CsrfField ctx={ctx} />
                        <OitRadios
                          id={`${item.code}-answer`}
                          name="answer"
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
                          name="urls"
                          label={t.agency.urlsLabel}
                          hint={t.agency.urlsHint}
                          error={err('urls')}
                          inputmode="url"
                          value={typed?.urls ?? e?.urls.join('\n') ?? ''}
                        />
                        <OitTextarea
                          id={`${item.code}-note`}
                          name="note"
                          label={na ? t.agency.noteLabelNa : t.agency.noteLabel}
                          error={err('note')}
                          value={typed?.note ?? e?.note ?? ''}
                        />
                        <button type="submit" class="button button--secondary">
                          {t.agency.saveItem} {item.code}
                        </button>
                      </form>
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
          ))}
        </section>
      ))}
      {editable ? (
        <form method="post" action={`${base}/submit`} class="oit-submit">
          <CsrfField ctx={ctx} />
          <h2>{t.agency.submitTitle}</h2>
          <p class="hint">{t.agency.submitHint(sheet.total - sheet.done)}</p>
          <button type="submit" class="button">
            {t.actions.submit}
          </button>
        </form>
      ) : null}
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
      ) : null}
    </Layout>
  );
}
