// The agency register pages.
import { Hono } from 'hono';
import { AgencyListPage } from '../views/pages/agency-list.page.tsx';
import { AgencyPage } from '../views/pages/agency.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';

export const agencyRoutes = new Hono<AppEnv>();

agencyRoutes.get('/agencies', async (c) => {
  const { provinces, filter, result } = await c.get('services').agencies.listPage(
    {
      q: (c.req.query('q') ?? '').trim().slice(0, 200),
      province: c.req.query('province') ?? '',
      type: c.req.query('type') ?? '',
    },
    Number(c.req.query('page') ?? '1'),
  );
  return c.html(
    <AgencyListPage ctx={pageContext(c)} result={result} filter={filter} provinces={provinces} />,
  );
});

agencyRoutes.get('/agencies/:code', async (c) => {
  const found = await c.get('services').agencies.page(c.req.param('code'));
  if (!found) return c.notFound();
  return c.html(<AgencyPage ctx={pageContext(c)} {...found} />);
});
