// Why the agency's OIT forms are hidden (entry and dispute), and the wrapper that shows a form or
// those reasons.
import type { Child } from 'hono/jsx';
import type { OitSheetModel } from '../components/oit-sheet.model.ts';
import { CsrfField } from '../components/form.tsx';
import { windowReason } from '../components/unavailable.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { PageContext } from '../page-context.ts';

/** Why the entry form is hidden (nothing when it is shown). */
export function entryReasons(ctx: PageContext, sheet: OitSheetModel, canManage: boolean): string[] {
  const w = ctx.t.home.why;
  const phase = ctx.t.surveys.calendar.phase;
  if (sheet.preview) return [];
  if (sheet.status === 'confirmed') return [w.confirmed];
  if (sheet.status !== null && sheet.status !== 'draft') {
    const review = sheet.windowStates['oit-review'];
    const when = review.state === 'before' ? formatDate(review.opensOn, ctx.lang) : '';
    return [w.submitted(when)];
  }
  if (!canManage) return [w.readOnly];
  const r = windowReason(ctx, phase['oit-entry'], sheet.windowStates['oit-entry']);
  return r ? [r] : [];
}

/** Why the clarification form is hidden, once there is something to clarify or wait for. */
export function disputeReasons(
  ctx: PageContext,
  sheet: OitSheetModel,
  canManage: boolean,
  n: number,
) {
  const w = ctx.t.home.why;
  if (sheet.preview) return [];
  if (sheet.status === 'submitted') return [w.awaitingReview];
  if (sheet.status !== 'reviewed' && sheet.status !== 'clarification_requested') return [];
  if (!canManage) return [w.readOnly];
  if (n === 0) return [w.noDisputes];
  const r = windowReason(
    ctx,
    ctx.t.surveys.calendar.phase.clarification,
    sheet.windowStates.clarification,
  );
  return r ? [r] : [];
}

/**
 * The one entry form around every item, when the page is editable: a save-all bar that stays at
 * the bottom of the screen, with the autosave status, and "save and go on to submit".
 */
export function FormIf(p: {
  on: boolean;
  ctx: PageContext;
  action: string;
  saveAll: string;
  toSubmit: string;
  children?: Child;
}) {
  if (!p.on) return <>{p.children}</>;
  const m = p.ctx.t.home.entry;
  return (
    <form
      method="post"
      action={p.action}
      id="oit-entry"
      class="oit-entry"
      novalidate
      data-msg-saving={m.autosaving}
      data-msg-saved={m.autosaved('{time}')}
      data-msg-failed={m.autosaveFailed}
      data-msg-problems={m.autosaveProblems}
      data-msg-leave={m.leaveWarning}
      data-msg-unsaved={m.unsaved}
    >
      <CsrfField ctx={p.ctx} />
      <input type="hidden" name="focus" value="" data-oit-focus />
      {p.children}
      <div class="oit-entry__bar" id="oit-save">
        <button type="submit" class="button" name="return" value="">
          {p.saveAll}
        </button>{' '}
        <button type="submit" class="button button--secondary" name="then" value="submit">
          {p.toSubmit}
        </button>
        <p class="oit-entry__status" role="status" aria-live="polite" data-oit-status></p>
      </div>
    </form>
  );
}
