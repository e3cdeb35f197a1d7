// Form building blocks after the GOV.UK patterns: error summary, fields with hints and inline
// errors, and the CSRF field every POST form carries.
import type { Child } from 'hono/jsx';
import type { PageContext } from '../page-context.ts';

export interface FieldError {
  /** The id of the input the message belongs to (the summary links to it). */
  field: string;
  message: string;
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{ctx.t.common.errors.summaryTitle}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

export interface TextFieldProps {
  ctx: PageContext;
  id: string;
  name?: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'url' | 'date' | 'search';
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text' | 'url' | 'search' | 'none';
  required?: boolean;
  /** The server's message for an empty field, for the browser's own check (survey-steps.js). */
  missingMessage?: string;
}

export function TextField(p: TextFieldProps) {
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`form-group${p.error ? ' form-group--error' : ''}`} data-missing={p.missingMessage}>
      <label for={p.id}>{p.label}</label>
      {p.hint ? (
        <span class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span class="error-message" id={`${p.id}-error`}>
          <span class="visually-hidden">{p.ctx.t.common.errors.errorPrefix}</span>
          {p.error}
        </span>
      ) : null}
      <input
        type={p.type ?? 'text'}
        id={p.id}
        name={p.name ?? p.id}
        value={p.value ?? ''}
        aria-describedby={describedBy || undefined}
        aria-invalid={p.error ? 'true' : undefined}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        required={p.required}
      />
    </div>
  );
}

/** A group of radios in a fieldset with a legend: one question. */
export function RadioGroup(p: {
  ctx: PageContext;
  name: string;
  legend: Child;
  hint?: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  inline?: boolean;
  /** The server's message when nothing is chosen, for the browser's own check. */
  missingMessage?: string;
}) {
  const first = `${p.name}-${p.options[0]?.value ?? '0'}`.replace(/[^\w-]/g, '_');
  return (
    <div
      class={`form-group${p.error ? ' form-group--error' : ''}`}
      id={`${p.name}-group`.replace(/[^\w-]/g, '_')}
      data-missing={p.missingMessage}
    >
      <fieldset aria-describedby={p.error ? `${first}-error` : undefined}>
        <legend>{p.legend}</legend>
        {p.hint ? <span class="hint">{p.hint}</span> : null}
        {p.error ? (
          <span class="error-message" id={`${first}-error`}>
            <span class="visually-hidden">{p.ctx.t.common.errors.errorPrefix}</span>
            {p.error}
          </span>
        ) : null}
        <div class={`radios${p.inline ? ' radios--inline' : ''}`}>
          {p.options.map((o, i) => {
            const id = i === 0 ? first : `${p.name}-${o.value}`.replace(/[^\w-]/g, '_');
            return (
              <div class="radios__item">
                <input
                  type="radio"
                  id={id}
                  name={p.name}
                  value={o.value}
                  checked={p.value === o.value}
                />
                <label for={id}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
