// `itas year create`, the imports of responses / OIT / past results, `itas compute`, and the
// exports of results, summaries and rankings (docs/formats.md).
import { createReadStream, createWriteStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { SYSTEM_CLI } from '../../domain/actor.ts';
import { isAgencyType } from '../../domain/agency.ts';
import { formatChange } from '../../domain/framework/diff.ts';
import { rankingsTable } from '../../exports/rankings-table.ts';
import { problemTexts } from '../../i18n/problem-text.ts';
import { resultsTable } from '../../exports/results-table.ts';
import { pagesOf, writeTableStream } from '../../exports/stream-export.ts';
import { summaryTable } from '../../exports/summary-table.ts';
import {
  ENCODING_OPTION,
  ENCODING_USAGE,
  UsageError,
  readOptions,
  type CliContext,
  type Command,
} from '../command.ts';

function yearOf(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value))
    throw new UsageError('Give the fiscal year in Buddhist Era: --year 2563');
  return Number(value);
}

async function oneFile(positionals: string[], usage: string): Promise<string> {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`Give exactly one file: ${usage}`);
  await access(file).catch(() => {
    throw new UsageError(`Cannot read ${file}`);
  });
  return file;
}

export const yearCreateCommand: Command = {
  path: ['year', 'create'],
  summary: 'Create an assessment year on a framework definition',
  usage: 'itas year create --year 2563 --framework ita-2563',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { year: { type: 'string' }, framework: { type: 'string' } },
    });
    if (!values.framework) throw new UsageError('Give the framework: --framework ita-2563');
    const services = await ctx.services();
    const y = await services.years.create(SYSTEM_CLI, yearOf(values.year), values.framework);
    ctx.out(
      `Created assessment year ${y.fiscalYear} on ${y.frameworkId}.\nสร้างปีการประเมิน ${y.fiscalYear} (${y.frameworkId}) แล้ว\n`,
    );
    return 0;
  },
};

export const yearMoveFrameworkCommand: Command = {
  path: ['year', 'move-framework'],
  summary:
    'Move a year to another framework version and recompute it (refused if entered data would not fit)',
  usage: 'itas year move-framework --year 2563 --framework ita-2563-r2 [--check]',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        framework: { type: 'string' },
        check: { type: 'boolean' },
      },
    });
    if (!values.framework) throw new UsageError('Give the framework: --framework ita-2563-r2');
    const year = yearOf(values.year);
    const moves = (await ctx.services()).yearFrameworks;
    const plan = await moves.plan(SYSTEM_CLI, year, values.framework);
    for (const change of plan.changes) ctx.out(`${formatChange(change)}\n`);
    ctx.out(
      `${plan.changes.length} difference(s) from ${plan.from.id} to ${plan.to.id}; ${plan.recompute.agencies} agencies with data to recompute.\n`,
    );
    if (plan.problems.length) {
      ctx.err('ย้ายกรอบการประเมินไม่ได้ / Cannot move:\n');
      for (const p of plan.problems.map(problemTexts)) ctx.err(`  ${p.th}\n  ${p.en}\n`);
      return 1;
    }
    if (values.check) return 0;
    const r = await moves.move(SYSTEM_CLI, year, values.framework);
    ctx.out(
      `${year} moved from ${r.from} to ${r.to}; ${r.agencies} agencies recomputed (${r.scored} scored).\nปี ${year} ใช้กรอบ ${r.to} แล้ว คำนวณใหม่ ${r.agencies} หน่วยงาน\n`,
    );
    return 0;
  },
};

const importCommand = (what: 'responses' | 'oit', summary: string): Command => ({
  path: ['import', what],
  summary,
  usage: `itas import ${what} --year Y ${ENCODING_USAGE} FILE`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { year: { type: 'string' }, ...ENCODING_OPTION },
      allowPositionals: true,
    });
    const year = yearOf(values.year);
    const options = readOptions(values.encoding);
    const file = await oneFile(positionals, this.usage);
    const services = await ctx.services();
    if (what === 'responses') {
      // Opened afresh if the import reads the file twice (storage/response-copy.ts).
      const r = await services.imports.importResponses(
        SYSTEM_CLI,
        year,
        basename(file),
        () => createReadStream(file),
        options,
      );
      ctx.out(
        `Imported ${r.rows} responses (${r.inserted} new) for ${r.agencies} agencies; run itas compute --year ${year}.\nนำเข้าคำตอบ ${r.rows} รายการ (ใหม่ ${r.inserted}) ของ ${r.agencies} หน่วยงาน\n`,
      );
    } else {
      const r = await services.imports.importOit(
        SYSTEM_CLI,
        year,
        basename(file),
        createReadStream(file),
        options,
      );
      // Imported, fully confirmed agencies take the matching OIT workflow state (issue 6).
      await services.oitAdmin.recordImportedStates(SYSTEM_CLI, year);
      ctx.out(
        `Imported ${r.rows} OIT rows (${r.changed} new versions) for ${r.agencies} agencies.\nนำเข้า OIT ${r.rows} แถว (ฉบับใหม่ ${r.changed}) ของ ${r.agencies} หน่วยงาน\n`,
      );
    }
    return 0;
  },
});

export const importResponsesCommand = importCommand(
  'responses',
  'Import responses (.csv or .xlsx) for a year (all or nothing; re-importing an id is a no-op)',
);
export const importOitCommand = importCommand(
  'oit',
  'Import OIT rows (.csv or .xlsx) for a year (all or nothing; a changed pair becomes a new version)',
);

export const importResultsCommand: Command = {
  path: ['import', 'results'],
  summary: 'Import past published results (.csv or .xlsx) for trends and "last year"',
  usage: `itas import results ${ENCODING_USAGE} FILE`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: ENCODING_OPTION,
      allowPositionals: true,
    });
    const options = readOptions(values.encoding);
    const file = await oneFile(positionals, this.usage);
    const services = await ctx.services();
    const r = await services.imports.importResults(
      SYSTEM_CLI,
      basename(file),
      createReadStream(file),
      options,
    );
    ctx.out(
      `Imported ${r.rows} past results (${r.inserted} new, ${r.updated} updated).\nนำเข้าผลย้อนหลัง ${r.rows} แถว (ใหม่ ${r.inserted} ปรับปรุง ${r.updated})\n`,
    );
    return 0;
  },
};

export const computeCommand: Command = {
  path: ['compute'],
  summary:
    'Compute every score card of a year: recount the answers in responses, score with confirmed OIT',
  usage: 'itas compute --year Y',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { year: { type: 'string' } } });
    const year = yearOf(values.year);
    const services = await ctx.services();
    const started = performance.now(); // elapsed seconds for the operator, not business time
    const r = await services.results.computeYear(year);
    ctx.out(
      `Computed ${r.agencies} score cards for ${year} (${r.scored} complete) in ${((performance.now() - started) / 1000).toFixed(1)} s.\nคำนวณผล ${r.agencies} หน่วยงาน (ครบทุกแบบวัด ${r.scored})\n`,
    );
    return 0;
  },
};

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(v: string | undefined): Format {
  const f = (v ?? 'json') as Format;
  if (!FORMATS.includes(f)) throw new UsageError('--format must be json, csv or xlsx');
  return f;
}

/** Runs `write` into --out FILE (or stdout) and waits until everything is flushed. */
async function toOutput(
  out: string | undefined,
  ctx: CliContext,
  write: (stream: Writable) => Promise<number>,
): Promise<number> {
  if (!out) return write(process.stdout);
  const stream = createWriteStream(out);
  const n = await write(stream);
  if (!stream.writableEnded) stream.end();
  await finished(stream);
  ctx.err(`Wrote ${n} rows to ${out}\n`);
  return n;
}

const exportOptions = {
  year: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export const exportResultsCommand: Command = {
  path: ['export', 'results'],
  summary: 'Export every agency result of a year (streamed; JSON at full precision)',
  usage: 'itas export results --year Y --format json|csv|xlsx [--out FILE]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: exportOptions });
    const year = yearOf(values.year);
    const format = formatOf(values.format);
    const services = await ctx.services();
    const y = await services.years.require(year);
    await toOutput(values.out, ctx, (s) =>
      writeTableStream(
        format,
        resultsTable(y.framework),
        services.results.streamResults(SYSTEM_CLI, year),
        s,
        services.clock,
      ),
    );
    return 0;
  },
};

export const exportSummaryCommand: Command = {
  path: ['export', 'summary'],
  summary: 'Export the summary per agency type of a year',
  usage: 'itas export summary --year Y [--format json|csv|xlsx] [--out FILE]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: exportOptions });
    const year = yearOf(values.year);
    const format = formatOf(values.format);
    const services = await ctx.services();
    const y = await services.years.require(year);
    const { types } = await services.results.summaryFigures(SYSTEM_CLI, year);
    await toOutput(values.out, ctx, (s) =>
      writeTableStream(format, summaryTable(y.framework), pagesOf(types), s, services.clock),
    );
    return 0;
  },
};

export const exportRankingsCommand: Command = {
  path: ['export', 'rankings'],
  summary: 'Export the rankings of a year (ties share a rank), by type and province',
  usage:
    'itas export rankings --year Y [--type T] [--province P] [--format json|csv|xlsx] [--out FILE]',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { ...exportOptions, type: { type: 'string' }, province: { type: 'string' } },
    });
    const year = yearOf(values.year);
    const format = formatOf(values.format);
    if (values.type && !isAgencyType(values.type))
      throw new UsageError(`Unknown agency type "${values.type}"`);
    const services = await ctx.services();
    const rows = await services.results.rankingRows(SYSTEM_CLI, year, {
      ...(values.type ? { type: values.type } : {}),
      ...(values.province ? { province: values.province } : {}),
    });
    await toOutput(values.out, ctx, (s) =>
      writeTableStream(format, rankingsTable(), pagesOf(rows), s, services.clock),
    );
    return 0;
  },
};

export const resultsCommands: Command[] = [
  yearCreateCommand,
  yearMoveFrameworkCommand,
  importResponsesCommand,
  importOitCommand,
  importResultsCommand,
  computeCommand,
  exportResultsCommand,
  exportSummaryCommand,
  exportRankingsCommand,
];
