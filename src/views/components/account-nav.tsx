// The header's account area: "sign in" for visitors; the person's name, account link and a
// sign-out button (a POST form, so it works without JavaScript) for signed-in users.
import { CsrfField } from './form.tsx';
import type { PageContext } from '../page-context.ts';

export function AccountNav({ ctx }: { ctx: PageContext }) {
  const t = ctx.t.accounts.header;
  if (!ctx.user)
    return (
      // From the public front page, signing in leads to one's own home ("my work").
      <a
        class="site-header__account"
        href={ctx.path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(ctx.path)}`}
      >
        {t.signIn}
      </a>
    );
  return (
    <div class="site-header__account">
      <a href="/account" aria-label={`${t.account}: ${ctx.user.name}`}>
        {ctx.user.name}
      </a>
      <form method="post" action="/sign-out" class="inline-form">
        <CsrfField ctx={ctx} />
        <button type="submit" class="link-button">
          {t.signOut}
        </button>
      </form>
    </div>
  );
}

/** Administration links, shown to NACC administrators only. */
export function AdminNavItems({ ctx }: { ctx: PageContext }) {
  if (!ctx.user?.isAdmin) return null;
  const t = ctx.t.admin.nav;
  return (
    <>
      <li>
        <a href="/admin/users">{t.users}</a>
      </li>
      <li>
        <a href="/admin/audit">{t.audit}</a>
      </li>
      <li>
        <a href="/admin/outbox">{t.outbox}</a>
      </li>
      <li>
        <a href="/admin/years">{t.years}</a>
      </li>
      <li>
        <a href="/admin/frameworks">{t.frameworks}</a>
      </li>
    </>
  );
}
