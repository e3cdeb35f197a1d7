// Administration of users: list, invite, give and take roles, disable and enable.
import { Hono, type Context } from 'hono';
import type { RoleGrant } from '../domain/actor.ts';
import { isEmail, isRole } from '../domain/account.ts';
import { ServiceError } from '../services/errors.ts';
import type { FieldError } from '../views/components/form.tsx';
import { AdminUserPage } from '../views/pages/admin-user.page.tsx';
import { AdminUsersPage, type InviteForm } from '../views/pages/admin-users.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const adminRoutes = new Hono<AppEnv>();

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const admin = (c: Context<AppEnv>) => requireUser(c, 'nacc_admin');

/** Which field a service refusal belongs to, so the form shows it in place. */
function fieldOf(e: ServiceError): string {
  if (/scope|agency|province/i.test(e.en)) return 'scope';
  if (/e-mail/i.test(e.en)) return 'email';
  if (/name/i.test(e.en)) return 'name';
  return 'role-nacc_admin';
}

async function usersPage(
  c: Context<AppEnv>,
  form: InviteForm,
  errors: FieldError[],
  status: 200 | 409 | 422,
) {
  const users = await c.get('services').users.list(admin(c));
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

adminRoutes.get('/admin/users', (c) =>
  usersPage(c, { email: '', name: '', role: '', scope: '' }, [], 200),
);

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
  if (errors.length) return usersPage(c, form, errors, 422);
  try {
    await c.get('services').users.create(actor, {
      email: form.email,
      displayName: form.name,
      grant: { role: form.role as RoleGrant['role'], scope: form.scope || null },
    });
  } catch (err) {
    if (err instanceof ServiceError && (err.status === 409 || err.status === 422))
      return usersPage(
        c,
        form,
        [{ field: fieldOf(err), message: c.get('lang') === 'th' ? err.th : err.en }],
        err.status,
      );
    throw err;
  }
  return c.redirect(`/admin/users?invited=${encodeURIComponent(form.email.toLowerCase())}`, 303);
});

async function userPage(
  c: Context<AppEnv>,
  form: { role: string; scope: string },
  errors: FieldError[],
  status: 200 | 404 | 409 | 422,
) {
  const user = await c.get('services').users.get(admin(c), c.req.param('id') ?? '');
  const notice = c.req.query('done') ? c.get('t').admin.user.saved : undefined;
  return c.html(
    <AdminUserPage ctx={pageContext(c)} user={user} form={form} errors={errors} notice={notice} />,
    status,
  );
}

adminRoutes.get('/admin/users/:id', (c) => userPage(c, { role: '', scope: '' }, [], 200));

/** Runs one change on a user, then back to their page; a refusal re-renders it in place. */
async function change(
  c: Context<AppEnv>,
  form: { role: string; scope: string },
  run: () => Promise<void>,
) {
  try {
    await run();
  } catch (err) {
    if (err instanceof ServiceError && err.status !== 403)
      return userPage(
        c,
        form,
        [{ field: fieldOf(err), message: c.get('lang') === 'th' ? err.th : err.en }],
        err.status as 404 | 409 | 422,
      );
    throw err;
  }
  return c.redirect(`/admin/users/${c.req.param('id')}?done=1`, 303);
}

async function grantFrom(c: Context<AppEnv>) {
  const body = await c.req.parseBody();
  return { role: str(body.role), scope: str(body.scope) };
}

adminRoutes.post('/admin/users/:id/roles', async (c) => {
  const actor = admin(c);
  const form = await grantFrom(c);
  if (!isRole(form.role))
    return userPage(
      c,
      form,
      [{ field: 'role-nacc_admin', message: c.get('t').admin.errors.badRole }],
      422,
    );
  return change(c, form, () =>
    c.get('services').users.grantRole(actor, c.req.param('id'), {
      role: form.role as RoleGrant['role'],
      scope: form.scope || null,
    }),
  );
});

adminRoutes.post('/admin/users/:id/roles/remove', async (c) => {
  const actor = admin(c);
  const form = await grantFrom(c);
  if (!isRole(form.role))
    return userPage(
      c,
      { role: '', scope: '' },
      [{ field: 'role-nacc_admin', message: c.get('t').admin.errors.noSuchGrant }],
      422,
    );
  return change(c, { role: '', scope: '' }, () =>
    c.get('services').users.revokeRole(actor, c.req.param('id'), {
      role: form.role as RoleGrant['role'],
      scope: form.scope || null,
    }),
  );
});

for (const [path, disabled] of [
  ['disable', true],
  ['enable', false],
] as const)
  adminRoutes.post(`/admin/users/:id/${path}`, async (c) => {
    const actor = admin(c);
    return change(c, { role: '', scope: '' }, () =>
      c.get('services').users.setDisabled(actor, c.req.param('id'), disabled),
    );
  });
