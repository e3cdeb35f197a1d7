// The agency report as an Excel workbook: the same figures as the page, one sheet per section.
import type { Agency } from '../domain/agency.ts';
import type { Text } from '../domain/framework/schema.ts';
import type { AgencyReport } from '../domain/reports/agency-report.ts';
import type { Messages } from '../i18n/th.ts';
import type { Lang } from '../i18n/types.ts';
import { round2 } from './results-tables.ts';
import { tablesToXlsx, type ExportTable } from './table-export.ts';

export async function agencyReportXlsx(
  agency: Agency,
  report: AgencyReport,
  t: Messages,
  lang: Lang,
): Promise<Buffer> {
  const tx = (text: Text) => (lang === 'en' ? (text.en ?? text.th) : text.th);
  const m = t.results.report;
  const summary: ExportTable = {
    name: lang === 'en' ? 'Summary' : 'สรุป',
    columns: [
      { key: 'item', header: m.indicator },
      { key: 'value', header: t.results.score },
    ],
    rows: [
      { item: lang === 'en' && agency.nameEn ? agency.nameEn : agency.nameTh, value: agency.code },
      { item: m.year, value: report.fiscalYear },
      { item: m.overall, value: round2(report.overall) },
      { item: t.results.level, value: report.level },
      {
        item: t.results.passed,
        value:
          report.passed === null ? null : report.passed ? t.results.passed : t.results.notPassed,
      },
      ...report.tools.map((tool) => ({
        item: `${tool.tool} ${tx(tool.name)}`,
        value: round2(tool.score),
      })),
      ...report.indicators.map((i) => ({
        item: `${i.rank}. ${tx(i.name)}`,
        value: round2(i.score),
      })),
    ],
  };
  const questions: ExportTable = {
    name: lang === 'en' ? 'Questions' : 'รายข้อ',
    columns: [
      { key: 'column', header: m.question },
      { key: 'text', header: m.subItem },
      { key: 'o1', header: '1 %' },
      { key: 'o2', header: '2 %' },
      { key: 'o3', header: '3 %' },
      { key: 'o4', header: '4 %' },
      { key: 'answered', header: m.respondents },
      { key: 'score', header: t.results.score },
    ],
    rows: report.questions.flatMap((q) => [
      { column: q.code, text: tx(q.text), score: round2(q.score) },
      ...q.items.map((it) => ({
        column: it.column,
        text: tx(it.text),
        o1: round2(it.shares[0]),
        o2: round2(it.shares[1]),
        o3: round2(it.shares[2]),
        o4: round2(it.shares[3]),
        answered: it.answered,
        score: round2(it.score),
      })),
    ]),
  };
  const oit: ExportTable = {
    name: 'OIT',
    columns: [
      { key: 'code', header: m.oitItem },
      { key: 'title', header: m.oitTopic },
      { key: 'comment', header: m.oitComment },
      { key: 'score', header: t.results.score },
    ],
    rows: report.oit.map((o) => ({
      code: o.code,
      title: tx(o.title),
      comment: o.comment,
      score: o.score,
    })),
  };
  const trend: ExportTable = {
    name: lang === 'en' ? 'Trend' : 'แนวโน้ม',
    columns: [
      { key: 'year', header: m.year },
      { key: 'overall', header: m.overall },
    ],
    rows: report.trend.map((p) => ({ year: p.fiscalYear, overall: round2(p.overall) })),
  };
  return tablesToXlsx([summary, questions, oit, trend]);
}
