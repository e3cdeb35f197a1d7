// Forgotten password, setting a new one from a reset link, and setting the first one from an
// invitation: the same two-field form, and one page for a link that no longer works.
import {
  CsrfField,
  ErrorSummary,
  TextField,
  errorFor,
  type FieldError,
} from '../components/form.tsx';
import { NewPasswordFields } from '../components/password-fields.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function ForgotPasswordPage({
  ctx,
  email,
  errors,
  sent,
}: {
  ctx: PageContext;
  email: string;
  errors: FieldError[];
  sent: boolean;
}) {
  const t = ctx.t.accounts.forgot;
  if (sent)
    return (
      <Layout ctx={ctx} title={t.sentTitle}>
        <h1>{t.sentTitle}</h1>
        <p>{t.sentBody}</p>
        <p>
          <a href="/sign-in">{ctx.t.accounts.signIn.title}</a>
        </p>
      </Layout>
    );
  return (
    <Layout ctx={ctx} title={t.title} hasError={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <form method="post" action="/forgot-password" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          id="email"
          label={ctx.t.accounts.signIn.email}
          type="email"
          autocomplete="username"
          value={email}
          error={errorFor(errors, 'email')}
        />
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </Layout>
  );
}

export function NewPasswordPage({
  ctx,
  action,
  title,
  lead,
  submit,
  errors,
}: {
  ctx: PageContext;
  action: string;
  title: string;
  lead?: string;
  submit: string;
  errors: FieldError[];
}) {
  return (
    <Layout ctx={ctx} title={title} hasError={errors.length > 0}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      {lead ? <p>{lead}</p> : null}
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <NewPasswordFields ctx={ctx} errors={errors} />
        <button type="submit" class="button">
          {submit}
        </button>
      </form>
    </Layout>
  );
}

export function BadLinkPage({ ctx, body }: { ctx: PageContext; body: string }) {
  const t = ctx.t.accounts.reset;
  return (
    <Layout ctx={ctx} title={t.badLinkTitle}>
      <h1>{t.badLinkTitle}</h1>
      <p>{body}</p>
      <p>
        <a href="/forgot-password">{ctx.t.accounts.forgot.title}</a>
      </p>
    </Layout>
  );
}
