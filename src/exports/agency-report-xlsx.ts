// The agency report as an Excel workbook: the same figures as the page, one sheet per section.
import type { Clock } from '../clock.ts';
import { agencyName, type Agency } from '../domain/agency.ts';
import type { Text } from '../domain/framework/schema.ts';
import type { AgencyReport } from '../domain/reports/agency-report.ts';
import type { Messages } from '../i18n/th.ts';
import type { Lang } from '../i18n/types.ts';
import { tablesToXlsx, type ExportTable } from './table-export.ts';

/** Full precision in; the workbook writer shows the published figure (two decimals). */
const score = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? n : null;

export async function agencyReportXlsx(
  agency: Agency,
  report: AgencyReport,
  t: Messages,
  lang: Lang,
  clock: Clock,
): Promise<Buffer> {
  const tx = (text: Text) => (lang === 'en' ? (text.en ?? text.th) : text.th);
  const m = t.results.report;
  const summary: ExportTable = {
    name: lang === 'en' ? 'Summary' : 'สรุป',
    columns: [
      { key: 'item', header: m.indicator },
      { key: 'value', header: t.results.score, decimals: true },
    ],
    rows: [
      { item: agencyName(agency, lang), value: agency.code },
      { item: m.year, value: String(report.fiscalYear) },
      { item: m.overall, value: score(report.overall) },
      { item: t.results.level, value: report.level },
      {
        item: t.results.passed,
        value:
          report.passed === null ? null : report.passed ? t.results.passed : t.results.notPassed,
      },
      ...report.tools.map((tool) => ({
        item: `${tool.tool} ${tx(tool.name)}`,
        value: score(tool.score),
      })),
      // The same mark as the page: a tool below its minimum sample says so in words.
      ...report.sample
        .filter((s) => s.below)
        .map((s) => ({
          item: m.belowMinimumTool(s.tool, String(s.respondents), String(s.minimum ?? '')),
          value: null,
        })),
      ...report.indicators.map((i) => ({
        item: `${i.rank}. ${tx(i.name)}`,
        value: score(i.score),
      })),
    ],
  };
  const questions: ExportTable = {
    name: lang === 'en' ? 'Questions' : 'รายข้อ',
    columns: [
      { key: 'column', header: m.question },
      { key: 'text', header: m.subItem },
      // Options differ by scale (four levels, or yes and no): each row names its own, and the
      // share columns say which option by number (issue 16: not a bare "1 %").
      { key: 'options', header: m.answerOptions },
      ...[1, 2, 3, 4].map((n) => ({
        key: `o${n}`,
        header: m.optionShare(String(n)),
        decimals: true,
      })),
      { key: 'answered', header: m.respondents },
      { key: 'score', header: t.results.score, decimals: true },
    ],
    // A tool answered by too few people has no per-question sheet rows at all (small numbers).
    rows: report.questions
      .filter((q) => !report.detailHidden[q.tool])
      .flatMap((q) => [
        { column: q.code, text: tx(q.text), score: score(q.score) },
        ...q.items.map((it) => ({
          column: it.column,
          text: tx(it.text),
          options: it.labels.map((l, i) => `${i + 1} ${tx(l)}`).join(' · '),
          o1: score(it.shares[0]),
          o2: score(it.shares[1]),
          o3: score(it.shares[2]),
          o4: score(it.shares[3]),
          answered: it.answered,
          score: score(it.score),
        })),
      ]),
  };
  const oit: ExportTable = {
    name: 'OIT',
    columns: [
      { key: 'code', header: m.oitItem },
      { key: 'title', header: m.oitTopic },
      { key: 'comment', header: m.oitComment },
      { key: 'notApplicable', header: m.oitNotApplicable },
      { key: 'score', header: t.results.score },
    ],
    rows: report.oit.map((o) => ({
      code: o.code,
      title: tx(o.title),
      comment: o.comment,
      notApplicable: o.notApplicable ?? '',
      score: o.score,
    })),
  };
  const trend: ExportTable = {
    name: lang === 'en' ? 'Trend' : 'แนวโน้ม',
    columns: [
      { key: 'year', header: m.year },
      { key: 'overall', header: m.overall, decimals: true },
    ],
    rows: report.trend.map((p) => ({ year: p.fiscalYear, overall: score(p.overall) })),
  };
  return tablesToXlsx([summary, questions, oit, trend], clock);
}
