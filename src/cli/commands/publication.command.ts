// `itas publish` / `itas unpublish`: the same publication service as the NACC's page, so the same
// readiness checklist (every reason printed, exit 1) and the same audit trail; and
// `itas publication exception` to record or remove an agency published without a confirmed OIT.
import { parseArgs } from 'node:util';
import { SYSTEM_CLI } from '../../domain/actor.ts';
import { readinessText } from '../../i18n/publication-text.ts';
import { NotReadyError } from '../../services/publication.service.ts';
import { UsageError, type Command } from '../command.ts';

function yearOf(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value))
    throw new UsageError('Give the fiscal year in Buddhist Era: --year 2563');
  return Number(value);
}

export const publishCommand: Command = {
  path: ['publish'],
  summary:
    'Publish a year once it is ready (surveys closed, OIT confirmed, cards current, publication phase begun); --check only prints the checklist',
  usage: 'itas publish --year Y --announcement TEXT [--announcement-en TEXT] | --year Y --check',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        announcement: { type: 'string' },
        'announcement-en': { type: 'string' },
        check: { type: 'boolean' },
      },
    });
    const year = yearOf(values.year);
    if (!values.check && !values.announcement?.trim())
      throw new UsageError('Give the announcement (Thai): --announcement "ประกาศผล ..."');
    const services = await ctx.services();
    if (values.check) {
      const r = await services.publication.readiness(SYSTEM_CLI, year);
      ctx.out(`${readinessText(r, 'th')}\n\n${readinessText(r, 'en')}\n`);
      return r.ready ? 0 : 1;
    }
    let r;
    try {
      // Typing the command with the announcement is the confirmation the page asks for.
      r = await services.publication.publish(SYSTEM_CLI, year, {
        announcementTh: values.announcement ?? '',
        announcementEn: values['announcement-en'] ?? '',
        confirmed: true,
      });
    } catch (e) {
      if (!(e instanceof NotReadyError)) throw e;
      // Every reason, in Thai then English, and nothing published.
      ctx.err(`${e.th}\n\n${e.en}\n`);
      return 1;
    }
    ctx.out(`${readinessText(r, 'th')}\nประกาศผลปี ${year} แล้ว\nPublished fiscal year ${year}.\n`);
    return 0;
  },
};

export const unpublishCommand: Command = {
  path: ['unpublish'],
  summary: 'Withdraw the publication of a year (its results are hidden from the public again)',
  usage: 'itas unpublish --year Y',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { year: { type: 'string' } } });
    const year = yearOf(values.year);
    const services = await ctx.services();
    await services.publication.unpublish(SYSTEM_CLI, year);
    ctx.out(`ยกเลิกการประกาศผลปี ${year} แล้ว\nWithdrew the publication of fiscal year ${year}.\n`);
    return 0;
  },
};

export const publicationExceptionCommand: Command = {
  path: ['publication', 'exception'],
  summary:
    'Record (with a reason) or --remove an agency that may be published without a confirmed OIT',
  usage: 'itas publication exception --year Y --agency CODE (--reason TEXT | --remove)',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        agency: { type: 'string' },
        reason: { type: 'string' },
        remove: { type: 'boolean' },
      },
    });
    const year = yearOf(values.year);
    const agency = values.agency?.trim();
    if (!agency) throw new UsageError('Give the agency: --agency 51-PRV');
    if (!values.remove && !values.reason?.trim())
      throw new UsageError('Give the reason: --reason "..." (or --remove)');
    const services = await ctx.services();
    if (values.remove) {
      await services.publication.removeException(SYSTEM_CLI, year, agency);
      ctx.out(`ยกเลิกข้อยกเว้นของ ${agency} แล้ว\nRemoved the exception for ${agency}.\n`);
    } else {
      await services.publication.addException(SYSTEM_CLI, year, agency, values.reason ?? '');
      ctx.out(`บันทึกข้อยกเว้นของ ${agency} แล้ว\nRecorded the exception for ${agency}.\n`);
    }
    return 0;
  },
};

export const publicationCommands: Command[] = [
  publishCommand,
  unpublishCommand,
  publicationExceptionCommand,
];
