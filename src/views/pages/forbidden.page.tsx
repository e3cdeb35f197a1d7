// The bilingual 403 page, and the page for other refusals a service explains (404, 409, 422…).
import { en } from '../../i18n/en.ts';
import { th } from '../../i18n/th.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function ForbiddenPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout
      ctx={ctx}
      title={`${th.accounts.errors.forbiddenTitle} / ${en.accounts.errors.forbiddenTitle}`}
    >
      <h1>{th.accounts.errors.forbiddenTitle}</h1>
      <p>{th.accounts.errors.forbiddenBody}</p>
      <p lang="en">
        <strong>{en.accounts.errors.forbiddenTitle}.</strong> {en.accounts.errors.forbiddenBody}
      </p>
      <p>
        <a href="/">{ctx.t.common.errors.backHome}</a>
      </p>
    </Layout>
  );
}

export function RefusalPage({
  ctx,
  th: textTh,
  en: textEn,
  detailTh,
  detailEn,
}: {
  ctx: PageContext;
  th: string;
  en: string;
  /** What to do about it, when the headline alone does not say. */
  detailTh?: string | undefined;
  detailEn?: string | undefined;
}) {
  return (
    <Layout ctx={ctx} title={textTh}>
      <h1>{textTh}</h1>
      {detailTh ? <p>{detailTh}</p> : null}
      <p lang="en">
        {textEn}
        {detailEn ? ` ${detailEn}` : null}
      </p>
      <p>
        <a href="/">{ctx.t.common.errors.backHome}</a>
      </p>
    </Layout>
  );
}
