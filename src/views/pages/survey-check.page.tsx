// Check your answers: every answer with a change link, then the send button.
import type { DemographicField, Framework } from '../../domain/framework/schema.ts';
import type { DraftAnswers, SurveyPage } from '../../domain/survey-form.ts';
import type { FieldError } from '../components/form.tsx';
import { CsrfField, ErrorSummary } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { SurveyHeader } from './survey-start.page.tsx';
import { answerOptions, radioAnchor, txt } from './survey-step.page.tsx';

export function SurveyCheckPage(p: {
  ctx: PageContext;
  h: SurveyHeader;
  framework: Framework;
  draft: DraftAnswers;
  /** The sealed response id made for this page: sending twice stores one response. */
  submission: string;
  demographics: DemographicField[];
  pages: readonly SurveyPage[];
  errors: FieldError[];
}) {
  const { ctx } = p;
  const s = ctx.t.surveys;
  const change = (step: string, anchor: string, what: string) => (
    <a href={`${p.h.base}/${step}?return=check#${anchor}`}>
      {s.check.change}
      <span class="visually-hidden"> {s.check.changeLabel(what)}</span>
    </a>
  );
  return (
    <Layout ctx={ctx} title={s.check.title} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <span class="caption">
        {p.h.agencyName} · {s.toolShort[p.h.tool]}
      </span>
      <h1>{s.check.title}</h1>
      <h2>{s.about.title}</h2>
      <dl class="summary-list summary-list--actions">
        {p.h.tool === 'IIT' ? (
          <>
            <dt>{s.eligibility.title}</dt>
            <dd>
              {s.check.eligible} {change('eligibility', 'eligible-yes', s.eligibility.title)}
            </dd>
          </>
        ) : null}
        {p.demographics.map((f) => {
          const v = p.draft.demographics[f.code as keyof DraftAnswers['demographics']];
          const label = f.options.find((o) => o.value === v);
          return (
            <>
              <dt>{txt(ctx, f.label)}</dt>
              <dd>
                {label ? txt(ctx, label.label) : s.check.notAnswered}{' '}
                {change('about', radioAnchor(f.code, f.options[0]?.value ?? ''), txt(ctx, f.label))}
              </dd>
            </>
          );
        })}
      </dl>
      {p.pages.map((page, i) => (
        <>
          <h2>{txt(ctx, page.title)}</h2>
          <dl class="summary-list summary-list--actions">
            {page.questions.flatMap((q) =>
              q.items.map((item) => {
                const key = `${q.code}.${item.n}`;
                const options = answerOptions(ctx, p.framework, item.scale);
                const chosen = options.find((o) => o.value === p.draft.answers[key]);
                return (
                  <>
                    <dt>
                      {key} {q.items.length === 1 ? txt(ctx, q.text) : txt(ctx, item.text)}
                    </dt>
                    <dd>
                      {chosen ? chosen.label : s.check.notAnswered}{' '}
                      {change(`page-${i + 1}`, radioAnchor(key, options[0]!.value), key)}
                    </dd>
                  </>
                );
              }),
            )}
          </dl>
        </>
      ))}
      <form method="post" action={`${p.h.base}/submit`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="submission" value={p.submission} />
        <p>{s.check.declaration}</p>
        <button type="submit" id="submit">
          {s.check.submit}
        </button>
      </form>
    </Layout>
  );
}
