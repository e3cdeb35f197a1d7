// The publication checklist in words (Thai or English): for the page, the CLI and the refusal to
// publish (the problems catalogue's publication_not_ready). It reads the three area catalogues it
// needs directly, not the whole catalogue, which holds the problems: so no import cycle.
import type { CheckItem, Readiness, Reason } from '../domain/publication-readiness.ts';
import { oit as enOit } from './en/oit.ts';
import { publication as enPublication } from './en/publication.ts';
import { surveys as enSurveys } from './en/surveys.ts';
import { formatDate, formatInteger } from './format.ts';
import { oit } from './th/oit.ts';
import { publication } from './th/publication.ts';
import { surveys } from './th/surveys.ts';
import type { Lang, Widen } from './types.ts';

type Words = {
  publication: Widen<typeof publication>;
  surveys: Widen<typeof surveys>;
  oit: Widen<typeof oit>;
};
const words: Record<Lang, Words> = {
  th: { publication, surveys, oit },
  en: { publication: enPublication, surveys: enSurveys, oit: enOit },
};
const wordsFor = (lang: Lang): Words => words[lang];

/** One reason an item fails, with the dates in Buddhist Era and the agencies named. */
export function reasonText(reason: Reason, lang: Lang): string {
  const t = wordsFor(lang);
  const m = t.publication.reason;
  const n = (x: number) => formatInteger(x, lang);
  const phase = 'phase' in reason ? t.surveys.calendar.phase[reason.phase] : '';
  const named = (codes: string[], count: number) =>
    count > codes.length
      ? `${codes.join(', ')} ${t.publication.more(n(count - codes.length))}`
      : codes.join(', ');
  switch (reason.code) {
    case 'window_not_set':
      return m.window_not_set(phase);
    case 'window_open':
      return m.window_open(phase, formatDate(reason.closesOn, lang));
    case 'window_not_yet':
      return m.window_not_yet(phase, formatDate(reason.opensOn, lang));
    case 'extension_open':
      return m.extension_open(
        phase,
        n(reason.count),
        formatDate(reason.closesOn, lang),
        named(reason.codes, reason.count),
      );
    case 'oit_unconfirmed':
      return m.oit_unconfirmed(
        n(reason.count),
        named(
          reason.codes.map((c) => `${c.code} (${t.oit.status[(c.status ?? 'none') as 'none']})`),
          reason.count,
        ),
      );
    case 'no_cards':
      return m.no_cards;
    case 'card_missing':
    case 'card_framework':
    case 'card_respondents':
    case 'card_oit':
      return m[reason.code](n(reason.count), named(reason.codes, reason.count));
    case 'recompute_pending':
    case 'recompute_failed':
      return m[reason.code](n(reason.count));
  }
}

/** The figures beside an item, e.g. "agencies 59 · confirmed 58 · exceptions 1". */
export function countsText(item: CheckItem, lang: Lang): string {
  const c = wordsFor(lang).publication.counts;
  return Object.entries(item.counts)
    .map(([k, v]) => c[k as keyof typeof c]?.(formatInteger(v, lang)) ?? `${k} ${v}`)
    .join(' · ');
}

/** The whole checklist as lines: ✓ or ✗, the item, its counts, then each reason indented. */
export function readinessText(readiness: Readiness, lang: Lang): string {
  const t = wordsFor(lang).publication;
  const lines: string[] = [];
  for (const item of readiness.items) {
    const counts = countsText(item, lang);
    lines.push(`${item.ok ? '✓' : '✗'} ${t.item[item.code]}${counts ? ` (${counts})` : ''}`);
    for (const r of item.reasons) lines.push(`    - ${reasonText(r, lang)}`);
  }
  return lines.join('\n');
}
