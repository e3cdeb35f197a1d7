// One's own account: name, e-mail, roles; change password; sign out everywhere.
import type { RoleGrant } from '../../domain/actor.ts';
import { CsrfField, ErrorSummary, type FieldError } from '../components/form.tsx';
import { NewPasswordFields, PasswordField } from '../components/password-fields.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { GrantText } from './admin-users.page.tsx';

export function AccountPage({
  ctx,
  name,
  email,
  grants,
  errors,
  notice,
}: {
  ctx: PageContext;
  name: string;
  email: string;
  grants: RoleGrant[];
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = ctx.t.accounts.account;
  const p = ctx.t.accounts.password;
  return (
    <Layout ctx={ctx} title={t.title} hasError={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>{t.title}</h1>
      <dl class="summary-list">
        <dt>{t.name}</dt>
        <dd>{name}</dd>
        <dt>{t.email}</dt>
        <dd>{email}</dd>
        <dt>{t.roles}</dt>
        <dd>
          {grants.length ? (
            <ul>
              {grants.map((g) => (
                <li>
                  <GrantText ctx={ctx} grant={g} />
                </li>
              ))}
            </ul>
          ) : (
            t.noRoles
          )}
        </dd>
      </dl>
      <p>
        <a href="/oit">{ctx.t.oit.landing.link}</a>
      </p>
      <h2>{t.changeTitle}</h2>
      <form method="post" action="/account/password" novalidate>
        <CsrfField ctx={ctx} />
        <PasswordField
          ctx={ctx}
          id="current"
          label={p.currentLabel}
          current={true}
          errors={errors}
        />
        <NewPasswordFields ctx={ctx} errors={errors} />
        <button type="submit" class="button">
          {t.changeSubmit}
        </button>
      </form>
      <h2>{t.everywhereTitle}</h2>
      <p>{t.everywhereLead}</p>
      <form method="post" action="/account/sign-out-everywhere">
        <CsrfField ctx={ctx} />
        <button type="submit" class="button button--secondary">
          {t.everywhereSubmit}
        </button>
      </form>
    </Layout>
  );
}
