// The province workspace's frame (title, year, section tabs) and the agency picker its forms share.
import type { Child } from 'hono/jsx';
import type { Agency } from '../../domain/agency.ts';
import { ErrorSummary, type FieldError } from '../components/form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export interface WorkspaceView {
  province: string;
  fiscalYear: number;
  canEdit: boolean;
}

export const base = (w: { province: string; fiscalYear: number }) =>
  `/province/${encodeURIComponent(w.province)}/${w.fiscalYear}`;

export const SECTIONS = [
  'committee',
  'coordinators',
  'mous',
  'training',
  'progress',
  'reminders',
  'plan',
] as const;

export function WorkspaceFrame(p: {
  ctx: PageContext;
  w: WorkspaceView;
  section: (typeof SECTIONS)[number] | 'overview';
  title: string;
  errors?: FieldError[];
  notice?: string | undefined;
  children?: Child;
}) {
  const t = p.ctx.t.province;
  return (
    <Layout ctx={p.ctx} title={p.title} hasError={Boolean(p.errors?.length)}>
      <p class="muted">{t.workspaceTitle(p.w.province, p.w.fiscalYear)}</p>
      <nav aria-label={t.workspaceTitle(p.w.province, p.w.fiscalYear)} class="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li>
              <a href={`${base(p.w)}/${s}`} aria-current={s === p.section ? 'page' : undefined}>
                {t.nav[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{p.title}</h1>
      {p.w.canEdit ? null : <p class="tag">{t.readOnly}</p>}
      {p.notice ? (
        <div class="notice" role="status">
          {p.notice}
        </div>
      ) : null}
      <ErrorSummary ctx={p.ctx} errors={p.errors ?? []} />
      {p.children}
    </Layout>
  );
}

export function AgencySelect(p: {
  ctx: PageContext;
  agencies: Agency[];
  value: string | undefined;
  error: string | undefined;
  label: string;
  placeholder: string;
  id?: string;
}) {
  const id = p.id ?? 'agencyCode';
  return (
    <div class={`form-group${p.error ? ' form-group--error' : ''}`}>
      <label for={id}>{p.label}</label>
      {p.error ? <span class="error-message">{p.error}</span> : null}
      <select id={id} name={id}>
        <option value="">{p.placeholder}</option>
        {p.agencies.map((a) => (
          <option value={a.code} selected={p.value === a.code}>
            {a.nameTh}
          </option>
        ))}
      </select>
    </div>
  );
}
