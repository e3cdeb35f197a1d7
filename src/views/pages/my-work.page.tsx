// Each person's home ("งานของฉัน"): one section per role they hold, each task with its counts,
// its window in Buddhist Era dates, and a link to the page where it is done.
import type { HomeView } from '../../domain/work-overview.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import {
  NaccSection,
  AuditorSection,
  AgencySection,
  ProvinceSection,
} from './my-work-sections.tsx';

/** The page's model: what services.home.forActor composes, and the person's name. */
export interface MyWorkModel {
  name: string;
  home: HomeView;
}

export function MyWorkPage({ ctx, model }: { ctx: PageContext; model: MyWorkModel }) {
  const t = ctx.t.home;
  const { home } = model;
  const none =
    !home.nacc && !home.auditor && home.agencies.length === 0 && home.provinces.length === 0;
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead(model.name)}</p>
      {home.years.length === 0 ? <p>{t.noYear}</p> : null}
      {none ? <p>{t.noRoles}</p> : null}
      {home.nacc ? <NaccSection ctx={ctx} home={home} /> : null}
      {home.auditor ? <AuditorSection ctx={ctx} years={home.auditor} /> : null}
      {home.agencies.map((a) => (
        <AgencySection ctx={ctx} a={a} />
      ))}
      {home.provinces.map((p) => (
        <ProvinceSection ctx={ctx} p={p} />
      ))}
    </Layout>
  );
}
