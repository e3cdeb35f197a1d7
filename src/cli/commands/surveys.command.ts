// `itas calendar set …`, `itas calendar show` and `itas links` (survey links for mail-merge).
import { parseArgs } from 'node:util';
import { csvText } from '../../exports/csv.ts';
import { SYSTEM_CLI } from '../../domain/actor.ts';
import { surveyPath } from '../../services/survey-link.service.ts';
import { problemTexts } from '../../i18n/problem-text.ts';
import { UsageError, type Command } from '../command.ts';

function yearArg(raw: string | undefined): number {
  const y = Number(raw);
  if (!raw || !Number.isInteger(y) || y < 2500 || y > 2700)
    throw new UsageError('--year must be a fiscal year in the Buddhist Era, e.g. --year 2569');
  return y;
}

export const calendarSetCommand: Command = {
  path: ['calendar', 'set'],
  summary: 'Set a phase window (dates inclusive, Thailand time), for every agency or one',
  usage:
    'itas calendar set --year Y --phase oit-entry|oit-review|clarification|confirmation|iit|eit|publication --from YYYY-MM-DD --to YYYY-MM-DD [--agency CODE] [--reason TEXT]',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        phase: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        agency: { type: 'string' },
        reason: { type: 'string' },
      },
      allowPositionals: false,
    });
    const year = yearArg(values.year);
    if (!values.phase || !values.from || !values.to)
      throw new UsageError(`--phase, --from and --to are required: ${this.usage}`);
    const services = await ctx.services();
    const r = await services.calendar.setPhase(SYSTEM_CLI, {
      fiscalYear: year,
      phase: values.phase,
      opensOn: values.from,
      closesOn: values.to,
      agencyCode: values.agency ?? null,
      reason: values.reason ?? null,
    });
    if (!r.ok) {
      for (const p of r.error) {
        const { th, en } = problemTexts(p);
        ctx.err(`--${p.field}: ${en}\n  ${th}\n`);
      }
      return 2;
    }
    ctx.out(
      `${year} ${r.value.phase}${r.value.agencyCode ? ` (${r.value.agencyCode})` : ''}: ${r.value.opensOn} – ${r.value.closesOn}\n`,
    );
    return 0;
  },
};

export const calendarShowCommand: Command = {
  path: ['calendar', 'show'],
  summary: "Show a year's calendar",
  usage: 'itas calendar show --year Y',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { year: { type: 'string' } } });
    const year = yearArg(values.year);
    const services = await ctx.services();
    for (const w of await services.calendar.get(year))
      ctx.out(
        `${w.phase.padEnd(14)} ${(w.agencyCode ?? '*').padEnd(14)} ${w.opensOn} ${w.closesOn} ${w.reason ?? ''}\n`,
      );
    return 0;
  },
};

export const linksCommand: Command = {
  path: ['links'],
  summary:
    "Every agency's IIT and EIT survey links for a year (created when missing), for mail-merge",
  usage: 'itas links --year Y [--format csv|table] [--province P]',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        province: { type: 'string' },
      },
      allowPositionals: false,
    });
    const year = yearArg(values.year);
    if (!['csv', 'table'].includes(values.format))
      throw new UsageError('--format must be csv or table');
    const services = await ctx.services();
    // A year that does not exist is refused (exit 1), not given links of its own.
    await services.years.require(year);
    await services.surveyLinks.ensureAll(SYSTEM_CLI, year, values.province);
    let links = await services.surveyLinks.list(SYSTEM_CLI, year);
    if (values.province) links = links.filter((l) => l.province === values.province);
    const base = ctx.config.publicUrl;
    const rows = links.map((l) => [
      l.agencyCode,
      l.nameTh,
      l.province ?? '',
      l.code,
      base + surveyPath('IIT', l.code),
      base + surveyPath('EIT', l.code),
    ]);
    if (values.format === 'csv')
      ctx.out(
        csvText([['agency_code', 'name_th', 'province', 'code', 'iit_url', 'eit_url'], ...rows]),
      );
    else for (const r of rows) ctx.out(`${r[0]!.padEnd(14)} ${r[4]}  ${r[5]}  ${r[1]}\n`);
    return 0;
  },
};

export const surveyCommands: Command[] = [calendarSetCommand, calendarShowCommand, linksCommand];
