// The NACC's assessment years: each with its framework version, a form to create a year on a
// framework, and the page that checks a move to another framework version before doing it.
import { formatInteger } from '../../i18n/format.ts';
import type { Problem } from '../../domain/problem.ts';
import type {
  FrameworkSummaryModel,
  MovePlanModel,
  MoveRefusedModel,
  YearOverviewModel,
} from './framework.model.ts';
import {
  CsrfField,
  ErrorSummary,
  TextField,
  errorFor,
  type FieldError,
} from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { problemText } from '../../i18n/problem-text.ts';
import { ChangesTable } from './framework-parts.tsx';

function FrameworkSelect(p: {
  ctx: PageContext;
  id: string;
  label: string;
  frameworks: FrameworkSummaryModel[];
  value: string;
  error?: string | undefined;
  except?: string;
}) {
  return (
    <div class={`form-group${p.error ? ' form-group--error' : ''}`}>
      <label for={p.id}>{p.label}</label>
      {p.error ? (
        <span class="error-message" id={`${p.id}-error`}>
          <span class="visually-hidden">{p.ctx.t.common.errors.errorPrefix}</span>
          {p.error}
        </span>
      ) : null}
      <select
        id={p.id}
        name="framework"
        aria-describedby={p.error ? `${p.id}-error` : undefined}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.value === '' ? <option value="">–</option> : null}
        {p.frameworks
          .filter((f) => f.id !== p.except)
          .map((f) => (
            <option value={f.id} selected={f.id === p.value}>
              {f.id} ({f.fiscalYear}, v{f.version})
            </option>
          ))}
      </select>
    </div>
  );
}

export function YearsAdminPage(p: {
  ctx: PageContext;
  years: YearOverviewModel[];
  frameworks: FrameworkSummaryModel[];
  form: { year: string; framework: string };
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { ctx } = p;
  const t = ctx.t.frameworks.years;
  return (
    <Layout ctx={ctx} title={t.title} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {p.notice ? (
        <div class="notice notice--success" role="status">
          {p.notice}
        </div>
      ) : null}
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {p.years.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <caption class="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.col.year}</th>
                <th scope="col">{t.col.framework}</th>
                <th scope="col">{t.col.state}</th>
                <th scope="col">{t.col.actions}</th>
              </tr>
            </thead>
            <tbody>
              {[...p.years].reverse().map((y) => (
                <tr data-year={String(y.fiscalYear)}>
                  <th scope="row">{y.fiscalYear}</th>
                  <td>
                    <a href={`/admin/frameworks/${encodeURIComponent(y.frameworkId)}`}>
                      {y.frameworkId}
                    </a>{' '}
                    (v{y.frameworkVersion})
                  </td>
                  <td>{y.published ? t.published : y.started ? t.started : t.notStarted}</td>
                  <td>
                    {y.published ? null : (
                      <form method="get" action={`/admin/years/${y.fiscalYear}/framework`}>
                        <FrameworkSelect
                          ctx={ctx}
                          id={`to-${y.fiscalYear}`}
                          label={t.move(String(y.fiscalYear))}
                          frameworks={p.frameworks}
                          value=""
                          except={y.frameworkId}
                        />
                        <button type="submit" class="button button--secondary">
                          {t.check}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action="/admin/years" class="year-create">
        <CsrfField ctx={ctx} />
        <h2>{t.createTitle}</h2>
        <TextField
          ctx={ctx}
          id="year"
          label={t.year}
          hint={t.yearHint}
          inputmode="numeric"
          value={p.form.year}
          error={errorFor(p.errors, 'year')}
        />
        <FrameworkSelect
          ctx={ctx}
          id="framework"
          label={t.framework}
          frameworks={p.frameworks}
          value={p.form.framework}
          error={errorFor(p.errors, 'framework')}
        />
        <button type="submit" class="button">
          {t.create}
        </button>
      </form>
    </Layout>
  );
}

/** Reasons, each in Thai then English (ADR 0020). */
function Reasons({ problems }: { problems: Problem[] }) {
  return (
    <ul data-problems={String(problems.length)}>
      {problems.map((p) => (
        <li>
          <span lang="th">{problemText(p, 'th')}</span>
          <br />
          <span lang="en">{problemText(p, 'en')}</span>
        </li>
      ))}
    </ul>
  );
}

/** The two versions, the data held and what changes in the method. */
function PlanBody(p: { ctx: PageContext; plan: MovePlanModel; allowed: boolean }) {
  const { ctx, plan } = p;
  const t = ctx.t.frameworks.move;
  const n = (x: number) => formatInteger(x, ctx.lang);
  return (
    <>
      <dl class="summary-list">
        <dt>{t.from}</dt>
        <dd>
          {plan.from.id} (v{plan.from.version})
        </dd>
        <dt>{t.to}</dt>
        <dd>
          {plan.to.id} (v{plan.to.version})
        </dd>
      </dl>
      <p>{t.data(n(plan.data.responses.IIT), n(plan.data.responses.EIT), n(plan.data.oitItems))}</p>
      {p.allowed ? (
        <p class="notice" data-recompute={String(plan.recompute.agencies)}>
          {t.recompute(n(plan.recompute.agencies), n(plan.recompute.cards))}
        </p>
      ) : null}
      <h2>{t.diffTitle}</h2>
      <ChangesTable ctx={ctx} changes={plan.changes} level={3} />
    </>
  );
}

/** What moving a year changes and recomputes; or, refused (409), every reason. */
export function YearMovePage({ ctx, plan }: { ctx: PageContext; plan: MovePlanModel }) {
  const t = ctx.t.frameworks.move;
  const refused = plan.problems.length > 0;
  const title = t.title(String(plan.fiscalYear));
  return (
    <Layout ctx={ctx} title={title} hasError={refused}>
      <p>
        <a href="/admin/years">‹ {t.cancel}</a>
      </p>
      {refused ? (
        <div class="error-summary" role="alert" aria-labelledby="move-refused" tabindex={-1}>
          <h2 id="move-refused">{t.refusedTitle}</h2>
          <Reasons problems={plan.problems} />
          <p>{t.refusedLead}</p>
        </div>
      ) : null}
      <h1>{title}</h1>
      <PlanBody ctx={ctx} plan={plan} allowed={!refused} />
      {refused ? null : (
        <form method="post" action={`/admin/years/${plan.fiscalYear}/framework`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="framework" value={plan.to.id} />
          <button type="submit" class="button">
            {t.confirm}
          </button>{' '}
          <a href="/admin/years">{t.cancel}</a>
        </form>
      )}
    </Layout>
  );
}

/**
 * A move refused when confirmed (409): nothing moved. Why (a refused move's every reason, and
 * the plan's own from where the year is now), the framework it is on now, and the plan from
 * there without a form: the move asked for did not happen, so it is checked again first.
 * Asked for the plan only (`asked="plan"`), the same page says the move cannot be planned.
 */
export function YearMoveRefusedPage({
  ctx,
  page,
  asked = 'move',
}: {
  ctx: PageContext;
  page: MoveRefusedModel;
  asked?: 'plan' | 'move';
}) {
  const t = ctx.t.frameworks.move;
  const { refusal, plan, current } = page;
  const year = String(page.fiscalYear);
  const reasons: Problem[] =
    refusal.code === 'year_move_refused' ? [...refusal.params.problems] : [refusal];
  const shown = new Set(reasons.map((p) => problemText(p, 'en')));
  for (const p of plan?.problems ?? []) if (!shown.has(problemText(p, 'en'))) reasons.push(p);
  const title = t.title(year);
  return (
    <Layout ctx={ctx} title={title} hasError>
      <p>
        <a href="/admin/years">‹ {t.cancel}</a>
      </p>
      <div
        class="error-summary"
        role="alert"
        aria-labelledby="move-refused"
        tabindex={-1}
        data-refusal={refusal.code}
      >
        <h2 id="move-refused">{asked === 'plan' ? t.cannotMoveTitle : t.notMovedTitle}</h2>
        <Reasons problems={reasons} />
      </div>
      <h1>{title}</h1>
      <p data-current={current.id}>{t.now(year, current.id, String(current.version))}</p>
      {plan ? (
        <>
          <PlanBody ctx={ctx} plan={plan} allowed={false} />
          <p>
            <a href={`/admin/years/${year}/framework?framework=${encodeURIComponent(plan.to.id)}`}>
              {t.checkAgain}
            </a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}
