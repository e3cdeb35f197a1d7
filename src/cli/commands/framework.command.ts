// `itas framework …`: check a framework file, print the JSON Schema of the format, and (with the
// database) import, list, export and compare frameworks (docs/frameworks.md).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SYSTEM_CLI } from '../../domain/actor.ts';
import { formatChange } from '../../domain/framework/diff.ts';
import { frameworkJsonSchemaText } from '../../domain/framework/json-schema.ts';
import { parseFrameworkText, type FrameworkProblem } from '../../domain/framework/validate.ts';
import { UsageError, type CliContext, type Command } from '../command.ts';
import { problemText } from '../../i18n/problem-text.ts';

/** The text of the one FILE argument. */
export async function readOneFile(args: string[], usage: string): Promise<string> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`Give exactly one file: ${usage}`);
  return readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Cannot read ${file}`);
  });
}

/** Every problem, one per line with its path, in Thai then in English. */
export function printProblems(ctx: CliContext, problems: readonly FrameworkProblem[]): void {
  const at = (p: FrameworkProblem) => (p.field ? `${p.field}: ` : '');
  ctx.err(`พบปัญหา ${problems.length} รายการในไฟล์กรอบการประเมิน:\n`);
  for (const p of problems) ctx.err(`  ${at(p)}${problemText(p, 'th')}\n`);
  ctx.err(`\n${problems.length} problem(s) in the framework file:\n`);
  for (const p of problems) ctx.err(`  ${at(p)}${problemText(p, 'en')}\n`);
}

/** Writes to --out when given, else prints. */
export async function writeOut(ctx: CliContext, text: string, out: string | undefined) {
  if (out) await writeFile(out, text, 'utf8');
  else ctx.out(text);
}

export const frameworkValidateCommand: Command = {
  path: ['framework', 'validate'],
  summary: 'Check a framework file: every problem with its path, Thai and English (exit 1 if any)',
  usage: 'itas framework validate FILE',
  async run(args, ctx) {
    const parsed = parseFrameworkText(await readOneFile(args, this.usage));
    if (!parsed.ok) {
      printProblems(ctx, parsed.error);
      return 1;
    }
    const f = parsed.value.framework;
    ctx.out(
      `${f.id} (version ${f.version}, fiscal year ${f.fiscalYear}) is valid.\nไฟล์กรอบการประเมิน ${f.id} ถูกต้อง\n`,
    );
    return 0;
  },
};

export const frameworkSchemaCommand: Command = {
  path: ['framework', 'schema'],
  summary: 'Print the JSON Schema of framework files (as in docs/framework.schema.json)',
  usage: 'itas framework schema [--out FILE]',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    await writeOut(ctx, frameworkJsonSchemaText(), values.out);
    return 0;
  },
};

export const frameworkImportCommand: Command = {
  path: ['framework', 'import'],
  summary:
    'Import a framework file into the database (refused with every problem; frozen once used)',
  usage: 'itas framework import FILE',
  async run(args, ctx) {
    const text = await readOneFile(args, this.usage);
    const result = await (await ctx.services()).frameworks.import(SYSTEM_CLI, text);
    if (!result.ok) {
      printProblems(ctx, result.error);
      return 1;
    }
    const { id, version, outcome } = result.value;
    const th = {
      created: 'นำเข้าแล้ว',
      replaced: 'แทนที่รุ่นเดิมแล้ว',
      texts: 'ปรับเฉพาะข้อความแล้ว',
      unchanged: 'ไม่มีการเปลี่ยนแปลง',
    };
    ctx.out(`${id} version ${version}: ${outcome}.\n${id} รุ่น ${version}: ${th[outcome]}\n`);
    return 0;
  },
};

export const frameworkListCommand: Command = {
  path: ['framework', 'list'],
  summary: 'List the shipped and imported frameworks and the years created on each',
  usage: 'itas framework list',
  async run(_args, ctx) {
    const list = await (await ctx.services()).frameworks.list();
    ctx.out('id\tversion\tfiscal year\tsource\tyears\tchecksum\tname\n');
    for (const f of list) {
      const years = f.years.map((y) => `${y.fiscalYear}${y.started ? ' (frozen)' : ''}`).join(', ');
      const source = f.builtIn ? 'shipped' : 'imported';
      ctx.out(
        `${f.id}\t${f.version}\t${f.fiscalYear}\t${source}\t${years || '-'}\t${f.checksum.slice(0, 12)}\t${f.name.th}\n`,
      );
    }
    return 0;
  },
};

export const frameworkExportCommand: Command = {
  path: ['framework', 'export'],
  summary: 'Print a framework file exactly as stored (importing it again changes nothing)',
  usage: 'itas framework export ID [--out FILE]',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' } },
    });
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new UsageError(`Give one framework id: ${this.usage}`);
    await writeOut(ctx, await (await ctx.services()).frameworks.export(id), values.out);
    return 0;
  },
};

export const frameworkDiffCommand: Command = {
  path: ['framework', 'diff'],
  summary: 'Compare two frameworks: questions, items, weights and rules added, removed or changed',
  usage: 'itas framework diff ID_A ID_B',
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [a, b] = positionals;
    if (!a || !b || positionals.length > 2) throw new UsageError(`Give two ids: ${this.usage}`);
    const changes = await (await ctx.services()).frameworks.diff(a, b);
    for (const change of changes) ctx.out(`${formatChange(change)}\n`);
    ctx.out(
      `${changes.length} difference(s) from ${a} to ${b}.\nพบความแตกต่าง ${changes.length} รายการ\n`,
    );
    return 0;
  },
};

export const frameworkCommands: Command[] = [
  frameworkValidateCommand,
  frameworkSchemaCommand,
  frameworkImportCommand,
  frameworkListCommand,
  frameworkExportCommand,
  frameworkDiffCommand,
];
