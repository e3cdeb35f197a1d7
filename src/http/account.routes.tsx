// One's own account: profile, change password, sign out everywhere.
import { Hono, type Context } from 'hono';
import { passwordProblem } from '../domain/account.ts';
import type { FieldError } from '../views/components/form.tsx';
import { AccountPage } from '../views/pages/account.page.tsx';
import { MyWorkPage } from '../views/pages/my-work.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { clearSessionCookie, requireUser } from './session.ts';

export const accountRoutes = new Hono<AppEnv>();

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function page(c: Context<AppEnv>, errors: FieldError[], status: 200 | 401 | 422, notice?: string) {
  const actor = requireUser(c);
  return c.html(
    <AccountPage
      ctx={pageContext(c)}
      name={c.get('account')?.displayName ?? actor.email}
      email={actor.email}
      grants={actor.grants}
      errors={errors}
      notice={notice}
    />,
    status,
  );
}

/** Where everyone lands after signing in: their tasks in every role they hold. */
accountRoutes.get('/home', async (c) => {
  const actor = requireUser(c);
  const home = await c.get('services').home.forActor(actor);
  const name = c.get('account')?.displayName ?? actor.email;
  return c.html(<MyWorkPage ctx={pageContext(c)} model={{ name, home }} />);
});

accountRoutes.get('/account', (c) =>
  page(
    c,
    [],
    200,
    c.req.query('done') === 'password' ? c.get('t').accounts.account.changed : undefined,
  ),
);

accountRoutes.post('/account/password', async (c) => {
  const actor = requireUser(c);
  const t = c.get('t').accounts.password;
  const body = await c.req.parseBody();
  const current = str(body.current);
  const password = str(body.password);
  const problem = passwordProblem(password);
  const errors: FieldError[] = [];
  if (!current) errors.push({ field: 'current', message: t.wrongCurrent });
  if (problem) errors.push({ field: 'password', message: t[problem] });
  else if (password !== str(body.confirm)) errors.push({ field: 'confirm', message: t.mismatch });
  if (errors.length) return page(c, errors, 422);
  const r = await c
    .get('services')
    .auth.changePassword(actor, current, password, c.get('account')?.sessionHash);
  if (r === 'wrongCurrent') return page(c, [{ field: 'current', message: t.wrongCurrent }], 422);
  return c.redirect('/account?done=password', 303);
});

accountRoutes.post('/account/sign-out-everywhere', async (c) => {
  await c.get('services').auth.signOutEverywhere(requireUser(c));
  clearSessionCookie(c);
  return c.redirect('/sign-in?done=signed-out', 303);
});
