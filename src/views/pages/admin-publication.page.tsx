// The NACC's publication pages: the years with their state (publish opens a year's page; withdraw
// is a form), and one year's page: the readiness checklist (each item ✓/✗ with its reasons and
// counts), the OIT exceptions, a preview of what becomes public, and the publish form with its
// confirmation box. Works without JavaScript; every action is audited by the service.
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { countsText, reasonText } from '../../i18n/publication-text.ts';
import { ChartTable } from '../components/data-table.tsx';
import { CsrfField, ErrorSummary, errorFor, type FieldError } from '../components/form.tsx';
import { Unavailable } from '../components/unavailable.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { YearInfo } from './results-parts.tsx';
import { PublicationPreview } from './admin-publication-preview.tsx';
import type { PublicationModel } from './admin-publication.model.ts';

export function AdminPublicationPage({
  ctx,
  years,
  notice,
}: {
  ctx: PageContext;
  years: YearInfo[];
  notice?: string | undefined;
}) {
  const m = ctx.t.results.admin;
  const p = ctx.t.publication;
  return (
    <Layout ctx={ctx} title={m.title}>
      {notice && (
        <div class="notice" role="status">
          {notice}
        </div>
      )}
      <h1>{m.title}</h1>
      {[...years].reverse().map((y) => (
        <section class="publication" data-testid={`publication-${y.fiscalYear}`}>
          <h2>
            {m.year} {y.fiscalYear}:{' '}
            <span class={y.publishedAt ? 'tag tag--pass' : 'tag'}>
              {y.publishedAt
                ? `${m.published} ${formatDate(y.publishedAt, ctx.lang)}`
                : m.unpublished}
            </span>
          </h2>
          {y.publishedAt ? (
            <form method="post" action={`/admin/publication/${y.fiscalYear}/unpublish`}>
              <CsrfField ctx={ctx} />
              <p>{y.announcementTh}</p>
              <button type="submit" class="button--secondary">
                {m.unpublish}
              </button>
            </form>
          ) : (
            <p>
              <a class="button" href={`/admin/publication/${y.fiscalYear}`}>
                {p.open}
              </a>
            </p>
          )}
        </section>
      ))}
    </Layout>
  );
}

export interface PublishForm {
  th: string;
  en: string;
  confirmed: boolean;
}

export function AdminPublicationYearPage({
  ctx,
  view,
  errors,
  form,
  exceptionForm,
  notice,
}: {
  ctx: PageContext;
  view: PublicationModel;
  errors: FieldError[];
  form?: PublishForm | undefined;
  exceptionForm?: { agency: string; reason: string } | undefined;
  notice?: string | undefined;
}) {
  const m = ctx.t.results.admin;
  const p = ctx.t.publication;
  const { lang } = ctx;
  const y = String(view.year.fiscalYear);
  const base = `/admin/publication/${y}`;
  const { readiness } = view;
  const thErr = errorFor(errors, 'announcement-th');
  const confirmErr = errorFor(errors, 'confirm');
  const agencyErr = errorFor(errors, 'exception-agency');
  const reasonErr = errorFor(errors, 'exception-reason');
  return (
    <Layout ctx={ctx} title={p.title(y)} hasError={errors.length > 0}>
      <p>
        <a href="/admin/publication">‹ {m.title}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && (
        <div class="notice" role="status">
          {notice}
        </div>
      )}
      <h1>{p.title(y)}</h1>
      {view.year.publishedAt && (
        <>
          <p class="tag tag--pass">{`${m.published} ${formatDate(view.year.publishedAt, lang)}`}</p>
          <Unavailable
            ctx={ctx}
            reasons={[
              p.publishedLocked(
                String(view.year.fiscalYear),
                formatDate(view.year.publishedAt, lang),
              ),
            ]}
          />
        </>
      )}

      <section aria-labelledby="checklist" data-testid="checklist">
        <h2 id="checklist">{p.checklistTitle}</h2>
        <p
          class={readiness.ready ? 'notice' : 'notice notice--warning'}
          data-testid="readiness"
          data-ready={readiness.ready ? 'yes' : 'no'}
        >
          {readiness.ready ? p.ready : p.notReady}
        </p>
        <ul class="checklist">
          {readiness.items.map((item) => {
            const counts = countsText(item, lang);
            return (
              <li data-check={item.code} data-ok={item.ok ? 'yes' : 'no'}>
                <span aria-hidden="true">{item.ok ? '✓' : '✗'}</span>{' '}
                <span class="visually-hidden">{item.ok ? p.pass : p.fail}: </span>
                <strong>{p.item[item.code]}</strong>
                {counts && <span class="muted"> ({counts})</span>}
                {item.reasons.length > 0 && (
                  <ul>
                    {item.reasons.map((r) => (
                      <li data-reason={r.code}>{reasonText(r, lang)}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="exceptions" data-testid="exceptions">
        <h2 id="exceptions">{p.exceptions.title}</h2>
        <p class="hint">{p.exceptions.hint}</p>
        {view.exceptions.length === 0 ? (
          <p>{p.exceptions.none}</p>
        ) : (
          <ChartTable
            caption={p.exceptions.title}
            rows={view.exceptions}
            columns={[
              {
                header: p.exceptions.agency,
                rowHeader: true,
                cell: (x) => `${x.agencyCode} ${x.nameTh}`,
              },
              { header: p.exceptions.reason, cell: (x) => x.reason },
              {
                header: p.exceptions.recordedBy,
                cell: (x) => `${x.recordedBy}, ${formatDateTime(x.recordedAt, lang)}`,
              },
              {
                header: '',
                cell: (x) =>
                  view.year.publishedAt ? (
                    ''
                  ) : (
                    <form method="post" action={`${base}/exceptions/remove`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="agency" value={x.agencyCode} />
                      <button type="submit" class="button--secondary">
                        {p.exceptions.remove}
                      </button>
                    </form>
                  ),
              },
            ]}
          />
        )}
        {!view.year.publishedAt && (
          <form method="post" action={`${base}/exceptions`}>
            <CsrfField ctx={ctx} />
            <div class={`form-group${agencyErr ? ' form-group--error' : ''}`}>
              <label for="exception-agency">{p.exceptions.agency}</label>
              {agencyErr && (
                <span class="error-message" id="exception-agency-error">
                  {agencyErr}
                </span>
              )}
              <input
                id="exception-agency"
                name="agency"
                type="text"
                value={exceptionForm?.agency ?? ''}
                aria-describedby={agencyErr ? 'exception-agency-error' : undefined}
              />
            </div>
            <div class={`form-group${reasonErr ? ' form-group--error' : ''}`}>
              <label for="exception-reason">{p.exceptions.reason}</label>
              {reasonErr && (
                <span class="error-message" id="exception-reason-error">
                  {reasonErr}
                </span>
              )}
              <input
                id="exception-reason"
                name="reason"
                type="text"
                maxlength={500}
                value={exceptionForm?.reason ?? ''}
                aria-describedby={reasonErr ? 'exception-reason-error' : undefined}
              />
            </div>
            <button type="submit" class="button--secondary">
              {p.exceptions.add}
            </button>
          </form>
        )}
      </section>

      <PublicationPreview ctx={ctx} view={view} />

      {!view.year.publishedAt && (
        <section aria-labelledby="publish">
          <h2 id="publish">{m.publish}</h2>
          <form method="post" action={`${base}/publish`}>
            <CsrfField ctx={ctx} />
            <div class={`form-group${thErr ? ' form-group--error' : ''}`}>
              <label for="announcement-th">{m.announcementTh}</label>
              {thErr && (
                <span class="error-message" id="announcement-th-error">
                  {thErr}
                </span>
              )}
              <textarea
                id="announcement-th"
                name="announcement_th"
                rows={4}
                aria-describedby={thErr ? 'announcement-th-error' : undefined}
              >
                {form?.th ?? view.year.announcementTh ?? ''}
              </textarea>
            </div>
            <div class="form-group">
              <label for="announcement-en">{m.announcementEn}</label>
              <textarea id="announcement-en" name="announcement_en" rows={3}>
                {form?.en ?? view.year.announcementEn ?? ''}
              </textarea>
            </div>
            <div class={`form-group${confirmErr ? ' form-group--error' : ''}`}>
              {confirmErr && (
                <span class="error-message" id="confirm-error">
                  {confirmErr}
                </span>
              )}
              <input
                type="checkbox"
                id="confirm"
                name="confirm"
                value="yes"
                checked={form?.confirmed ?? false}
                aria-describedby={confirmErr ? 'confirm-error' : undefined}
              />{' '}
              <label for="confirm">{p.confirmLabel}</label>
            </div>
            <button type="submit">{m.publish}</button>
          </form>
        </section>
      )}
    </Layout>
  );
}
