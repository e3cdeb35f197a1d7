// The counts of responses as an import stores them (ADR 0025): per agency and tool, how many
// responses and, per item, how many answers were 1, 2, 3 or 4 — what the SQL recount stores —
// added to the stored counts in the import's own transaction, instead of reading every row back
// afterwards.
import type { RawSession } from './database.ts';
import type { ResponseRow } from './response.repository.ts';

interface ToolTally {
  n: number;
  /** counts[4 * position + value - 1], position 0 being item 1 */
  counts: number[];
}

export interface CountTally {
  /** Counts these rows (stored just now, each once). */
  add(rows: readonly ResponseRow[]): void;
  /** Adds another tally's counts (a chunk's, once its rows are stored). */
  addTally(other: CountTally): void;
  /** The agencies counted so far. */
  agencies(): string[];
  /** These agencies' counts as COPY text of answer_counts and respondent_counts. */
  csv(fiscalYear: number, agencies: Iterable<string>): { answers: string; respondents: string };
}

const quoted = (s: string) => `"${s.includes('"') ? s.replaceAll('"', '""') : s}"`;

type Tallies = Map<string, { IIT: ToolTally; EIT: ToolTally }>;

/** Each tally's own counts, for addTally. */
const talliesOf = new WeakMap<CountTally, Tallies>();

export function createCountTally(): CountTally {
  const byAgency: Tallies = new Map();
  const entry = (agencyCode: string) => {
    let e = byAgency.get(agencyCode);
    if (!e) {
      e = { IIT: { n: 0, counts: [] }, EIT: { n: 0, counts: [] } };
      byAgency.set(agencyCode, e);
    }
    return e;
  };
  const tally: CountTally = {
    addTally(other) {
      for (const [code, theirs] of talliesOf.get(other) ?? []) {
        const mine = entry(code);
        for (const tool of ['IIT', 'EIT'] as const) {
          const t = mine[tool];
          t.n += theirs[tool].n;
          theirs[tool].counts.forEach((c, k) => (t.counts[k] = (t.counts[k] ?? 0) + c));
        }
      }
    },
    add(rows) {
      for (const r of rows) {
        const t = entry(r.agencyCode)[r.tool];
        t.n++;
        const a = r.answers;
        for (let p = 0; p < a.length; p++) {
          const v = a[p];
          // What the SQL recount counts: 1..4 (null and anything else: no count).
          if (v === 1 || v === 2 || v === 3 || v === 4) {
            const k = 4 * p + v - 1;
            t.counts[k] = (t.counts[k] ?? 0) + 1;
          }
        }
      }
    },
    agencies: () => [...byAgency.keys()],
    csv(fiscalYear, agencies) {
      const answers: string[] = [];
      const respondents: string[] = [];
      for (const code of agencies) {
        const e = byAgency.get(code);
        if (!e) continue;
        const start = `${fiscalYear},${quoted(code)},`;
        for (const tool of ['IIT', 'EIT'] as const) {
          const { n, counts } = e[tool];
          if (!n) continue;
          respondents.push(`${start}${tool},${n}\n`);
          // Items nobody answered have no row, as in SQL.
          for (let p = 0; 4 * p < counts.length; p++) {
            const c1 = counts[4 * p] ?? 0;
            const c2 = counts[4 * p + 1] ?? 0;
            const c3 = counts[4 * p + 2] ?? 0;
            const c4 = counts[4 * p + 3] ?? 0;
            if (c1 + c2 + c3 + c4)
              answers.push(`${start}${tool},${p + 1},${c1},${c2},${c3},${c4}\n`);
          }
        }
      }
      return { answers: answers.join(''), respondents: respondents.join('') };
    },
  };
  talliesOf.set(tally, byAgency);
  return tally;
}

/** Agencies per COPY of counts (about 70 rows each). */
const PART = 500;

const ANSWER_COLUMNS = '(fiscal_year, agency_code, tool, item, c1, c2, c3, c4)';
const RESPONDENT_COLUMNS = '(fiscal_year, agency_code, tool, n)';

/**
 * Adds the tally to the stored counts, in the caller's transaction, which holds the year's count
 * lock alone (ADR 0023) and stored the tallied responses itself without pending rows. Agencies
 * with no counts yet (a new year's import) go straight in by COPY; the others are added by one
 * upsert per table from a temporary copy (an upsert costs several times a COPY).
 */
export async function addCounts(
  s: RawSession,
  fiscalYear: number,
  tally: CountTally,
): Promise<void> {
  const codes = tally.agencies();
  if (codes.length === 0) return;
  const { rows } = await s.query(
    `select agency_code from respondent_counts
      where fiscal_year = $1 and agency_code = any($2::text[])
    union select agency_code from answer_counts
      where fiscal_year = $1 and agency_code = any($2::text[])`,
    [fiscalYear, codes],
  );
  const counted = new Set((rows as { agency_code: string }[]).map((r) => r.agency_code));
  const fresh = codes.filter((c) => !counted.has(c));
  // In parts of a few hundred agencies: short-lived text, not 600,000 lines held at once.
  const copyIn = async (answers: string, respondents: string, agencies: string[]) => {
    for (let i = 0; i < agencies.length; i += PART) {
      const csv = tally.csv(fiscalYear, agencies.slice(i, i + PART));
      if (csv.answers) await s.copyCsv(`${answers} ${ANSWER_COLUMNS}`, csv.answers);
      if (csv.respondents) await s.copyCsv(`${respondents} ${RESPONDENT_COLUMNS}`, csv.respondents);
    }
  };
  await copyIn('answer_counts', 'respondent_counts', fresh);
  if (counted.size === 0) return;
  await s.query(`create temporary table counts_added (like answer_counts) on commit drop`);
  await s.query(`create temporary table respondents_added (like respondent_counts) on commit drop`);
  await copyIn('counts_added', 'respondents_added', [...counted]);
  await s.query(`insert into answer_counts ${ANSWER_COLUMNS}
    select fiscal_year, agency_code, tool, item, c1, c2, c3, c4 from counts_added
    on conflict (fiscal_year, agency_code, tool, item) do update
      set c1 = answer_counts.c1 + excluded.c1, c2 = answer_counts.c2 + excluded.c2,
        c3 = answer_counts.c3 + excluded.c3, c4 = answer_counts.c4 + excluded.c4`);
  await s.query(`insert into respondent_counts ${RESPONDENT_COLUMNS}
    select fiscal_year, agency_code, tool, n from respondents_added
    on conflict (fiscal_year, agency_code, tool) do update
      set n = respondent_counts.n + excluded.n`);
}
