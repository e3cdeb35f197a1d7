// An agency's details for those concerned, and its administrators' edits of website and staff.
import { Hono, type Context } from 'hono';
import { ServiceError } from '../services/errors.ts';
import type { FieldError } from '../views/components/form.tsx';
import { AgencyProfilePage } from '../views/pages/agency-profile.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const agencyProfileRoutes = new Hono<AppEnv>();

async function page(
  c: Context<AppEnv>,
  form: { website: string; staff: string } | null,
  errors: FieldError[],
  status: 200 | 422,
) {
  const profile = await c
    .get('services')
    .agencyProfiles.read(requireUser(c), c.req.param('code') ?? '');
  const a = profile.agency;
  const notice = c.req.query('done') ? c.get('t').admin.profile.saved : undefined;
  return c.html(
    <AgencyProfilePage
      ctx={pageContext(c)}
      profile={profile}
      form={
        form ?? {
          website: a.website ?? '',
          staff: a.staffCount === null ? '' : String(a.staffCount),
        }
      }
      errors={errors}
      notice={notice}
    />,
    status,
  );
}

agencyProfileRoutes.get('/agencies/:code/profile', (c) => page(c, null, [], 200));

agencyProfileRoutes.post('/agencies/:code/profile', async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const form = {
    website: typeof body.website === 'string' ? body.website.trim() : '',
    staff: typeof body.staff === 'string' ? body.staff.trim() : '',
  };
  const t = c.get('t').admin.profile;
  const staff = form.staff === '' ? null : /^\d{1,8}$/.test(form.staff) ? Number(form.staff) : NaN;
  if (Number.isNaN(staff)) return page(c, form, [{ field: 'staff', message: t.staffInvalid }], 422);
  try {
    await c.get('services').agencyProfiles.update(actor, c.req.param('code'), {
      website: form.website || null,
      staffCount: staff,
    });
  } catch (err) {
    if (err instanceof ServiceError && err.status === 422)
      return page(
        c,
        form,
        [
          {
            field: /staff/i.test(err.en) ? 'staff' : 'website',
            message: c.get('lang') === 'th' ? err.th : err.en,
          },
        ],
        422,
      );
    throw err;
  }
  return c.redirect(`/agencies/${encodeURIComponent(c.req.param('code'))}/profile?done=1`, 303);
});
