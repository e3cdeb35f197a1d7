// A printable A4 Thai poster for one survey link: agency, QR, short link and dates.
import type { SurveyTool } from '../../domain/framework/schema.ts';
import { formatDate } from '../../i18n/format.ts';
import { assetUrl } from '../static-assets.ts';
import type { PageContext } from '../page-context.ts';

export function SurveyPosterPage(p: {
  ctx: PageContext;
  agencyName: string;
  tool: SurveyTool;
  url: string;
  qrSvg: string;
  window: { opensOn: string; closesOn: string } | null;
  /** Where "back" goes: the agency's survey links page. */
  backHref: string;
}) {
  const s = p.ctx.t.surveys;
  return (
    <html lang={p.ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${s.poster.heading} – ${p.agencyName}`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
      </head>
      <body class="poster-body">
        <nav class="poster-actions" aria-label={s.poster.print}>
          <a class="back-link" href={p.backHref}>
            {s.poster.back}
          </a>
          {/* The button needs JavaScript (window.print); without it the hint says how. */}
          <button type="button" class="button poster-actions__print" data-print hidden>
            {s.poster.print}
          </button>
          <p class="muted poster-actions__hint">{s.poster.printHint}</p>
        </nav>
        <main class="poster">
          <p class="poster__agency">{p.agencyName}</p>
          <h1 class="poster__heading">{s.poster.heading}</h1>
          <p class="poster__tool">{s.toolName[p.tool]}</p>
          <div class="poster__qr" dangerouslySetInnerHTML={{ __html: p.qrSvg }} />
          <p class="poster__scan">{s.poster.scan}</p>
          <p class="poster__url">{p.url}</p>
          {p.window ? (
            <p class="poster__dates">
              {s.poster.dates(
                formatDate(p.window.opensOn, 'th'),
                formatDate(p.window.closesOn, 'th'),
              )}
            </p>
          ) : null}
          <p class="poster__note">{s.poster.anonymous}</p>
        </main>
        <script src={assetUrl('print.js')} nonce={p.ctx.nonce} defer />
      </body>
    </html>
  );
}
