// The menu's links for what a signed-in person's roles can do: their home ("my work") for
// everyone, then the calendar and publication (NACC), OIT review (auditors), the agency's
// surveys and OIT (agency administrators). Province officers' links are in province-nav.tsx.
import type { PageContext } from '../page-context.ts';

export function RoleNavItems({ ctx }: { ctx: PageContext }) {
  const u = ctx.user;
  if (!u) return null;
  const t = ctx.t.home.nav;
  return (
    <>
      <li>
        <a href="/home">{t.home}</a>
      </li>
      {u.isAdmin ? (
        <>
          <li>
            <a href="/admin/calendar">{ctx.t.surveys.calendar.title}</a>
          </li>
          <li>
            <a href="/admin/publication">{ctx.t.publication.open}</a>
          </li>
        </>
      ) : null}
      {u.auditor || (u.agencies?.length ?? 0) > 0 ? (
        <li>
          <a href="/oit">{t.oit}</a>
        </li>
      ) : null}
      {(u.agencies ?? []).map((code) => (
        <li>
          <a href={`/agencies/${encodeURIComponent(code)}/survey`}>
            {t.surveys}
            {(u.agencies?.length ?? 0) > 1 ? ` (${code})` : ''}
          </a>
        </li>
      ))}
    </>
  );
}
