// An agency's details for those concerned, and its administrators' edits of website and staff.
import { Hono, type Context } from 'hono';
import type { AgencyProfile } from '../services/agency-profile.service.ts';
import type { FieldError } from '../views/components/form.tsx';
import { AgencyProfilePage } from '../views/pages/agency-profile.page.tsx';
import { pageContext } from './page-context.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './session.ts';

export const agencyProfileRoutes = new Hono<AppEnv>();

/** The profile page as its one service call gave it (a refused form's comes with it). */
function page(
  c: Context<AppEnv>,
  profile: AgencyProfile,
  form: { website: string; staff: string } | null,
  errors: FieldError[],
  status: 200 | 422,
) {
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

const read = (c: Context<AppEnv>) =>
  c.get('services').agencyProfiles.read(requireUser(c), c.req.param('code') ?? '');

agencyProfileRoutes.get('/agencies/:code/profile', async (c) =>
  page(c, await read(c), null, [], 200),
);

agencyProfileRoutes.post('/agencies/:code/profile', async (c) => {
  const actor = requireUser(c);
  const body = await c.req.parseBody();
  const form = {
    website: typeof body.website === 'string' ? body.website.trim() : '',
    staff: typeof body.staff === 'string' ? body.staff.trim() : '',
  };
  const t = c.get('t').admin.profile;
  const staff = form.staff === '' ? null : /^\d{1,8}$/.test(form.staff) ? Number(form.staff) : NaN;
  if (Number.isNaN(staff))
    return page(c, await read(c), form, [{ field: 'staff', message: t.staffInvalid }], 422);
  const r = await c.get('services').agencyProfiles.updateOrPage(actor, c.req.param('code'), {
    website: form.website || null,
    staffCount: staff,
  });
  if (!r.ok) {
    const err = r.error;
    return page(
      c,
      r.page,
      form,
      [
        {
          field: err.field === 'staff' ? 'staff' : 'website',
          message: c.get('lang') === 'th' ? err.th : err.en,
        },
      ],
      422,
    );
  }
  return c.redirect(`/agencies/${encodeURIComponent(c.req.param('code'))}/profile?done=1`, 303);
});
