// Administration: every user with their roles, and the form to invite a new one.
import type { RoleGrant } from '../../domain/actor.ts';
import { ROLES } from '../../domain/account.ts';
import type { AccountSummary } from '../../domain/account.ts';
import {
  CsrfField,
  ErrorSummary,
  RadioGroup,
  TextField,
  errorFor,
  type FieldError,
} from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function GrantText({ ctx, grant }: { ctx: PageContext; grant: RoleGrant }) {
  const role = ctx.t.accounts.roles[grant.role];
  return <span>{grant.scope ? `${role}: ${grant.scope}` : role}</span>;
}

/** Grants grouped by role, scopes listed after it: short enough for a phone's table cell. */
export function GrantSummary({ ctx, grants }: { ctx: PageContext; grants: RoleGrant[] }) {
  const byRole = new Map<RoleGrant['role'], string[]>();
  for (const g of grants)
    byRole.set(g.role, [...(byRole.get(g.role) ?? []), ...(g.scope ? [g.scope] : [])]);
  return (
    <>
      {[...byRole].map(([role, scopes], i) => (
        <>
          {i > 0 ? <br /> : null}
          {scopes.length
            ? `${ctx.t.accounts.roles[role]}: ${scopes.join(', ')}`
            : ctx.t.accounts.roles[role]}
        </>
      ))}
    </>
  );
}

/** Role (radios) and scope (text): one question group each, used to invite and to give roles. */
export function RoleScopeFields({
  ctx,
  role,
  scope,
  errors,
}: {
  ctx: PageContext;
  role: string;
  scope: string;
  errors: FieldError[];
}) {
  const t = ctx.t.admin.users;
  return (
    <>
      <RadioGroup
        ctx={ctx}
        name="role"
        legend={t.role}
        options={ROLES.map((r) => ({ value: r, label: ctx.t.accounts.roles[r] }))}
        value={role}
        error={errorFor(errors, 'role-nacc_admin')}
      />
      <TextField
        ctx={ctx}
        id="scope"
        label={t.scope}
        hint={t.scopeHint}
        value={scope}
        error={errorFor(errors, 'scope')}
      />
    </>
  );
}

export interface InviteForm {
  email: string;
  name: string;
  role: string;
  scope: string;
}

export function AdminUsersPage({
  ctx,
  users,
  form,
  errors,
  notice,
}: {
  ctx: PageContext;
  users: AccountSummary[];
  form: InviteForm;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = ctx.t.admin.users;
  return (
    <Layout ctx={ctx} title={t.title} hasError={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>{t.title}</h1>
      {users.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                <th scope="col">{t.colEmail}</th>
                <th scope="col">{t.colRoles}</th>
                <th scope="col">{t.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${u.id}`}>{u.displayName}</a>
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <GrantSummary ctx={ctx} grants={u.grants} />
                  </td>
                  <td>{u.disabled ? t.disabled : u.hasPassword ? t.active : t.invitedStatus}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="invite">{t.inviteTitle}</h2>
      <p>{t.inviteLead}</p>
      <form method="post" action="/admin/users/invite" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="email"
          label={t.email}
          type="email"
          value={form.email}
          error={errorFor(errors, 'email')}
        />
        <TextField
          ctx={ctx}
          id="name"
          label={t.name}
          value={form.name}
          error={errorFor(errors, 'name')}
        />
        <RoleScopeFields ctx={ctx} role={form.role} scope={form.scope} errors={errors} />
        <button type="submit" class="button">
          {t.invite}
        </button>
      </form>
    </Layout>
  );
}
