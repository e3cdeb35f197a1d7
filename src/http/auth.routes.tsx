// Signing in and out, forgotten passwords, reset links and invitations.
import { Hono, type Context } from 'hono';
import { isEmail, passwordProblem } from '../domain/account.ts';
import type { FieldError } from '../views/components/form.tsx';
import { BadLinkPage, ForgotPasswordPage, NewPasswordPage } from '../views/pages/password.page.tsx';
import { SignInPage } from '../views/pages/sign-in.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { rotateCsrfToken } from './csrf.ts';
import { safeRedirectPath } from './safe-redirect.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session.ts';
import { clientAddress } from './client-address.ts';

export const authRoutes = new Hono<AppEnv>();

const str = (v: unknown) => (typeof v === 'string' ? v : '');

authRoutes.get('/sign-in', (c) => {
  const next = safeRedirectPath(c.req.query('next'), '/home');
  if (c.get('actor').kind === 'user') return c.redirect(next, 303);
  const t = c.get('t').accounts.signIn;
  const done = c.req.query('done');
  const notice =
    done === 'signed-out' ? t.signedOut : done === 'password-set' ? t.passwordSet : undefined;
  return c.html(
    <SignInPage ctx={pageContext(c)} email="" next={next} errors={[]} notice={notice} />,
  );
});

authRoutes.post('/sign-in', async (c) => {
  const body = await c.req.parseBody();
  const email = str(body.email).trim().slice(0, 254);
  const password = str(body.password).slice(0, 1000);
  const next = safeRedirectPath(str(body.next), '/home');
  const t = c.get('t').accounts.signIn;
  const again = (errors: FieldError[], status: 401 | 422 | 429) =>
    c.html(<SignInPage ctx={pageContext(c)} email={email} next={next} errors={errors} />, status);
  const errors: FieldError[] = [];
  if (!email) errors.push({ field: 'email', message: t.emailMissing });
  if (!password) errors.push({ field: 'password', message: t.passwordMissing });
  if (errors.length) return again(errors, 422);
  const result = await c
    .get('services')
    .auth.signIn(email, password, sessionToken(c), clientAddress(c), c.get('requestId'));
  if (!result.ok) {
    if (result.reason === 'invalid') return again([{ field: 'email', message: t.invalid }], 401);
    c.header('Retry-After', String(result.retryAfterSeconds));
    return again(
      [{ field: 'email', message: t.locked(Math.ceil(result.retryAfterSeconds / 60)) }],
      429,
    );
  }
  setSessionCookie(c, result.sessionToken);
  rotateCsrfToken(c, result.sessionToken);
  return c.redirect(next, 303);
});

authRoutes.post('/sign-out', async (c) => {
  await c.get('services').auth.signOut(sessionToken(c));
  clearSessionCookie(c);
  return c.redirect('/sign-in?done=signed-out', 303);
});

authRoutes.get('/forgot-password', (c) =>
  c.html(
    <ForgotPasswordPage
      ctx={pageContext(c)}
      email=""
      errors={[]}
      sent={c.req.query('sent') === '1'}
    />,
  ),
);

authRoutes.post('/forgot-password', async (c) => {
  const email = str((await c.req.parseBody()).email)
    .trim()
    .slice(0, 254);
  if (!isEmail(email))
    return c.html(
      <ForgotPasswordPage
        ctx={pageContext(c)}
        email={email}
        errors={[{ field: 'email', message: c.get('t').admin.errors.badEmail }]}
        sent={false}
      />,
      422,
    );
  await c.get('services').auth.requestPasswordReset(email);
  // The same answer whether or not the address has an account.
  return c.redirect('/forgot-password?sent=1', 303);
});

function passwordErrors(c: Context<AppEnv>, password: string, confirm: string): FieldError[] {
  const t = c.get('t').accounts.password;
  const p = passwordProblem(password);
  if (p) return [{ field: 'password', message: t[p] }];
  if (password !== confirm) return [{ field: 'confirm', message: t.mismatch }];
  return [];
}

function tokenFlow(purpose: 'reset' | 'invitation', base: string) {
  const badLink = (c: Context<AppEnv>) => {
    const t = c.get('t').accounts;
    return c.html(
      <BadLinkPage
        ctx={pageContext(c)}
        body={purpose === 'reset' ? t.reset.badLinkBody : t.invitation.badLinkBody}
      />,
      404,
    );
  };
  const page = async (
    c: Context<AppEnv>,
    token: string,
    errors: FieldError[],
    status: 200 | 422,
  ) => {
    const t = c.get('t').accounts;
    const email = await c.get('services').auth.tokenEmail(token, purpose);
    if (!email) return badLink(c);
    return c.html(
      <NewPasswordPage
        ctx={pageContext(c)}
        action={`${base}/${token}`}
        title={purpose === 'reset' ? t.reset.title : t.invitation.title}
        lead={purpose === 'invitation' ? t.invitation.lead(email) : email}
        submit={purpose === 'reset' ? t.reset.submit : t.invitation.submit}
        errors={errors}
      />,
      status,
    );
  };
  authRoutes.get(`${base}/:token`, (c) => page(c, c.req.param('token'), [], 200));
  authRoutes.post(`${base}/:token`, async (c) => {
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const password = str(body.password);
    const errors = passwordErrors(c, password, str(body.confirm));
    if (errors.length) return page(c, token, errors, 422);
    const auth = c.get('services').auth;
    const ok =
      purpose === 'reset'
        ? await auth.resetPassword(token, password, c.get('requestId'))
        : await auth.acceptInvitation(token, password, c.get('requestId'));
    // Refused: the link is unknown, used, expired or its account disabled, all that the page
    // would find reading the token again, so it says so without a second call.
    if (!ok) return badLink(c);
    return c.redirect('/sign-in?done=password-set', 303);
  });
}

tokenFlow('reset', '/reset-password');
tokenFlow('invitation', '/invitation');
