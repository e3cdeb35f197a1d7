// The agency register pages.
import { Hono } from 'hono';
import { isAgencyType } from '../domain/agency.ts';
import { AgencyListPage } from '../views/pages/agency-list.page.tsx';
import { AgencyPage } from '../views/pages/agency.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';

export const agencyRoutes = new Hono<AppEnv>();

agencyRoutes.get('/agencies', async (c) => {
  const services = c.get('services');
  const q = (c.req.query('q') ?? '').trim().slice(0, 200);
  const provinces = await services.reference.provinces();
  const provinceRaw = c.req.query('province') ?? '';
  const province = provinces.includes(provinceRaw) ? provinceRaw : '';
  const typeRaw = c.req.query('type') ?? '';
  const type = isAgencyType(typeRaw) ? typeRaw : '';
  const page = Number(c.req.query('page') ?? '1');
  const result = await services.agencies.search({ q, province, type }, page);
  return c.html(
    <AgencyListPage
      ctx={pageContext(c)}
      result={result}
      filter={{ q, province, type }}
      provinces={provinces}
    />,
  );
});

agencyRoutes.get('/agencies/:code', async (c) => {
  const found = await c.get('services').agencies.page(c.req.param('code'));
  if (!found) return c.notFound();
  return c.html(<AgencyPage ctx={pageContext(c)} {...found} />);
});
