// The one table of how much text each field may hold, and the cheap checks every typed value goes
// through before any other work (the HTTP input guard runs them on every form field and query
// parameter; domain validators take their maxima from here). Lengths are counted in characters as
// a reader counts them, in one linear pass: never by grapheme segmentation, whose cost grew with
// the square of the length (20,000 characters held the server for seconds).

export interface TextRule {
  /** Most characters allowed (see charCount). */
  max: number;
  /** Whether tab, CR and LF are allowed (a textarea); every other control character never is. */
  multiline: boolean;
}

/** The limits, by kind of field. */
export const TEXT_LIMITS = {
  /** Any one-line field not named below: names, titles, codes, choices. */
  line: 500,
  /** An e-mail address (RFC 5321). */
  email: 254,
  /** A password as typed at the door; new passwords are held to PASSWORD_MAX by passwordProblem. */
  password: 1000,
  /** A same-site path to come back to (`next`). */
  path: 2048,
  /** A note, comment or explanation: OIT notes, auditors' comments, disputes, witnesses. */
  text: 2000,
  /** An announcement on the public results (per language). */
  announcement: 4000,
  /** A message template (province reminders). */
  template: 10_000,
  /** URLs typed one per line: five URLs of up to `text` characters each. */
  urls: 5 * 2000 + 100,
  /**
   * Any one value in an imported file (services/table-reader.ts), counted in UTF-16 units while
   * it is read, before each import holds its fields to the limits above.
   */
  importValue: 10_000,
  /** A framework file in canonical form (a 1 MB upload, indented), confirmed on the import page. */
  frameworkFile: 3 * 1024 * 1024,
} as const;

const MULTI = (max: number): TextRule => ({ max, multiline: true });
const LINE = (max: number): TextRule => ({ max, multiline: false });

/** Fields by name; `dispute-<item>` and every unnamed field follow the rules in fieldRule. */
const BY_NAME: Record<string, TextRule> = {
  email: LINE(TEXT_LIMITS.email),
  password: LINE(TEXT_LIMITS.password),
  current: LINE(TEXT_LIMITS.password),
  confirm: LINE(TEXT_LIMITS.password),
  next: LINE(TEXT_LIMITS.path),
  note: MULTI(TEXT_LIMITS.text),
  comment: MULTI(TEXT_LIMITS.text),
  witnesses: MULTI(TEXT_LIMITS.text),
  urls: MULTI(TEXT_LIMITS.urls),
  announcement_th: MULTI(TEXT_LIMITS.announcement),
  announcement_en: MULTI(TEXT_LIMITS.announcement),
  body: MULTI(TEXT_LIMITS.template),
  // A checked framework file carried back by its confirmation form (views/pages/frameworks.page.tsx).
  framework_json: MULTI(TEXT_LIMITS.frameworkFile),
};

/** Any one-line field not named (one object for all: rules are only read). */
const ANY_LINE = Object.freeze(LINE(TEXT_LIMITS.line));

/** The rule for a form field or query parameter by its name. */
export function fieldRule(name: string): TextRule {
  // Without a '-' only the names above differ (the survey's ~60 answers, at every send).
  if (!name.includes('-')) return named(name) ?? ANY_LINE;
  return (
    named(name) ??
    (name.startsWith('dispute-') ? MULTI(TEXT_LIMITS.text) : undefined) ??
    // The OIT entry form names each item's fields `<item>-<field>` (O12-urls, O12-note).
    named(ITEM_FIELD.exec(name)?.[1] ?? '') ??
    ANY_LINE
  );
}

// Own keys only: a field named "constructor" must not find Object's.
const named = (name: string): TextRule | undefined =>
  Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined;

const ITEM_FIELD = /^[A-Za-z0-9.]{1,16}-([a-z_]{1,32})$/;

/** The longest field name accepted (the longest real one is `members[199][position]`). */
export const MAX_FIELD_NAME = 100;

// Marks (Thai vowel and tone marks, combining accents) sit on the character before them.
const MARKS = /\p{M}/gu;

/**
 * Characters as a reader counts them: code points, not counting combining marks, so ที่ is one
 * character as on screen. Linear in the length.
 */
export function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // the second half of a surrogate pair is not counted
  }
  MARKS.lastIndex = 0;
  let marks = 0;
  while (MARKS.exec(s)) marks++;
  return n - marks;
}

/** Whether `s` has more than `max` characters, without counting far past it. */
export function longerThan(s: string, max: number): boolean {
  // A character takes at most a few UTF-16 units with its marks: beyond that, no need to count.
  if (s.length <= max) return false;
  if (s.length > max * 4) return true;
  return charCount(s) > max;
}

// C0 controls, DEL and C1 controls: never typed by a person; NUL is refused by PostgreSQL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

export type TextProblem = 'control' | 'too_long';

/** Where the first control character other than tab, CR and LF is in `s`, or -1. Linear. */
export function firstControl(s: string): number {
  return s.search(CONTROL_BUT_LINES);
}

/** What is wrong with a typed value under its rule, if anything. Linear, length checked first. */
export function checkText(value: string, rule: TextRule): TextProblem | null {
  if (value.length > rule.max * 4) return 'too_long';
  if ((rule.multiline ? CONTROL_BUT_LINES : CONTROL).test(value)) return 'control';
  return longerThan(value, rule.max) ? 'too_long' : null;
}
