// The survey's start page, its closed notice, and the ends of the path (thanks, not eligible).
import type { PhaseState } from '../../domain/calendar.ts';
import { formatDate } from '../../i18n/format.ts';
import { assetUrl } from '../static-assets.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { SurveyHeader } from './survey-header.ts';
import { SurveyWholeForm, type WholeSurvey } from './survey-whole.tsx';

export type { SurveyHeader };

function Caption({ ctx, h }: { ctx: PageContext; h: SurveyHeader }) {
  return (
    <span class="caption">
      {h.agencyName} · {ctx.t.surveys.toolShort[h.tool]}
    </span>
  );
}

export function SurveyStartPage(p: {
  ctx: PageContext;
  h: SurveyHeader;
  pageCount: number;
  firstStep: string;
  hasDraft: boolean;
  answeredBefore: boolean;
  window: PhaseState;
  /** The whole survey as one form, for the browser's script (absent: the start page alone). */
  whole?: WholeSurvey;
}) {
  const s = p.ctx.t.surveys;
  const refused = (p.whole?.errors.length ?? 0) > 0;
  return (
    <Layout ctx={p.ctx} title={s.toolName[p.h.tool]} hasError={refused}>
      <div
        id="survey-intro"
        hidden={refused}
        data-title={`${s.toolName[p.h.tool]} – ${p.ctx.t.common.productName}`}
      >
        <Caption ctx={p.ctx} h={p.h} />
        <h1>{s.toolName[p.h.tool]}</h1>
        <p class="lead">{s.start.lead}</p>
        <p>{p.h.tool === 'IIT' ? s.start.whoIIT : s.start.whoEIT}</p>
        <p>{s.start.anonymous}</p>
        <p>{s.start.howLong(String(p.pageCount))}</p>
        {p.window.state === 'open' ? (
          <p class="muted">
            {s.closed.window(
              formatDate(p.window.opensOn, p.ctx.lang),
              formatDate(p.window.closesOn, p.ctx.lang),
            )}
          </p>
        ) : null}
        {p.answeredBefore ? (
          <div class="notice" role="note">
            {s.start.alreadyAnswered}
          </div>
        ) : null}
        <a
          class="button button--start"
          href={`${p.h.base}/${p.firstStep}`}
          role="button"
          data-start={p.firstStep}
        >
          {p.hasDraft ? s.start.resume : s.start.button}
        </a>
      </div>
      {p.whole ? <SurveyWholeForm ctx={p.ctx} h={p.h} w={p.whole} /> : null}
    </Layout>
  );
}

export function SurveyClosedPage(p: { ctx: PageContext; h: SurveyHeader; window: PhaseState }) {
  const s = p.ctx.t.surveys;
  const w = p.window;
  return (
    <Layout ctx={p.ctx} title={s.closed.title}>
      <Caption ctx={p.ctx} h={p.h} />
      <h1>{s.closed.title}</h1>
      <p class="lead">
        {w.state === 'before'
          ? s.closed.before(formatDate(w.opensOn, p.ctx.lang))
          : w.state === 'after'
            ? s.closed.after(formatDate(w.closesOn, p.ctx.lang))
            : s.closed.notSet}
      </p>
      {w.state === 'before' || w.state === 'after' ? (
        <p>
          {s.closed.window(formatDate(w.opensOn, p.ctx.lang), formatDate(w.closesOn, p.ctx.lang))}
        </p>
      ) : null}
    </Layout>
  );
}

export function SurveyEndPage(p: {
  ctx: PageContext;
  h: SurveyHeader;
  kind: 'thanks' | 'ineligible';
  /** The page's own address: the answer to a send shows it in the location bar (ADR 0024). */
  address: string;
  minYears: number;
}) {
  const s = p.ctx.t.surveys;
  const title = p.kind === 'thanks' ? s.thanks.title : s.eligibility.ineligibleTitle;
  return (
    <Layout ctx={p.ctx} title={title}>
      <div
        class={p.kind === 'thanks' ? 'panel panel--confirmation' : ''}
        data-survey-end={p.address}
      >
        <h1>{title}</h1>
      </div>
      <p>
        {p.kind === 'thanks' ? s.thanks.body : s.eligibility.ineligibleBody(String(p.minYears))}
      </p>
      <p>
        <a href="/">{s.thanks.home}</a>
      </p>
      <script src={assetUrl('survey-steps.js')} defer />
    </Layout>
  );
}
