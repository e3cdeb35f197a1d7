// Administration of users: list, invite, give and take roles, disable and enable.
import { Hono, type Context } from 'hono';
import type { RoleGrant } from '../domain/actor.ts';
import { isEmail, isRole } from '../domain/account.ts';
import type { AccountSummary } from '../domain/account.ts';
import type { ServiceError } from '../services/errors.ts';
import type { UserChange } from '../services/user-admin.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import { AdminUserPage } from '../views/pages/admin-user.page.tsx';
import { AdminUsersPage, type InviteForm } from '../views/pages/admin-users.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const adminRoutes = new Hono<AppEnv>();

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const admin = (c: Context<AppEnv>) => requireUser(c, 'nacc_admin');

/** Where the form shows a service refusal: beside the input it names, else at the roles. */
const fieldOf = (e: ServiceError): string => e.field ?? 'role-nacc_admin';

/** A refusal's message beside its field, in the page's language. */
const refusalError = (c: Context<AppEnv>, e: ServiceError): FieldError => ({
  field: fieldOf(e),
  message: c.get('lang') === 'th' ? e.th : e.en,
});

function usersPage(
  c: Context<AppEnv>,
  users: AccountSummary[],
  form: InviteForm,
  errors: FieldError[],
  status: 200 | 409 | 422,
) {
  const invited = c.req.query('invited');
  const notice = invited ? c.get('t').admin.users.invited(invited) : undefined;
  return c.html(
    <AdminUsersPage
      ctx={pageContext(c)}
      users={users}
      form={form}
      errors={errors}
      notice={notice}
    />,
    status,
  );
}

adminRoutes.get('/admin/users', async (c) => {
  const users = await c.get('services').users.list(admin(c));
  return usersPage(c, users, { email: '', name: '', role: '', scope: '' }, [], 200);
});

adminRoutes.post('/admin/users/invite', async (c) => {
  const actor = admin(c);
  const body = await c.req.parseBody();
  const form: InviteForm = {
    email: str(body.email),
    name: str(body.name),
    role: str(body.role),
    scope: str(body.scope),
  };
  const e = c.get('t').admin.errors;
  const errors: FieldError[] = [];
  if (!isEmail(form.email)) errors.push({ field: 'email', message: e.badEmail });
  if (!form.name) errors.push({ field: 'name', message: e.badName });
  if (!isRole(form.role)) errors.push({ field: 'role-nacc_admin', message: e.badRole });
  const users = c.get('services').users;
  if (errors.length) return usersPage(c, await users.list(actor), form, errors, 422);
  const r = await users.invite(actor, {
    email: form.email,
    displayName: form.name,
    grant: { role: form.role as RoleGrant['role'], scope: form.scope || null },
  });
  if (!r.ok)
    return usersPage(c, r.page, form, [refusalError(c, r.error)], r.error.status as 409 | 422);
  return c.redirect(`/admin/users?invited=${encodeURIComponent(form.email.toLowerCase())}`, 303);
});

function userPage(
  c: Context<AppEnv>,
  user: AccountSummary,
  form: { role: string; scope: string },
  errors: FieldError[],
  status: 200 | 404 | 409 | 422,
) {
  const notice = c.req.query('done') ? c.get('t').admin.user.saved : undefined;
  return c.html(
    <AdminUserPage ctx={pageContext(c)} user={user} form={form} errors={errors} notice={notice} />,
    status,
  );
}

/** The user's page alone: shown, or a form refused before any change is tried. */
async function readUserPage(
  c: Context<AppEnv>,
  form: { role: string; scope: string },
  errors: FieldError[],
  status: 200 | 422,
) {
  const user = await c.get('services').users.get(admin(c), c.req.param('id') ?? '');
  return userPage(c, user, form, errors, status);
}

adminRoutes.get('/admin/users/:id', (c) => readUserPage(c, { role: '', scope: '' }, [], 200));

/** Makes one change on a user, then back to their page; a refusal re-renders it in place. */
async function change(c: Context<AppEnv>, form: { role: string; scope: string }, what: UserChange) {
  const r = await c.get('services').users.change(admin(c), c.req.param('id') ?? '', what);
  if (!r.ok)
    return userPage(c, r.page, form, [refusalError(c, r.error)], r.error.status as 404 | 409 | 422);
  return c.redirect(`/admin/users/${c.req.param('id')}?done=1`, 303);
}

async function grantFrom(c: Context<AppEnv>) {
  const body = await c.req.parseBody();
  return { role: str(body.role), scope: str(body.scope) };
}

adminRoutes.post('/admin/users/:id/roles', async (c) => {
  admin(c);
  const form = await grantFrom(c);
  if (!isRole(form.role))
    return readUserPage(
      c,
      form,
      [{ field: 'role-nacc_admin', message: c.get('t').admin.errors.badRole }],
      422,
    );
  return change(c, form, { grant: { role: form.role, scope: form.scope || null } });
});

adminRoutes.post('/admin/users/:id/roles/remove', async (c) => {
  admin(c);
  const form = await grantFrom(c);
  if (!isRole(form.role))
    return readUserPage(
      c,
      { role: '', scope: '' },
      [{ field: 'role-nacc_admin', message: c.get('t').admin.errors.noSuchGrant }],
      422,
    );
  return change(
    c,
    { role: '', scope: '' },
    { revoke: { role: form.role, scope: form.scope || null } },
  );
});

for (const [path, disabled] of [
  ['disable', true],
  ['enable', false],
] as const)
  adminRoutes.post(`/admin/users/:id/${path}`, (c) => {
    admin(c);
    return change(c, { role: '', scope: '' }, { disabled });
  });
