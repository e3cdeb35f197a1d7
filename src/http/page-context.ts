// What every page's view needs from the request: language, messages, path, CSP nonce, form token
// and the signed-in person. Routes import it from here, never from app.tsx (which imports them).
import type { Context } from 'hono';
import type { PageContext } from '../views/page-context.ts';
import { accountContext } from './account-context.ts';
import type { AppEnv } from './context.ts';

export function pageContext(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  return {
    lang: c.get('lang'),
    t: c.get('t'),
    path: url.pathname + url.search,
    nonce: c.get('secureHeadersNonce'),
    csrfToken: c.get('csrfToken') ?? '',
    ...accountContext(c),
  };
}
