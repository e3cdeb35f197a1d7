// The home page: what the system is, and a search box for any agency.
import { formatInteger } from '../../i18n/format.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function HomePage({ ctx, agencyCount }: { ctx: PageContext; agencyCount: number }) {
  const h = ctx.t.common.home;
  return (
    <Layout ctx={ctx} title={h.title}>
      <h1>{h.title}</h1>
      <p class="lead">{h.lead}</p>
      <form method="get" action="/agencies" role="search">
        <div class="form-group">
          <label for="home-q">{h.searchLabel}</label>
          <span class="hint" id="home-q-hint">
            {h.searchHint}
          </span>
          <input type="search" id="home-q" name="q" aria-describedby="home-q-hint" />
        </div>
        <button type="submit">{h.searchButton}</button>
      </form>
      <p class="muted">{h.agenciesCount(formatInteger(agencyCount, ctx.lang))}</p>
    </Layout>
  );
}
