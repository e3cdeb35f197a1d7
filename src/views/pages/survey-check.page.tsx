// Check your answers: every answer with a change link, then the send button.
import type { Child } from 'hono/jsx';
import type { DemographicField, Framework } from '../../domain/framework/schema.ts';
import type { DraftAnswers, SurveyPage } from '../../domain/survey-form.ts';
import type { FieldError } from '../components/form.tsx';
import { CsrfField, ErrorSummary } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { SurveyHeader } from './survey-header.ts';
import { answerOptions, radioAnchor, txt } from './survey-step.page.tsx';

/**
 * Every answer with its change link (the check page, and the last step of the one-document
 * form, where `shown` leaves a place the browser fills).
 */
export function AnswerSummary(p: {
  ctx: PageContext;
  h: SurveyHeader;
  framework: Framework;
  demographics: DemographicField[];
  pages: readonly SurveyPage[];
  shown: (key: string, options: { value: string; label: string }[]) => Child;
}) {
  const { ctx } = p;
  const s = ctx.t.surveys;
  const change = (step: string, anchor: string, what: string) => (
    <a href={`${p.h.base}/${step}?return=check#${anchor}`} data-change={step}>
      {s.check.change}
      <span class="visually-hidden"> {s.check.changeLabel(what)}</span>
    </a>
  );
  return (
    <>
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
          const options = f.options.map((o) => ({ value: o.value, label: txt(ctx, o.label) }));
          return (
            <>
              <dt>{txt(ctx, f.label)}</dt>
              <dd>
                {p.shown(f.code, options)}{' '}
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
                return (
                  <>
                    <dt>
                      {key} {q.items.length === 1 ? txt(ctx, q.text) : txt(ctx, item.text)}
                    </dt>
                    <dd>
                      {p.shown(key, options)}{' '}
                      {change(`page-${i + 1}`, radioAnchor(key, options[0]!.value), key)}
                    </dd>
                  </>
                );
              }),
            )}
          </dl>
        </>
      ))}
    </>
  );
}

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
  return (
    <Layout ctx={ctx} title={s.check.title} hasError={p.errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <span class="caption">
        {p.h.agencyName} · {s.toolShort[p.h.tool]}
      </span>
      <h1>{s.check.title}</h1>
      <AnswerSummary
        ctx={ctx}
        h={p.h}
        framework={p.framework}
        demographics={p.demographics}
        pages={p.pages}
        shown={(key, options) => {
          const v =
            p.draft.demographics[key as keyof DraftAnswers['demographics']] ?? p.draft.answers[key];
          return options.find((o) => o.value === v)?.label ?? s.check.notAnswered;
        }}
      />
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
