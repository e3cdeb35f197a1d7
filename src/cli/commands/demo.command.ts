// `itas demo`: loads the demo into an empty database.
import { parseArgs } from 'node:util';
import { loadDemo, printDemoReport, printUnfinishedDemo } from '../../demo/load-demo.ts';
import type { Command } from '../command.ts';

export const demoCommand: Command = {
  path: ['demo'],
  summary: 'Load the demo (Lamphun 2563) into an empty database',
  usage: 'itas demo',
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false });
    const services = await ctx.services();
    // Marked while it loads, as at a server's start: stopped half way, the next start says so.
    const demo = await services.demoLoading.loadIfEmpty(() => loadDemo(services));
    if (demo.kind === 'unfinished') {
      printUnfinishedDemo(demo.since, ctx.config.database, ctx.err);
      return 1;
    }
    if (demo.kind !== 'loaded') {
      ctx.err(
        'ฐานข้อมูลมีข้อมูลหน่วยงานอยู่แล้ว จึงไม่โหลดข้อมูลตัวอย่าง\nThe database already holds agencies; the demo loads only into an empty database.\n',
      );
      return 1;
    }
    printDemoReport(demo.value, ctx.config.publicUrl, ctx.out);
    return 0;
  },
};
