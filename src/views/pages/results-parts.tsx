// Pieces the results pages share: the unpublished banner, download links, pass tags, Thai/English text.
import type { Framework, Text } from '../../domain/framework/schema.ts';
import { formatDate, formatInteger } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/types.ts';
import type { PageContext } from '../page-context.ts';

export interface YearInfo {
  fiscalYear: number;
  publishedAt: Date | null;
  announcementTh: string | null;
  announcementEn: string | null;
}

/** A year's results as the results pages take them: the year and the framework it is scored by. */
export interface YearResultsModel {
  year: YearInfo;
  framework: Framework;
}

/** A framework text in the page's language (English falls back to Thai). */
export const tx = (text: Text, lang: Lang): string =>
  lang === 'en' ? (text.en ?? text.th) : text.th;

export function PublicationBanner({ ctx, year }: { ctx: PageContext; year: YearInfo }) {
  if (year.publishedAt) return null;
  return (
    <div class="notice notice--warning" role="note">
      <strong>{ctx.t.results.unpublishedNotice}</strong>
    </div>
  );
}

export function Announcement({ ctx, year }: { ctx: PageContext; year: YearInfo }) {
  const text =
    ctx.lang === 'en' ? (year.announcementEn ?? year.announcementTh) : year.announcementTh;
  if (!year.publishedAt || !text) return null;
  return (
    <aside class="announcement" aria-label={ctx.t.results.announcement}>
      <p>{text}</p>
      <p class="muted">{ctx.t.results.publishedOn(formatDate(year.publishedAt, ctx.lang))}</p>
    </aside>
  );
}

/**
 * What the year's means and ranks are taken over: the agencies with results in this system and
 * their provinces (named when few), so one province's figures never read as the country's.
 */
export function Coverage({
  ctx,
  agencies,
  provinces,
}: {
  ctx: PageContext;
  agencies: number;
  provinces: readonly string[];
}) {
  return (
    <p class="muted" data-testid="coverage">
      {ctx.t.results.coverage(
        formatInteger(agencies, ctx.lang),
        formatInteger(provinces.length, ctx.lang),
        provinces.length <= 3 ? provinces.join(', ') : '',
      )}
    </p>
  );
}

export function DownloadLinks({
  ctx,
  links,
  note,
}: {
  ctx: PageContext;
  links: { href: string; label: string }[];
  note?: string;
}) {
  return (
    <div class="downloads no-print">
      <h2 class="downloads__title">{ctx.t.results.downloads}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} download>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      {note && <p class="muted">{note}</p>}
    </div>
  );
}

export function PassTag({ ctx, passed }: { ctx: PageContext; passed: boolean | null }) {
  const r = ctx.t.results;
  if (passed === null) return <span class="tag">{r.noScore}</span>;
  return (
    <span class={passed ? 'tag tag--pass' : 'tag tag--fail'} data-testid="passed">
      {passed ? r.passed : r.notPassed}
    </span>
  );
}

/** The framework id and version a score card was computed on: every score names its method. */
export function FrameworkUsed({ ctx, framework }: { ctx: PageContext; framework: Framework }) {
  return (
    <p class="muted" data-framework={`${framework.id}@${framework.version}`}>
      {ctx.t.frameworks.scoredOn(framework.id, String(framework.version))}
    </p>
  );
}
