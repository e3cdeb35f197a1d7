// The entry to a province's drive workspace: its fiscal years, newest first.
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** The years of a province's workspace, newest first. */
export function ProvinceYearsPage(p: { ctx: PageContext; province: string; years: number[] }) {
  const t = p.ctx.t.province;
  return (
    <Layout ctx={p.ctx} title={`${t.nav.workspace} ${p.province}`}>
      <h1>
        {t.nav.workspace} {p.province}
      </h1>
      <h2>{t.nav.years}</h2>
      <ul>
        {p.years.map((y) => (
          <li>
            <a href={`/province/${encodeURIComponent(p.province)}/${y}/progress`}>
              {t.workspaceTitle(p.province, y)}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
