// An agency's details for those concerned: who administers and audits it; its own
// administrators (and the NACC) may edit the website and staff count here.
import type { Agency } from '../../domain/agency.ts';
import { formatInteger } from '../../i18n/format.ts';
import {
  CsrfField,
  ErrorSummary,
  TextField,
  errorFor,
  type FieldError,
} from '../components/form.tsx';
import { Unavailable } from '../components/unavailable.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** An agency's profile page: the agency, the people who act for it, and whether the viewer may edit. */
export interface AgencyProfileModel {
  agency: Agency;
  admins: { displayName: string; email: string }[];
  auditors: { displayName: string; email: string }[];
  canEdit: boolean;
}

export function AgencyProfilePage({
  ctx,
  profile,
  form,
  errors,
  notice,
}: {
  ctx: PageContext;
  profile: AgencyProfileModel;
  form: { website: string; staff: string };
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const t = ctx.t.admin.profile;
  const a = profile.agency;
  const people = (list: { displayName: string; email: string }[]) =>
    list.length ? (
      <ul>
        {list.map((p) => (
          <li>
            {p.displayName} ({p.email})
          </li>
        ))}
      </ul>
    ) : (
      <span class="muted">{t.nobody}</span>
    );
  return (
    <Layout ctx={ctx} title={`${a.nameTh} – ${t.title}`} hasError={errors.length > 0}>
      <p>
        <a href={`/agencies/${encodeURIComponent(a.code)}`}>‹ {a.nameTh}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>{a.nameTh}</h1>
      <p class="lead">{t.title}</p>
      <dl class="summary-list">
        <dt>{t.admins}</dt>
        <dd>{people(profile.admins)}</dd>
        <dt>{t.auditors}</dt>
        <dd>{people(profile.auditors)}</dd>
        <dt>{t.website}</dt>
        <dd>{a.website ?? <span class="muted">{t.nobody}</span>}</dd>
        <dt>{t.staff}</dt>
        <dd>{a.staffCount !== null ? formatInteger(a.staffCount, ctx.lang) : '–'}</dd>
      </dl>
      {profile.canEdit ? (
        <form method="post" action={`/agencies/${encodeURIComponent(a.code)}/profile`} novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            id="website"
            label={t.website}
            hint={t.websiteHint}
            type="url"
            value={form.website}
            error={errorFor(errors, 'website')}
          />
          <TextField
            ctx={ctx}
            id="staff"
            label={t.staff}
            inputmode="numeric"
            value={form.staff}
            error={errorFor(errors, 'staff')}
          />
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      ) : (
        <Unavailable ctx={ctx} reasons={[ctx.t.home.why.readOnly]} />
      )}
    </Layout>
  );
}
