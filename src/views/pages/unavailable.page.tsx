// The calm bilingual 503 page shown while the database is unreachable, or while the server is
// still starting (opening its database, loading the demo): nothing is lost, the page retries by
// itself (a refresh, no JavaScript needed).
import { en } from '../../i18n/en.ts';
import { th } from '../../i18n/th.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function UnavailablePage({
  ctx,
  retryAfterSeconds,
  reason = 'database',
}: {
  ctx: PageContext;
  retryAfterSeconds: number;
  reason?: 'database' | 'starting';
}) {
  const s = String(retryAfterSeconds);
  const starting = reason === 'starting';
  const text = (m: typeof th.ops | typeof en.ops) =>
    starting
      ? { title: m.startingTitle, body: m.startingBody }
      : { title: m.unavailableTitle, body: m.unavailableBody };
  const t = text(th.ops);
  const e = text(en.ops);
  return (
    <Layout
      ctx={ctx}
      title={`${t.title} / ${e.title}`}
      head={<meta http-equiv="refresh" content={s} />}
    >
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p>{th.ops.unavailableRetry(s)}</p>
      <div lang="en">
        <h2>{e.title}</h2>
        <p>{e.body}</p>
        <p>{en.ops.unavailableRetry(s)}</p>
      </div>
      <p>
        <a href={ctx.path}>{ctx.t.ops.tryAgain}</a>
      </p>
    </Layout>
  );
}
