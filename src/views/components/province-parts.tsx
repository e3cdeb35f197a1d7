// Pieces the province workspace forms share: a text field bound to the form's typed values and
// errors by its id, so each field of a long form is one line of what differs.
import type { PageContext } from '../page-context.ts';
import { TextField, errorFor, type FieldError, type TextFieldProps } from './form.tsx';

export type BoundFieldProps = Omit<TextFieldProps, 'ctx' | 'value' | 'error'>;

/**
 * A TextField whose value is what was typed under its id and whose error is the one for its id;
 * made once per page render from that page's form and errors.
 */
export function boundTextField(
  ctx: PageContext,
  form: Record<string, string>,
  errors: FieldError[],
) {
  return function BoundTextField(props: BoundFieldProps) {
    return (
      <TextField ctx={ctx} value={form[props.id]} error={errorFor(errors, props.id)} {...props} />
    );
  };
}
