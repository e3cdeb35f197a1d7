// The whole survey in one form, carried by the start page (ADR 0017): every step is a section of
// the same markup as the step's own page, and public/survey-steps.js shows one at a time with
// "page x of y", checks each step with the server's own messages, and sends everything in one
// POST to {base}/send. Without JavaScript the form stays hidden and the start link leads to the
// step pages, one POST each, exactly as before. Shown after a refused send (422), it is visible
// in full with the errors in place, so it works even where the script does not.
import type { DemographicField, Framework } from '../../domain/framework/schema.ts';
import type { SurveyPage } from '../../domain/survey-form.ts';
import { assetUrl } from '../static-assets.ts';
import type { FieldError } from '../components/form.tsx';
import { CsrfField, ErrorSummary } from '../components/form.tsx';
import type { PageContext } from '../page-context.ts';
import { AnswerSummary } from './survey-check.page.tsx';
import type { SurveyHeader } from './survey-header.ts';
import { StepFields, type StepBody, txt } from './survey-step.page.tsx';

export interface WholeSurvey {
  framework: Framework;
  /** The steps in order (IIT: eligibility first), without the check. */
  steps: string[];
  pages: readonly SurveyPage[];
  demographics: DemographicField[];
  minYears: number;
  singleUse: boolean;
  /** The sealed response id of this form (sending twice stores one response). */
  submission: string;
  values: Record<string, string>;
  errors: FieldError[];
}

function bodyOf(w: WholeSurvey, step: string): StepBody | undefined {
  if (step === 'eligibility')
    return { kind: 'eligibility', minYears: w.minYears, singleUse: w.singleUse };
  if (step === 'about') return { kind: 'about', fields: w.demographics };
  const page = w.pages[Number(/^page-(\d+)$/.exec(step)?.[1] ?? 0) - 1];
  return page && { kind: 'page', title: page.title, questions: page.questions };
}

export function SurveyWholeForm(p: { ctx: PageContext; h: SurveyHeader; w: WholeSurvey }) {
  const { ctx, h, w } = p;
  const s = ctx.t.surveys;
  const counted = w.steps.filter((x) => x !== 'eligibility');
  // Refused by the server: everything visible with its errors (the script then shows one step).
  const hide = w.errors.length === 0;
  const full = (title: string) => `${title} – ${ctx.t.common.productName}`;
  return (
    <form
      id="survey-steps"
      class="survey-steps"
      data-survey-steps
      method="post"
      action={`${h.base}/send`}
      novalidate
      hidden={hide}
      data-base={h.base}
      data-error-prefix={ctx.t.common.errors.errorPrefix}
      data-error-title={ctx.t.common.errors.summaryTitle}
      data-not-answered={s.check.notAnswered}
    >
      <CsrfField ctx={ctx} />
      <input type="hidden" name="submission" value={w.submission} />
      <div data-error-summary>
        <ErrorSummary ctx={ctx} errors={w.errors} />
      </div>
      {w.steps.map((step, i) => {
        const body = bodyOf(w, step);
        if (!body) return null;
        const title =
          body.kind === 'eligibility'
            ? s.eligibility.title
            : body.kind === 'about'
              ? s.about.title
              : txt(ctx, body.title);
        const n = counted.indexOf(step);
        return (
          <section
            class="survey-step"
            id={step}
            data-step={step}
            data-title={full(title)}
            hidden={hide}
            aria-labelledby={`${step}-title`}
          >
            <a class="back-link" href={i > 0 ? `#${w.steps[i - 1]}` : h.base} data-back>
              {s.page.back}
            </a>
            <span class="caption">
              {h.agencyName} · {s.toolShort[h.tool]}
              {n >= 0 ? ` · ${s.page.progress(String(n + 1), String(counted.length))}` : ''}
            </span>
            <h1 id={`${step}-title`} tabindex={-1}>
              {title}
            </h1>
            <StepFields
              ctx={ctx}
              framework={w.framework}
              body={body}
              values={w.values}
              errors={w.errors}
              check
            />
            <p class="hint">{s.page.pageHint}</p>
            <button type="submit">{s.page.continue}</button>
          </section>
        );
      })}
      <section
        class="survey-step"
        id="check"
        data-step="check"
        data-title={full(s.check.title)}
        hidden={hide}
        aria-labelledby="check-title"
      >
        <span class="caption">
          {h.agencyName} · {s.toolShort[h.tool]}
        </span>
        <h1 id="check-title" tabindex={-1}>
          {s.check.title}
        </h1>
        <AnswerSummary
          ctx={ctx}
          h={h}
          framework={w.framework}
          demographics={w.demographics}
          pages={w.pages}
          shown={(key) => <span data-answer={key}>{s.check.notAnswered}</span>}
        />
        <p>{s.check.declaration}</p>
        <button type="submit" id="submit" data-send>
          {s.check.submit}
        </button>
      </section>
      <script src={assetUrl('survey-steps.js')} defer />
    </form>
  );
}
