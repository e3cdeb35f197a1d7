// The calm bilingual 503 page shown while the database is unreachable: nothing is lost, the page
// retries by itself (a refresh, no JavaScript needed).
import { en } from '../../i18n/en.ts';
import { th } from '../../i18n/th.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function UnavailablePage({
  ctx,
  retryAfterSeconds,
}: {
  ctx: PageContext;
  retryAfterSeconds: number;
}) {
  const s = String(retryAfterSeconds);
  return (
    <Layout
      ctx={ctx}
      title={`${th.ops.unavailableTitle} / ${en.ops.unavailableTitle}`}
      head={<meta http-equiv="refresh" content={s} />}
    >
      <h1>{th.ops.unavailableTitle}</h1>
      <p>{th.ops.unavailableBody}</p>
      <p>{th.ops.unavailableRetry(s)}</p>
      <div lang="en">
        <h2>{en.ops.unavailableTitle}</h2>
        <p>{en.ops.unavailableBody}</p>
        <p>{en.ops.unavailableRetry(s)}</p>
      </div>
      <p>
        <a href={ctx.path}>{ctx.t.ops.tryAgain}</a>
      </p>
    </Layout>
  );
}
