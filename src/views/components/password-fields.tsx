// Password inputs shared by sign-in, the account page and the set-password pages, so every
// password field keeps the same type, autocomplete hint and inline error.
import type { PageContext } from '../page-context.ts';
import { TextField, errorFor, type FieldError } from './form.tsx';

/** One password input; `current` says whether the browser should offer the saved password. */
export function PasswordField({
  ctx,
  id,
  label,
  hint,
  current,
  errors,
}: {
  ctx: PageContext;
  id: string;
  label: string;
  hint?: string;
  current: boolean;
  errors: FieldError[];
}) {
  return (
    <TextField
      ctx={ctx}
      id={id}
      label={label}
      {...(hint ? { hint } : {})}
      type="password"
      autocomplete={current ? 'current-password' : 'new-password'}
      error={errorFor(errors, id)}
    />
  );
}

/** The new password and its confirmation, with the rules as the hint of the first. */
export function NewPasswordFields({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  const t = ctx.t.accounts.password;
  return (
    <>
      <PasswordField
        ctx={ctx}
        id="password"
        label={t.newLabel}
        hint={t.hint}
        current={false}
        errors={errors}
      />
      <PasswordField
        ctx={ctx}
        id="confirm"
        label={t.confirmLabel}
        current={false}
        errors={errors}
      />
    </>
  );
}
