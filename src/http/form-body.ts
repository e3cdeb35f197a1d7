// A form body read once per request (ADR 0022). The input guard reads it before anything else;
// the CSRF check and the routes take it from the request's context instead of parsing it again.
//
// application/x-www-form-urlencoded (every form of this app): the raw body as text, parsed by
// URLSearchParams — the WHATWG urlencoded parser, the one undici's FormData uses too, so the same
// values — without building a web Request and a FormData for it (the survey's one POST carries
// about 60 fields: that detour cost more than checking them). multipart/form-data (the framework
// upload): Hono's parseBody, as before. The size is capped before this runs (body-limit.ts).
import type { Context } from 'hono';
import type { AppEnv, FormBody } from './context.ts';

export type { FormBody };

const mediaType = (c: Context<AppEnv>) =>
  (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

export const URLENCODED = 'application/x-www-form-urlencoded';
export const MULTIPART = 'multipart/form-data';

/** Whether the request carries a form (the only bodies the guard and the CSRF check read). */
export function isFormRequest(c: Context<AppEnv>): boolean {
  const type = mediaType(c);
  return type === URLENCODED || type === MULTIPART;
}

function fromPairs(pairs: [string, string | File][]): FormBody {
  // No prototype: a field named __proto__ or constructor is a field like any other.
  const last = Object.create(null) as Record<string, string | File>;
  for (const [name, value] of pairs) last[name] = value;
  return { pairs, last };
}

/**
 * The request's form, parsed at most once: later calls get the same object. Throws when the body
 * cannot be read (the client went away, a malformed multipart body).
 */
export async function readForm(c: Context<AppEnv>): Promise<FormBody> {
  const kept = c.get('form');
  if (kept) return kept;
  let form: FormBody;
  if (mediaType(c) === URLENCODED) {
    form = fromPairs([...new URLSearchParams(await c.req.text())]);
  } else {
    const parsed = await c.req.parseBody({ all: true });
    form = fromPairs(
      Object.entries(parsed).flatMap(([name, v]) =>
        (Array.isArray(v) ? v : [v]).map((x): [string, string | File] => [name, x]),
      ),
    );
  }
  c.set('form', form);
  return form;
}

/** A form's text fields, one value each (the last sent), as routes read them; `omit` left out. */
export async function formFields(
  c: Context<AppEnv>,
  omit?: string,
): Promise<Record<string, string>> {
  const { last } = await readForm(c);
  const out: Record<string, string> = {};
  for (const name in last) {
    const v = last[name];
    if (typeof v === 'string' && name !== omit) out[name] = v;
  }
  return out;
}
