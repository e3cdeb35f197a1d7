// The header link to the province's drive workspace, for province officers.
import type { PageContext } from '../page-context.ts';

export function ProvinceNavItems({ ctx }: { ctx: PageContext }) {
  const provinces = ctx.user?.provinces ?? [];
  return (
    <>
      {provinces.map((p) => (
        <li>
          <a href={`/province/${encodeURIComponent(p)}`}>
            {ctx.t.province.nav.workspace}
            {provinces.length > 1 ? ` (${p})` : ''}
          </a>
        </li>
      ))}
    </>
  );
}
