// What differs between two framework documents: questions, items, weights and rules added,
// removed or changed, each with its path (lists of coded entries are matched by code, not place).

export interface FrameworkChange {
  kind: 'added' | 'removed' | 'changed';
  /** e.g. `questions[I3].items[2].scale`, `toolWeights.OIT`, `indicators[9].questions` */
  path: string;
  before?: unknown;
  after?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key that identifies an entry of a list: its code, its sub-item number or its value. */
function keyOf(entry: unknown): string | undefined {
  if (!isObject(entry)) return undefined;
  const key = entry.code ?? entry.n ?? entry.value ?? entry.path ?? entry.title;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function keyedList(list: unknown[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const entry of list) {
    const key = keyOf(entry);
    if (key === undefined || map.has(key)) return undefined;
    map.set(key, entry);
  }
  return map;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function walk(a: unknown, b: unknown, path: string, out: FrameworkChange[]): void {
  if (same(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const ka = keyedList(a);
    const kb = keyedList(b);
    if (ka && kb) {
      for (const [key, entry] of ka)
        if (!kb.has(key)) out.push({ kind: 'removed', path: `${path}[${key}]`, before: entry });
      for (const [key, entry] of kb) {
        const old = ka.get(key);
        if (old === undefined) out.push({ kind: 'added', path: `${path}[${key}]`, after: entry });
        else walk(old, entry, `${path}[${key}]`, out);
      }
      const order = (m: Map<string, unknown>) =>
        [...m.keys()].filter((k) => ka.has(k) && kb.has(k));
      if (!same(order(ka), order(kb)))
        out.push({
          kind: 'changed',
          path: `${path} (order)`,
          before: [...ka.keys()],
          after: [...kb.keys()],
        });
      return;
    }
    if (a.every((x) => !isObject(x)) && b.every((x) => !isObject(x))) {
      // A list of codes (an indicator's questions or items): what joined and what left it.
      const removed = a.filter((x) => !b.some((y) => same(x, y)));
      const added = b.filter((y) => !a.some((x) => same(x, y)));
      if (removed.length) out.push({ kind: 'removed', path, before: removed });
      if (added.length) out.push({ kind: 'added', path, after: added });
      if (!removed.length && !added.length)
        out.push({ kind: 'changed', path, before: a, after: b });
      return;
    }
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      const sub = path ? `${path}.${key}` : key;
      if (!(key in b)) out.push({ kind: 'removed', path: sub, before: a[key] });
      else walk(a[key], b[key], sub, out);
    }
    for (const key of Object.keys(b))
      if (!(key in a))
        out.push({ kind: 'added', path: path ? `${path}.${key}` : key, after: b[key] });
    return;
  }
  out.push({ kind: 'changed', path, before: a, after: b });
}

/** Every difference from framework document `a` to `b` (empty when they hold the same method). */
export function diffFrameworks(a: unknown, b: unknown): FrameworkChange[] {
  const out: FrameworkChange[] = [];
  walk(a, b, '', out);
  return out;
}

/** One line per change: `+ path value`, `- path value`, `~ path before → after`. */
export function formatChange(change: FrameworkChange): string {
  const show = (v: unknown) => {
    const text = JSON.stringify(v) ?? 'null';
    return text.length > 100 ? `${text.slice(0, 97)}…` : text;
  };
  if (change.kind === 'added') return `+ ${change.path} ${show(change.after)}`;
  if (change.kind === 'removed') return `- ${change.path} ${show(change.before)}`;
  return `~ ${change.path} ${show(change.before)} → ${show(change.after)}`;
}

/** A `{ th, en? }` text: what a translation or a correction of wording may change. */
const isText = (v: unknown): boolean =>
  isObject(v) && typeof v.th === 'string' && Object.keys(v).every((k) => k === 'th' || k === 'en');

// Parts that say where the method comes from or what to do about a result, never how it scores.
const WORDING_ONLY = new Set(['$schema', 'version', 'name', 'provenance', 'recommendations']);

/** The document with every text blanked and the wording-only parts left out: what scores. */
function structure(node: unknown, top = true): unknown {
  if (isText(node)) return '<text>';
  if (Array.isArray(node)) return node.map((x) => structure(x, false));
  if (isObject(node))
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => !(top && WORDING_ONLY.has(k)))
        .map(([k, v]) => [k, structure(v, false)]),
    );
  return node;
}

/**
 * Whether `b` differs from `a` in wording only: texts (Thai or English, e.g. a translation
 * added), name, provenance and recommendations. Codes, scales, weights, order, levels and every
 * rule stay exactly as they were, so answers and scores read the same on both.
 */
export function differsInTextsOnly(a: unknown, b: unknown): boolean {
  return same(structure(a), structure(b));
}
