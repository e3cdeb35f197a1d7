// `itas demo`: loads the demo into an empty database.
import { parseArgs } from 'node:util';
import { isDatabaseEmpty, loadDemo, printDemoReport } from '../../demo/load-demo.ts';
import type { Command } from '../command.ts';

export const demoCommand: Command = {
  path: ['demo'],
  summary: 'Load the demo (Lamphun 2563) into an empty database',
  usage: 'itas demo',
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false });
    const services = await ctx.services();
    if (!(await isDatabaseEmpty(services))) {
      ctx.err(
        'The database already holds agencies; the demo loads only into an empty database.\nฐานข้อมูลมีข้อมูลหน่วยงานอยู่แล้ว จึงไม่โหลดข้อมูลตัวอย่าง\n',
      );
      return 1;
    }
    printDemoReport(await loadDemo(services), ctx.config.publicUrl, ctx.out);
    return 0;
  },
};
