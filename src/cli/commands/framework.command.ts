// `itas framework …`: check a framework file, print the JSON Schema of the format, and (with the
// database) import, list, export and compare frameworks (docs/frameworks.md).
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { frameworkJsonSchemaText } from '../../domain/framework/json-schema.ts';
import { parseFrameworkText, type FrameworkProblem } from '../../domain/framework/validate.ts';
import { UsageError, type CliContext, type Command } from '../command.ts';

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
  const at = (p: FrameworkProblem) => (p.path ? `${p.path}: ` : '');
  ctx.err(`พบปัญหา ${problems.length} รายการในไฟล์กรอบการประเมิน:\n`);
  for (const p of problems) ctx.err(`  ${at(p)}${p.th}\n`);
  ctx.err(`\n${problems.length} problem(s) in the framework file:\n`);
  for (const p of problems) ctx.err(`  ${at(p)}${p.en}\n`);
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

export const frameworkCommands: Command[] = [frameworkValidateCommand, frameworkSchemaCommand];
