// What the page frame shows about the signed-in person (name, administrator links).
import type { Context } from 'hono';
import { isNacc } from '../domain/access.ts';
import type { AppEnv } from './context.ts';

export function accountContext(c: Context<AppEnv>): {
  user?: { name: string; isAdmin: boolean; provinces?: string[] };
} {
  const account = c.get('account');
  const actor = c.get('actor');
  if (!account || !actor || actor.kind !== 'user') return {};
  // Province officers get a link to their province's drive workspace.
  const provinces = actor.grants.flatMap((g) =>
    g.role === 'province_officer' && g.scope ? [g.scope] : [],
  );
  return { user: { name: account.displayName, isAdmin: isNacc(actor), provinces } };
}
