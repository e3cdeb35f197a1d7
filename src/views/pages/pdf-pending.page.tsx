// Shown while an agency report's PDF is being made (202) or the renderer is busy (503): says so
// in Thai and English and asks again by itself (a refresh, no JavaScript needed); when the PDF is
// ready the same address answers with the file, so the download starts.
import { en } from '../../i18n/en.ts';
import { th } from '../../i18n/th.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

export function PdfPendingPage({
  ctx,
  pdfHref,
  reportHref,
  refreshSeconds,
}: {
  ctx: PageContext;
  pdfHref: string;
  reportHref: string;
  refreshSeconds: number;
}) {
  const s = String(refreshSeconds);
  return (
    <Layout
      ctx={ctx}
      title={`${th.ops.pdfPendingTitle} / ${en.ops.pdfPendingTitle}`}
      head={<meta http-equiv="refresh" content={`${s}; url=${pdfHref}`} />}
    >
      <h1>{th.ops.pdfPendingTitle}</h1>
      <p role="status">{th.ops.pdfPendingBody}</p>
      <p>{th.ops.pdfPendingRefresh(s)}</p>
      <div lang="en">
        <h2>{en.ops.pdfPendingTitle}</h2>
        <p>{en.ops.pdfPendingBody}</p>
        <p>{en.ops.pdfPendingRefresh(s)}</p>
      </div>
      <p>
        <a href={pdfHref}>{ctx.t.ops.pdfPendingLink}</a> ·{' '}
        <a href={reportHref}>{ctx.t.ops.pdfBackToReport}</a>
      </p>
    </Layout>
  );
}
