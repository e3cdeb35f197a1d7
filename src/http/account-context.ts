// What the page frame shows about the signed-in person (name, administrator links).
import type { Context } from 'hono';
import { isNacc } from '../domain/access.ts';
import type { AppEnv } from './context.ts';
import type { PageContext } from '../views/page-context.ts';

export function accountContext(c: Context<AppEnv>): {
  user?: PageContext['user'];
} {
  const account = c.get('account');
  const actor = c.get('actor');
  if (!account || !actor || actor.kind !== 'user') return {};
  // Province officers get a link to their province's drive workspace.
  const provinces = actor.grants.flatMap((g) =>
    g.role === 'province_officer' && g.scope ? [g.scope] : [],
  );
  // The menu offers each role's pages (views/components/role-nav.tsx).
  const agencies = actor.grants.flatMap((g) =>
    g.role === 'agency_admin' && g.scope ? [g.scope] : [],
  );
  const auditor = actor.grants.some((g) => g.role === 'auditor');
  return {
    user: { name: account.displayName, isAdmin: isNacc(actor), provinces, agencies, auditor },
  };
}
