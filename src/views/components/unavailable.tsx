// "Why this is not available": shown wherever a page hides a form (window closed, not assigned,
// already submitted or confirmed), with the window's dates in the Buddhist Era, so nobody meets
// a dead end without a reason and a date.
import type { PhaseState } from '../../domain/calendar.ts';
import { formatDate } from '../../i18n/format.ts';
import type { PageContext } from '../page-context.ts';

/** The sentence for a window that is not open (null when it is open). */
export function windowReason(ctx: PageContext, what: string, st: PhaseState): string | null {
  const t = ctx.t.home.why;
  if (st.state === 'open') return null;
  if (st.state === 'not_set') return t.windowNotSet(what);
  const from = formatDate(st.opensOn, ctx.lang);
  const to = formatDate(st.closesOn, ctx.lang);
  return st.state === 'before' ? t.windowBefore(what, from, to) : t.windowAfter(what, from, to);
}

/** The reasons an action cannot be taken, as a labelled note (nothing when there is none). */
export function Unavailable({
  ctx,
  reasons,
}: {
  ctx: PageContext;
  reasons: (string | null | undefined)[];
}) {
  const shown = reasons.filter((r): r is string => Boolean(r));
  if (shown.length === 0) return null;
  return (
    <div class="notice notice--warning unavailable" data-unavailable>
      <p class="unavailable__title">
        <strong>{ctx.t.home.why.title}</strong>
      </p>
      {shown.map((r) => (
        <p>{r}</p>
      ))}
    </div>
  );
}

/** A window's state in a few words, for tables and home pages ("open until …", "opens …"). */
export function windowShort(ctx: PageContext, st: PhaseState): string {
  const t = ctx.t.home;
  if (st.state === 'not_set') return t.notSet;
  if (st.state === 'open') return t.open(formatDate(st.closesOn, ctx.lang));
  if (st.state === 'before') return t.before(formatDate(st.opensOn, ctx.lang));
  return t.after(formatDate(st.closesOn, ctx.lang));
}
