// `itas verify --dir DIR` / `itas verify --files FILE…`: recomputes a published year from its
// downloaded open data alone (no database): the results file (JSON with full precision, or CSV),
// the answer counts, the OIT item scores and the framework file, scored by the one domain scorer
// and compared figure by figure (domain/open-data.ts, docs/methodology.md "Checking a published
// score"). Exit 0 when every figure matches, 1 with every difference listed.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { validateFramework } from '../../domain/framework/validate.ts';
import type { Framework, ToolCode } from '../../domain/framework/schema.ts';
import {
  ANSWER_COUNT_COLUMNS,
  checkPublishedResults,
  isSubItemOf,
  OIT_SCORE_COLUMNS,
  type AnswerCountRow,
  type OitScoreRow,
  type PublishedFigure,
  type PublishedResult,
} from '../../domain/open-data.ts';
import { publishedDigitsOrNull } from '../../domain/scoring/rounding.ts';
import { unquoteCell } from '../../domain/spreadsheet-cell.ts';
import { UsageError, type Command } from '../command.ts';
import { problemText } from '../../i18n/problem-text.ts';

type Loaded =
  | { kind: 'framework'; file: string; framework: Framework }
  | { kind: 'results'; file: string; results: PublishedResult[] }
  | { kind: 'counts'; file: string; rows: string[][] }
  | { kind: 'oit'; file: string; rows: string[][] }
  | { kind: 'other'; file: string };

/** A problem with a file's contents: printed with the file's name, exit 2. */
class FileProblem extends UsageError {}

const TOOLS: readonly ToolCode[] = ['IIT', 'EIT', 'OIT'];

function sameHeader(header: readonly string[], expected: readonly string[]): boolean {
  return expected.every((c, i) => header[i] === c);
}

function figureFromDigits(text: string | undefined, file: string, field: string): PublishedFigure {
  const t = (text ?? '').trim();
  if (t === '') return { digits: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) throw new FileProblem(`${file}: ${field} is not a number: ${t}`);
  return { digits: publishedDigitsOrNull(Number(t)) };
}

function figureFromJson(full: unknown, rounded: unknown): PublishedFigure {
  const value = typeof full === 'number' && Number.isFinite(full) ? full : null;
  const digits = typeof rounded === 'string' ? rounded : publishedDigitsOrNull(value);
  return { digits, full: value };
}

const count = (v: unknown): number => (typeof v === 'number' && v >= 0 ? v : 0);

function resultsFromJson(data: unknown[], file: string): PublishedResult[] {
  return data.map((raw, i) => {
    const r = raw as {
      agency_code?: unknown;
      overall?: unknown;
      level?: string | null;
      passed?: boolean | null;
      tools?: Record<string, unknown>;
      indicators?: Record<string, unknown>;
      respondents?: Record<string, unknown>;
      rounded?: {
        overall?: unknown;
        tools?: Record<string, unknown>;
        indicators?: Record<string, unknown>;
      };
    };
    if (typeof r?.agency_code !== 'string')
      throw new FileProblem(`${file}: object ${i + 1} has no agency_code`);
    const indicators: Record<string, PublishedFigure> = {};
    for (const [code, v] of Object.entries(r.indicators ?? {}))
      indicators[code] = figureFromJson(v, r.rounded?.indicators?.[code]);
    return {
      agencyCode: r.agency_code,
      respondents: { IIT: count(r.respondents?.IIT), EIT: count(r.respondents?.EIT) },
      overall: figureFromJson(r.overall, r.rounded?.overall),
      tools: Object.fromEntries(
        TOOLS.map((t) => [t, figureFromJson(r.tools?.[t], r.rounded?.tools?.[t])]),
      ) as Record<ToolCode, PublishedFigure>,
      indicators,
      ...(r.level !== undefined ? { level: r.level } : {}),
      ...(r.passed !== undefined ? { passed: r.passed } : {}),
    };
  });
}

function resultsFromCsv(rows: string[][], file: string): PublishedResult[] {
  const [header = [], ...body] = rows;
  const col = (name: string) => header.indexOf(name);
  const need = [
    'agency_code',
    'overall',
    'IIT',
    'EIT',
    'OIT',
    'respondents_IIT',
    'respondents_EIT',
  ];
  const missing = need.filter((n) => col(n) < 0);
  if (missing.length) throw new FileProblem(`${file}: missing columns ${missing.join(', ')}`);
  const indicatorCols = header.flatMap((h, i) =>
    h.startsWith('indicator_') ? [[h.slice('indicator_'.length), i] as const] : [],
  );
  return body.map((row, n) => {
    const get = (name: string) => row[col(name)];
    const int = (name: string) => {
      const t = (get(name) ?? '').trim();
      if (t === '') return 0;
      if (!/^\d+$/.test(t))
        throw new FileProblem(`${file} line ${n + 2}: ${name} is not a whole number: ${t}`);
      return Number(t);
    };
    const passed = (get('passed') ?? '').trim();
    return {
      agencyCode: unquoteCell(get('agency_code') ?? ''),
      respondents: { IIT: int('respondents_IIT'), EIT: int('respondents_EIT') },
      overall: figureFromDigits(get('overall'), file, 'overall'),
      tools: Object.fromEntries(TOOLS.map((t) => [t, figureFromDigits(get(t), file, t)])) as Record<
        ToolCode,
        PublishedFigure
      >,
      indicators: Object.fromEntries(
        indicatorCols.map(([code, i]) => [
          code,
          figureFromDigits(row[i], file, `indicator_${code}`),
        ]),
      ),
      ...(col('level') >= 0 ? { level: (get('level') ?? '').trim() || null } : {}),
      ...(col('passed') >= 0
        ? { passed: passed === 'true' ? true : passed === 'false' ? false : null }
        : {}),
    };
  });
}

/** Reads one file and tells what it is by its contents (a browser may rename downloads). */
async function load(file: string): Promise<Loaded> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  if (file.toLowerCase().endsWith('.json')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new FileProblem(`${file}: not valid JSON`);
    }
    if (Array.isArray(data)) return { kind: 'results', file, results: resultsFromJson(data, file) };
    if (data && typeof data === 'object' && 'indicators' in data && 'toolWeights' in data) {
      const v = validateFramework(data);
      if (!v.ok)
        throw new FileProblem(
          `${file}: not a valid framework: ${v.error.map((p) => `${p.field}: ${problemText(p, 'en')}`).join('; ')}`,
        );
      return { kind: 'framework', file, framework: v.value };
    }
    return { kind: 'other', file };
  }
  if (!file.toLowerCase().endsWith('.csv')) return { kind: 'other', file };
  let rows: string[][];
  try {
    const parsed: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true });
    rows = parsed;
  } catch {
    throw new FileProblem(`${file}: not a readable CSV file`);
  }
  const header = rows[0] ?? [];
  if (sameHeader(header, ANSWER_COUNT_COLUMNS)) return { kind: 'counts', file, rows };
  if (sameHeader(header, OIT_SCORE_COLUMNS)) return { kind: 'oit', file, rows };
  if (header[0] === 'agency_code' && header.includes('overall') && header.includes('OIT'))
    return { kind: 'results', file, results: resultsFromCsv(rows, file) };
  return { kind: 'other', file };
}

function countRows(framework: Framework, file: string, rows: string[][]): AnswerCountRow[] {
  return rows.slice(1).map((row, i) => {
    const line = i + 2;
    const [code = '', tool = '', subItem = '', ...cells] = row;
    if (tool !== 'IIT' && tool !== 'EIT')
      throw new FileProblem(`${file} line ${line}: tool must be IIT or EIT, not ${tool}`);
    if (!isSubItemOf(framework, tool, subItem))
      throw new FileProblem(`${file} line ${line}: ${subItem} is not a ${tool} sub-item`);
    const counts = cells
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .map((c) => {
        if (!/^\d+$/.test(c))
          throw new FileProblem(`${file} line ${line}: a count is not a whole number: ${c}`);
        return Number(c);
      });
    return { agencyCode: unquoteCell(code), tool, subItem, counts };
  });
}

function oitRows(file: string, rows: string[][]): OitScoreRow[] {
  return rows.slice(1).map((row, i) => {
    const [code = '', item = '', score = ''] = row;
    if (!/^\d+(\.\d+)?$/.test(score.trim()))
      throw new FileProblem(`${file} line ${i + 2}: score is not a number: ${score}`);
    return { agencyCode: unquoteCell(code), item, score: Number(score) };
  });
}

async function filesIn(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`Not a folder: ${dir}`);
  return (await readdir(dir)).sort().map((f) => join(dir, f));
}

function one<K extends Loaded['kind']>(
  loaded: Loaded[],
  kind: K,
  what: string,
): Extract<Loaded, { kind: K }> {
  const found = loaded.filter((l): l is Extract<Loaded, { kind: K }> => l.kind === kind);
  if (found.length === 0) throw new UsageError(`No ${what} among the files`);
  if (found.length > 1)
    throw new UsageError(
      `More than one ${what}: ${found.map((f) => basename(f.file)).join(', ')}; give one year's files`,
    );
  return found[0]!;
}

export const verifyCommand: Command = {
  path: ['verify'],
  summary:
    'Recompute a published year from its downloaded open data alone and report every figure that differs',
  usage: 'itas verify --dir DIR | itas verify --files RESULTS COUNTS OIT FRAMEWORK',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { dir: { type: 'string' }, files: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (Boolean(values.dir) === Boolean(values.files))
      throw new UsageError('Give either --dir DIR or --files FILE…');
    if (values.dir && positionals.length)
      throw new UsageError(`Unexpected arguments: ${positionals.join(' ')}`);
    const paths = values.dir ? await filesIn(values.dir) : positionals;
    if (paths.length === 0) throw new UsageError('No files given');
    for (const p of paths)
      await stat(p).catch(() => {
        throw new UsageError(`Cannot read ${p}`);
      });
    const loaded: Loaded[] = [];
    for (const p of paths) loaded.push(await load(p));
    const { framework } = one(loaded, 'framework', 'framework file (framework.json)');
    const results = one(loaded, 'results', 'results file (results.json or results.csv)');
    const counts = one(loaded, 'counts', 'answer counts file (answer-counts.csv)');
    const oit = one(loaded, 'oit', 'OIT scores file (oit-scores.csv)');
    const report = checkPublishedResults(
      framework,
      results.results,
      countRows(framework, counts.file, counts.rows),
      oitRows(oit.file, oit.rows),
    );
    const fullPrecision = results.results.some((r) => r.overall.full !== undefined);
    ctx.out(
      `Framework ${framework.id}; results ${basename(results.file)} (${fullPrecision ? 'full precision and 2 decimals' : '2 decimals'}), ${basename(counts.file)}, ${basename(oit.file)}\n`,
    );
    for (const d of report.differences)
      ctx.out(
        `DIFFERENCE ${d.agencyCode} ${d.field}: published ${d.published}, recomputed ${d.recomputed}\n`,
      );
    for (const w of report.withheld)
      ctx.out(
        `NOT RE-DERIVED ${w.agencyCode}: no answer counts in the open data for ${w.tools
          .map((t) => `${t.tool} (${t.respondents} respondents)`)
          .join(', ')} — withheld for small numbers; only its other tools were checked\n`,
      );
    const agencies = new Set(report.differences.map((d) => d.agencyCode)).size;
    ctx.out(
      `${report.checked} agencies checked, ${report.differences.length} differences` +
        `${agencies ? ` in ${agencies} agencies` : ''}; ${report.rederived} recomputed in full, ` +
        `${report.withheld.length} could not be re-derived from open data (answer counts withheld for small numbers)\n` +
        `ตรวจ ${report.checked} หน่วยงาน พบค่าต่าง ${report.differences.length} รายการ; คำนวณซ้ำได้ครบ ${report.rederived} หน่วยงาน ` +
        `คำนวณซ้ำไม่ได้ ${report.withheld.length} หน่วยงาน (ไม่เปิดเผยจำนวนคำตอบเพราะผู้ตอบน้อย)\n`,
    );
    return report.differences.length > 0 ? 1 : 0;
  },
};
