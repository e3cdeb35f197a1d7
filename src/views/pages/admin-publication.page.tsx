// The NACC's publication page: each year's state, and a form to publish it with an announcement
// or withdraw it. Both actions are audited by the service.
import { formatDate } from '../../i18n/format.ts';
import type { YearRow } from '../../services/results-view.service.ts';
import { CsrfField, ErrorSummary, type FieldError } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function AdminPublicationPage({
  ctx,
  years,
  errors,
  form,
  notice,
}: {
  ctx: PageContext;
  years: YearRow[];
  errors: FieldError[];
  form: { year: number; th: string; en: string } | undefined;
  notice?: string | undefined;
}) {
  const m = ctx.t.results.admin;
  return (
    <Layout ctx={ctx} title={m.title} hasError={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice && (
        <div class="notice" role="status">
          {notice}
        </div>
      )}
      <h1>{m.title}</h1>
      {[...years].reverse().map((y) => {
        const id = `announcement-th-${y.fiscalYear}`;
        const typed = form?.year === y.fiscalYear ? form : undefined;
        const err = typed ? errors.find((e) => e.field === id) : undefined;
        return (
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
              <form method="post" action={`/admin/publication/${y.fiscalYear}/publish`}>
                <CsrfField ctx={ctx} />
                <div class={`form-group${err ? ' form-group--error' : ''}`}>
                  <label for={id}>{m.announcementTh}</label>
                  {err && (
                    <span class="error-message" id={`${id}-error`}>
                      {err.message}
                    </span>
                  )}
                  <textarea
                    id={id}
                    name="announcement_th"
                    rows={4}
                    aria-describedby={err ? `${id}-error` : undefined}
                  >
                    {typed?.th ?? y.announcementTh ?? ''}
                  </textarea>
                </div>
                <div class="form-group">
                  <label for={`announcement-en-${y.fiscalYear}`}>{m.announcementEn}</label>
                  <textarea id={`announcement-en-${y.fiscalYear}`} name="announcement_en" rows={3}>
                    {typed?.en ?? y.announcementEn ?? ''}
                  </textarea>
                </div>
                <button type="submit">{m.publish}</button>
              </form>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
