// The one rounding rule of published figures (docs/methodology.md "Rounding", ADR 0008). Every
// output — page, CSV, XLSX, JSON, CLI, PDF — and every decision a reader can check against the
// printed figure (level, pass, rank, ties, change) goes through these functions, so no two places
// can disagree about a digit.

/** Published scores have two decimals. */
export const PUBLISHED_DECIMALS = 2;

/**
 * Decimal places a full-precision double is first snapped to. Scores and shares are ≤ 100 and the
 * scorer's arithmetic leaves binary noise below 1e-12 there, so snapping to 1e-10 removes the
 * noise (87.96499999999999 → 87.9650000000) and keeps every real digit.
 */
const SNAP_DECIMALS = 10;

/**
 * The published digits of a full-precision figure: snapped to 10 decimals (toFixed is exact on the
 * double's binary value), then rounded half away from zero to 2 decimals on those decimal digits.
 * 0.145 → "0.15", 87.965 → "87.97", 84.996 → "85.00", -0.145 → "-0.15", -0.001 → "0.00".
 * Plain ASCII digits with a '.' (Thai and English pages both print it so).
 */
export function publishedDigits(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite score: ${value}`);
  const negative = value < 0;
  const snapped = Math.abs(value).toFixed(SNAP_DECIMALS);
  // toFixed switches to exponent notation from 1e21; no score or share comes near.
  const dot = snapped.indexOf('.');
  if (dot < 0) throw new RangeError(`Out of range for a score: ${value}`);
  const whole = snapped.slice(0, dot);
  const fraction = snapped.slice(dot + 1);
  let hundredths = BigInt(whole + fraction.slice(0, PUBLISHED_DECIMALS));
  if (fraction.charCodeAt(PUBLISHED_DECIMALS) >= 53 /* '5' */) hundredths += 1n;
  const digits = hundredths.toString().padStart(PUBLISHED_DECIMALS + 1, '0');
  const text = `${digits.slice(0, -PUBLISHED_DECIMALS)}.${digits.slice(-PUBLISHED_DECIMALS)}`;
  return negative && hundredths !== 0n ? `-${text}` : text;
}

/** publishedDigits, or null for a missing figure (null, undefined, NaN, ±Infinity). */
export function publishedDigitsOrNull(value: number | null | undefined): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? publishedDigits(value) : null;
}

/**
 * The published figure as a number (the double nearest the published digits, which prints as
 * those digits): what levels, pass, ranks, ties and changes are decided on.
 */
export function published(value: number): number {
  return Number(publishedDigits(value));
}

/** published, or null for a missing figure. */
export function publishedOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? published(value) : null;
}

/**
 * The change between two published figures, as a reader would work it out from the two printed
 * numbers (87.97 − 80.00 = 7.97), never from the full-precision difference (7.961 → 7.96).
 */
export function publishedChange(
  now: number | null | undefined,
  before: number | null | undefined,
): number | null {
  const a = publishedOrNull(now);
  const b = publishedOrNull(before);
  return a === null || b === null ? null : published(a - b);
}

/**
 * A full-precision figure as text, for showing the working (never a published figure): the same
 * 10-decimal snap as publishedDigits, trailing zeros dropped. 87.96499999999999 → "87.965".
 */
export function fullPrecisionText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite score: ${value}`);
  const snapped = value.toFixed(SNAP_DECIMALS).replace(/\.?0+$/, '');
  return snapped === '-0' ? '0' : snapped;
}
