// Administration of one user: take and give roles, disable or enable the account.
import type { AccountSummary } from '../../domain/account.ts';
import { CsrfField, ErrorSummary, type FieldError } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { GrantText, RoleScopeFields } from './admin-users.page.tsx';

export function AdminUserPage({
  ctx,
  user,
  form,
  errors,
  notice,
}: {
  ctx: PageContext;
  user: AccountSummary;
  form: { role: string; scope: string };
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = ctx.t.admin.user;
  const base = `/admin/users/${user.id}`;
  return (
    <Layout ctx={ctx} title={user.displayName} hasError={errors.length > 0}>
      <p>
        <a href="/admin/users">‹ {t.back}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>{user.displayName}</h1>
      <p>{user.email}</p>
      <h2>{t.grants}</h2>
      <ul class="grant-list">
        {user.grants.map((g) => (
          <li>
            <GrantText ctx={ctx} grant={g} />{' '}
            <form method="post" action={`${base}/roles/remove`} class="inline-form">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="role" value={g.role} />
              <input type="hidden" name="scope" value={g.scope ?? ''} />
              <button type="submit" class="link-button">
                {t.take}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <h2>{t.giveTitle}</h2>
      <form method="post" action={`${base}/roles`} novalidate>
        <CsrfField ctx={ctx} />
        <RoleScopeFields ctx={ctx} role={form.role} scope={form.scope} errors={errors} />
        <button type="submit" class="button">
          {t.give}
        </button>
      </form>
      <h2>{t.status}</h2>
      <p>{user.disabled ? ctx.t.admin.users.disabled : ctx.t.admin.users.active}</p>
      <form method="post" action={`${base}/${user.disabled ? 'enable' : 'disable'}`}>
        <CsrfField ctx={ctx} />
        <button type="submit" class={user.disabled ? 'button' : 'button button--warning'}>
          {user.disabled ? t.enable : t.disable}
        </button>
      </form>
    </Layout>
  );
}
