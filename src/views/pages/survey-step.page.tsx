// One step of the respondent's path: eligibility (IIT), about you, or one indicator's questions.
import type { Child } from 'hono/jsx';
import type { DemographicField, Framework, Question, Text } from '../../domain/framework/schema.ts';
import { bare, problem, type Problem } from '../../domain/problem.ts';
import { allowedValues, isYesNo } from '../../domain/submission.ts';
import { problemText } from '../../i18n/problem-text.ts';
import type { FieldError } from '../components/form.tsx';
import { CsrfField, ErrorSummary, RadioGroup, TextField, errorFor } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { SurveyHeader } from './survey-header.ts';

export const txt = (ctx: PageContext, t: Text) => (ctx.lang === 'en' && t.en ? t.en : t.th);

/** The id of a radio group's first input: where the error summary links to. */
export function radioAnchor(name: string, firstValue: string): string {
  return `${name}-${firstValue}`.replace(/[^\w-]/g, '_');
}

export function answerOptions(ctx: PageContext, framework: Framework, scale: string) {
  const l = framework.answerLabels;
  return isYesNo(scale)
    ? [
        { value: 'Y', label: txt(ctx, l.yesNo.yes) },
        { value: 'N', label: txt(ctx, l.yesNo.no) },
      ]
    : allowedValues(scale).map((v, i) => ({ value: v, label: txt(ctx, l.likert4[i]!) }));
}

/** The page's form; in a preview a plain block, so nothing on it can be submitted. */
function Form(p: { ctx: PageContext; action: string; preview: boolean; children?: Child }) {
  if (p.preview) return <div class="survey-preview">{p.children}</div>;
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField ctx={p.ctx} />
      {p.children}
    </form>
  );
}

export type StepBody =
  | { kind: 'eligibility'; minYears: number; singleUse: boolean }
  | { kind: 'about'; fields: DemographicField[] }
  | { kind: 'page'; title: Text; questions: Question[] };

/**
 * The fields of one step (the same markup on the step's own page and in the one-document form);
 * `check` adds each field's "nothing chosen" message, the server's own, for the browser's check.
 */
export function StepFields(p: {
  ctx: PageContext;
  framework: Framework;
  body: StepBody;
  values: Record<string, string>;
  errors: FieldError[];
  check?: boolean;
}) {
  const { ctx, body } = p;
  const s = ctx.t.surveys;
  const say = (m: Problem) => problemText(m, ctx.lang);
  return (
    <>
      {body.kind === 'eligibility' ? (
        <>
          <RadioGroup
            ctx={ctx}
            name="eligible"
            legend={s.eligibility.legend(String(body.minYears))}
            options={[
              { value: 'yes', label: s.eligibility.yes },
              { value: 'no', label: s.eligibility.no },
            ]}
            value={p.values.eligible}
            error={errorFor(p.errors, radioAnchor('eligible', 'yes'))}
            missingMessage={p.check ? say(bare('eligible', 'eligibility_missing')) : undefined}
          />
          {body.singleUse ? (
            <TextField
              ctx={ctx}
              id="access_code"
              label={s.eligibility.accessCode}
              hint={s.eligibility.accessCodeHint}
              value={p.values.access_code ?? ''}
              error={errorFor(p.errors, 'access_code')}
              autocomplete="off"
              missingMessage={p.check ? say(bare('access_code', 'access_code_missing')) : undefined}
            />
          ) : null}
        </>
      ) : body.kind === 'about' ? (
        <>
          <p class="hint">{s.about.hint}</p>
          {body.fields.map((f) => (
            <RadioGroup
              ctx={ctx}
              name={f.code}
              legend={txt(ctx, f.label)}
              options={f.options.map((o) => ({ value: o.value, label: txt(ctx, o.label) }))}
              value={p.values[f.code]}
              error={errorFor(p.errors, radioAnchor(f.code, f.options[0]?.value ?? ''))}
              missingMessage={
                p.check
                  ? say(problem(f.code, 'demographic_missing', { code: f.code, label: f.label }))
                  : undefined
              }
            />
          ))}
        </>
      ) : (
        body.questions.map((q) => {
          const single = q.items.length === 1;
          return (
            <section class="question" aria-labelledby={`q-${q.code}`}>
              <h2 id={`q-${q.code}`} class="question__title">
                <span class="question__code">{q.code}</span> {txt(ctx, q.text)}
              </h2>
              {q.items.map((item) => {
                const key = `${q.code}.${item.n}`;
                const options = answerOptions(ctx, p.framework, item.scale);
                return (
                  <RadioGroup
                    ctx={ctx}
                    name={key}
                    legend={
                      single ? (
                        <span class="visually-hidden">{txt(ctx, q.text)}</span>
                      ) : (
                        `${item.n}. ${txt(ctx, item.text)}`
                      )
                    }
                    options={options}
                    value={p.values[key]}
                    error={errorFor(p.errors, radioAnchor(key, options[0]!.value))}
                    missingMessage={
                      p.check ? say(problem(key, 'answer_missing', { question: key })) : undefined
                    }
                  />
                );
              })}
            </section>
          );
        })
      )}
    </>
  );
}

export function SurveyStepPage(p: {
  ctx: PageContext;
  h: SurveyHeader;
  framework: Framework;
  step: string;
  body: StepBody;
  /** "หน้า n จาก m", absent for eligibility. */
  progress?: { n: number; of: number };
  values: Record<string, string>;
  errors: FieldError[];
  back: string;
  returnToCheck: boolean;
  /**
   * The NACC's preview of this page (the layout labels it): the same questions with no form to
   * submit and no token, only a link to the next preview page.
   */
  preview?: { next: string | undefined };
}) {
  const { ctx, body } = p;
  const s = ctx.t.surveys;
  const title =
    body.kind === 'eligibility'
      ? s.eligibility.title
      : body.kind === 'about'
        ? s.about.title
        : txt(ctx, body.title);
  const action = `${p.h.base}/${p.step}${p.returnToCheck ? '?return=check' : ''}`;
  return (
    <Layout ctx={ctx} title={title} hasError={p.errors.length > 0}>
      <a class="back-link" href={p.back}>
        {s.page.back}
      </a>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <span class="caption">
        {p.h.agencyName} · {s.toolShort[p.h.tool]}
        {p.progress ? ` · ${s.page.progress(String(p.progress.n), String(p.progress.of))}` : ''}
      </span>
      <h1>{title}</h1>
      <Form ctx={ctx} action={action} preview={p.preview !== undefined}>
        <StepFields
          ctx={ctx}
          framework={p.framework}
          body={body}
          values={p.values}
          errors={p.errors}
        />
        {p.preview ? (
          p.preview.next ? (
            <a class="button" href={p.preview.next}>
              {ctx.t.frameworks.preview.next}
            </a>
          ) : null
        ) : (
          <>
            <p class="hint">{s.page.savedHint}</p>
            <button type="submit">{s.page.continue}</button>
          </>
        )}
      </Form>
    </Layout>
  );
}
