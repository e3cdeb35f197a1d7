// The NACC's framework list with the upload form, and what a checked upload shows: every problem
// with its path in Thai and English, or the confirmation of what the import will do.
import type { FrameworkProblem } from '../../domain/framework/validate.ts';
import { formatInteger } from '../../i18n/format.ts';
import type { FrameworkSummaryModel, UploadCheckModel } from './framework.model.ts';
import { CsrfField, ErrorSummary, type FieldError } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { ChangesTable } from './framework-parts.tsx';
import { problemText } from '../../i18n/problem-text.ts';

/**
 * The largest framework file the page accepts (the shipped ones are about 100 KB); its canonical
 * form travels back in the confirmation form, under the 4 MB of any form.
 */
export const FRAMEWORK_FILE_MAX = 1024 * 1024;
const MB = String(FRAMEWORK_FILE_MAX / 1024 / 1024);

export function FrameworksPage(p: {
  ctx: PageContext;
  frameworks: FrameworkSummaryModel[];
  notice?: string | undefined;
}) {
  const { ctx } = p;
  const t = ctx.t.frameworks.list;
  return (
    <Layout ctx={ctx} title={t.title}>
      {p.notice ? (
        <div class="notice notice--success" role="status">
          {p.notice}
        </div>
      ) : null}
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p>
        <a href="/frameworks/schema.json">{t.schema}</a>
      </p>
      {p.frameworks.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <caption class="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.col.id}</th>
                <th scope="col">{t.col.fiscalYear}</th>
                <th scope="col">{t.col.version}</th>
                <th scope="col">{t.col.source}</th>
                <th scope="col">{t.col.provenance}</th>
                <th scope="col">{t.col.years}</th>
                <th scope="col">{t.col.state}</th>
              </tr>
            </thead>
            <tbody>
              {p.frameworks.map((f) => {
                const frozen = f.years.some((y) => y.started);
                const open = f.unverified;
                return (
                  <tr data-framework={f.id}>
                    <th scope="row">
                      <a href={`/admin/frameworks/${encodeURIComponent(f.id)}`}>{f.id}</a>
                      <br />
                      <span class="muted">
                        {ctx.lang === 'en' && f.name.en ? f.name.en : f.name.th}
                      </span>
                    </th>
                    <td>{f.fiscalYear}</td>
                    <td>{f.version}</td>
                    <td>{f.builtIn ? t.shipped : t.imported}</td>
                    <td>
                      {open === 0 ? (
                        t.verified
                      ) : (
                        <strong class="tag tag--warning">
                          {t.unverified(formatInteger(open, ctx.lang))}
                        </strong>
                      )}
                    </td>
                    <td>
                      {f.years.length === 0
                        ? t.notUsed
                        : f.years
                            .map((y) =>
                              y.started ? t.yearFrozen(String(y.fiscalYear)) : String(y.fiscalYear),
                            )
                            .join(', ')}
                    </td>
                    <td data-frozen={frozen ? 'yes' : 'no'}>{frozen ? t.frozen : t.open}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <UploadForm ctx={ctx} errors={[]} />
    </Layout>
  );
}

/** The upload form: a file and a button; no JavaScript needed. */
function UploadForm(p: { ctx: PageContext; errors: FieldError[]; chosen?: string | undefined }) {
  const t = p.ctx.t.frameworks.upload;
  const error = p.errors.find((e) => e.field === 'file')?.message;
  return (
    <form
      method="post"
      action="/admin/frameworks/check"
      enctype="multipart/form-data"
      class="framework-upload"
    >
      <CsrfField ctx={p.ctx} />
      <h2>{p.chosen ? t.chooseAgain : t.title}</h2>
      {p.chosen ? null : <p>{t.lead}</p>}
      <div class={`form-group${error ? ' form-group--error' : ''}`}>
        <label for="file">{t.file}</label>
        <span class="hint" id="file-hint">
          {t.hint(MB)}
        </span>
        {p.chosen ? (
          <span class="hint" id="file-chosen" data-chosen>
            {t.chosen(p.chosen)}
          </span>
        ) : null}
        {error ? (
          <span class="error-message" id="file-error">
            <span class="visually-hidden">{p.ctx.t.common.errors.errorPrefix}</span>
            {error}
          </span>
        ) : null}
        <input
          type="file"
          id="file"
          name="file"
          accept=".json,application/json"
          aria-describedby={['file-hint', p.chosen ? 'file-chosen' : '', error ? 'file-error' : '']
            .filter(Boolean)
            .join(' ')}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="button">
        {t.check}
      </button>
    </form>
  );
}

/** A refused upload: the form again (naming the file chosen) and every problem. */
export function UploadProblemsPage(p: {
  ctx: PageContext;
  fileName: string;
  errors: FieldError[];
  problems: FrameworkProblem[];
}) {
  const { ctx } = p;
  const t = ctx.t.frameworks.upload;
  const title = p.problems.length
    ? t.problemsTitle(formatInteger(p.problems.length, ctx.lang), p.fileName)
    : t.title;
  return (
    <Layout ctx={ctx} title={title} hasError>
      <p>
        <a href="/admin/frameworks">‹ {ctx.t.frameworks.detail.back}</a>
      </p>
      <ErrorSummary
        ctx={ctx}
        errors={
          p.errors.length
            ? p.errors
            : [
                {
                  field: 'problems',
                  message: t.problemsTitle(formatInteger(p.problems.length, ctx.lang), p.fileName),
                },
              ]
        }
      />
      <h1>{title}</h1>
      {p.problems.length ? (
        <section id="problems" tabindex={-1}>
          <p>{t.problemsLead}</p>
          <div class="table-wrap" tabindex={0}>
            <table class="framework-problems" data-problems={String(p.problems.length)}>
              <thead>
                <tr>
                  <th scope="col">{t.colPath}</th>
                  <th scope="col">{t.colTh}</th>
                  <th scope="col">{t.colEn}</th>
                </tr>
              </thead>
              <tbody>
                {p.problems.map((problem) => (
                  <tr>
                    <th scope="row">
                      <code>{problem.field || t.wholeFile}</code>
                    </th>
                    <td lang="th">{problemText(problem, 'th')}</td>
                    <td lang="en">{problemText(problem, 'en')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <UploadForm ctx={ctx} errors={p.errors} chosen={p.fileName || undefined} />
    </Layout>
  );
}

/** A valid upload: what the import will do, and the button that does it (or why it cannot). */
export function UploadConfirmPage(p: {
  ctx: PageContext;
  fileName: string;
  check: UploadCheckModel;
}) {
  const { ctx, check } = p;
  const t = ctx.t.frameworks.confirm;
  const f = check.framework;
  const allowed = ['created', 'replaced', 'texts', 'unchanged'].includes(check.outcome);
  const what =
    check.outcome === 'created'
      ? t.create(f.id)
      : check.outcome === 'replaced'
        ? t.replace(f.id, String(check.storedVersion ?? ''))
        : check.outcome === 'texts'
          ? t.texts(f.id, String(check.storedVersion ?? ''))
          : check.outcome === 'unchanged'
            ? t.unchanged(f.id)
            : check.outcome === 'shipped'
              ? t.shipped(f.id)
              : check.outcome === 'frozen'
                ? t.frozen(f.id)
                : t.versionTooLow(f.id, String(check.storedVersion ?? ''));
  return (
    <Layout ctx={ctx} title={t.title}>
      <p>
        <a href="/admin/frameworks">‹ {ctx.t.frameworks.detail.back}</a>
      </p>
      <h1>{t.title}</h1>
      <div class="notice notice--success" role="status" data-valid>
        {t.valid(p.fileName)}
      </div>
      <dl class="summary-list">
        <dt>{ctx.t.frameworks.list.col.id}</dt>
        <dd>{f.id}</dd>
        <dt>{ctx.t.frameworks.list.col.name}</dt>
        <dd>{ctx.lang === 'en' && f.name.en ? f.name.en : f.name.th}</dd>
        <dt>{ctx.t.frameworks.list.col.fiscalYear}</dt>
        <dd>{f.fiscalYear}</dd>
        <dt>{ctx.t.frameworks.list.col.version}</dt>
        <dd>{f.version}</dd>
      </dl>
      <p class={allowed ? 'notice' : 'notice notice--warning'} data-outcome={check.outcome}>
        {what}
      </p>
      {check.changes.length ? <ChangesTable ctx={ctx} changes={check.changes} level={2} /> : null}
      {allowed ? (
        <form method="post" action="/admin/frameworks/import" enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="framework_json" value={check.text} />
          <input type="hidden" name="file_name" value={p.fileName} />
          <button type="submit" class="button">
            {t.button}
          </button>{' '}
          <a href="/admin/frameworks">{t.cancel}</a>
        </form>
      ) : (
        <p>
          <a href="/admin/frameworks">{t.cancel}</a>
        </p>
      )}
    </Layout>
  );
}
