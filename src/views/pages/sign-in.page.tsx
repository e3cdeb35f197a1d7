// Sign in with e-mail and password; refusals never say whether the e-mail is registered.
import {
  CsrfField,
  ErrorSummary,
  TextField,
  errorFor,
  type FieldError,
} from '../components/form.tsx';
import { PasswordField } from '../components/password-fields.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function SignInPage({
  ctx,
  email,
  next,
  errors,
  notice,
}: {
  ctx: PageContext;
  email: string;
  next: string;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = ctx.t.accounts.signIn;
  return (
    <Layout ctx={ctx} title={t.title} hasError={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <form method="post" action="/sign-in" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="next" value={next} />
        <TextField
          ctx={ctx}
          id="email"
          label={t.email}
          type="email"
          autocomplete="username"
          inputmode="email"
          value={email}
          error={errorFor(errors, 'email')}
        />
        <PasswordField ctx={ctx} id="password" label={t.password} current={true} errors={errors} />
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
      <p>
        <a href="/forgot-password">{t.forgot}</a>
      </p>
    </Layout>
  );
}
