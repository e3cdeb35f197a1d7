// The bilingual 404 and 500 pages: both languages on one page, so nobody is stranded.
import { en } from '../../i18n/en.ts';
import { th } from '../../i18n/th.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout
      ctx={ctx}
      title={`${th.common.errors.notFoundTitle} / ${en.common.errors.notFoundTitle}`}
    >
      <h1>{th.common.errors.notFoundTitle}</h1>
      <p>{th.common.errors.notFoundBody}</p>
      <p lang="en">
        <strong>{en.common.errors.notFoundTitle}.</strong> {en.common.errors.notFoundBody}
      </p>
      <p>
        <a href="/">{ctx.t.common.errors.backHome}</a>
      </p>
    </Layout>
  );
}

export function ServerErrorPage({ ctx, reference }: { ctx: PageContext; reference: string }) {
  return (
    <Layout ctx={ctx} title={`${th.common.errors.serverTitle} / ${en.common.errors.serverTitle}`}>
      <h1>{th.common.errors.serverTitle}</h1>
      <p>{th.common.errors.serverBody}</p>
      <p lang="en">
        <strong>{en.common.errors.serverTitle}.</strong> {en.common.errors.serverBody}
      </p>
      <p class="reference">
        {th.common.errors.reference(reference)} ·{' '}
        <span lang="en">{en.common.errors.reference(reference)}</span>
      </p>
      <p>
        <a href="/">{ctx.t.common.errors.backHome}</a>
      </p>
    </Layout>
  );
}
