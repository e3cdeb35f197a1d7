// `itas import agencies FILE` and `itas agencies list`.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { csvText } from '../../exports/csv.ts';
import { AGENCY_COLUMNS, agencyRecord } from '../../domain/agency-import.ts';
import { isAgencyType } from '../../domain/agency.ts';
import { SYSTEM_CLI } from '../../domain/actor.ts';
import {
  ENCODING_OPTION,
  ENCODING_USAGE,
  UsageError,
  readOptions,
  type Command,
} from '../command.ts';

export const importAgenciesCommand: Command = {
  path: ['import', 'agencies'],
  summary: 'Import agencies (.csv or .xlsx; all or nothing; re-importing a code updates it)',
  usage: `itas import agencies ${ENCODING_USAGE} FILE`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: ENCODING_OPTION,
      allowPositionals: true,
    });
    const options = readOptions(values.encoding);
    const file = positionals[0];
    if (!file || positionals.length > 1)
      throw new UsageError(`Give exactly one file: ${this.usage}`);
    await access(file).catch(() => {
      throw new UsageError(`Cannot read ${file}`);
    });
    const services = await ctx.services();
    const r = await services.agencies.importAgencies(
      SYSTEM_CLI,
      basename(file),
      createReadStream(file),
      options,
    );
    ctx.out(
      `Imported ${r.inserted + r.updated} agencies (${r.inserted} new, ${r.updated} updated).\nนำเข้า ${r.inserted + r.updated} หน่วยงาน (ใหม่ ${r.inserted} ปรับปรุง ${r.updated})\n`,
    );
    return 0;
  },
};

export const listAgenciesCommand: Command = {
  path: ['agencies', 'list'],
  summary: 'List agencies, optionally by province and type',
  usage: 'itas agencies list [--province P] [--type T] [--format table|csv|json]',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        province: { type: 'string' },
        type: { type: 'string' },
        format: { type: 'string', default: 'table' },
      },
      allowPositionals: false,
    });
    if (values.type && !isAgencyType(values.type))
      throw new UsageError(`Unknown agency type "${values.type}"`);
    if (!['table', 'csv', 'json'].includes(values.format))
      throw new UsageError('--format must be table, csv or json');
    const services = await ctx.services();
    const list = await services.agencies.listAll({
      ...(values.province ? { province: values.province } : {}),
      ...(values.type ? { type: values.type } : {}),
    });
    if (values.format === 'json') {
      ctx.out(`${JSON.stringify(list.map(agencyRecord), null, 2)}\n`);
    } else if (values.format === 'csv') {
      const rows = list.map((a) => {
        const r = agencyRecord(a);
        return AGENCY_COLUMNS.map((k) => r[k] ?? '');
      });
      ctx.out(csvText([[...AGENCY_COLUMNS], ...rows]));
    } else {
      for (const a of list)
        ctx.out(
          `${a.code.padEnd(14)} ${a.type.padEnd(26)} ${(a.province ?? '').padEnd(14)} ${a.nameTh}\n`,
        );
      ctx.out(`${list.length} agencies\n`);
    }
    return 0;
  },
};
