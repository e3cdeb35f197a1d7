// Locale-aware formatting with Intl: Buddhist Era dates, Thai digits stay Arabic; scores by the
// domain's one rounding rule. No catalogue here (messagesFor is in messages.ts), so the catalogue's
// own messages may format with these.
import { publishedDigits } from '../domain/scoring/rounding.ts';
import type { Lang } from './types.ts';

const TZ = 'Asia/Bangkok';

/** A date shown to people: always Buddhist Era, in Thailand's time zone. */
export function formatDate(
  value: Date | string,
  lang: Lang,
  style: 'long' | 'short' = 'long',
): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00+07:00`) : value;
  const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
  return new Intl.DateTimeFormat(locale, {
    timeZone: TZ,
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
  }).format(date);
}

export function formatDateTime(value: Date, lang: Lang): string {
  const locale = lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB-u-ca-buddhist';
  return new Intl.DateTimeFormat(locale, {
    timeZone: TZ,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(value);
}

// Intl formatters are costly to build; a report formats hundreds of numbers, so build each once.
const integerFormats = {
  th: new Intl.NumberFormat('th-TH'),
  en: new Intl.NumberFormat('en-GB'),
};

export function formatInteger(n: number, lang: Lang): string {
  return integerFormats[lang === 'th' ? 'th' : 'en'].format(n);
}

/**
 * Scores are stored at full precision and shown as their published digits (domain rounding rule:
 * 2 decimals, half up). Thai and English print scores alike (Arabic digits, '.'), so the digits
 * are the domain's string as is — never Intl's own rounding, which could differ by 0.01.
 */
export function formatScore(n: number | null | undefined, _lang: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return publishedDigits(n);
}

const collator = new Intl.Collator('th');
/** Thai dictionary order (PGlite has no ICU, so sorting happens here). */
export function compareThai(a: string, b: string): number {
  return collator.compare(a, b);
}
