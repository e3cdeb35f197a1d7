// The results pages through the real app: figures of the report, summary and rankings, downloads
// of exactly what is shown, and the publication rule (404 before, 200 after).
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPublished } from '../helpers/publish.ts';
import { answerColumns } from '../../src/domain/framework/helpers.ts';
import { createTestApp } from '../helpers/app.ts';
import { loadResultsFixture, prvCounts } from '../helpers/results-fixture.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const text = async (path: string) => {
  const r = await t.app.request(path);
  return { status: r.status, body: await r.text() };
};
const REPORT = '/results/2563/agencies/51-PRV';

beforeAll(async () => {
  t = await createTestApp();
  await loadResultsFixture(t.services, t.db);
}, 60_000);
afterAll(() => t.close());

describe('before the NACC publishes 2563', () => {
  it('a signed-out visitor gets 404 for every result page and download, like an unknown page', async () => {
    for (const path of [
      REPORT,
      `${REPORT}.xlsx`,
      '/results/2563/summary',
      '/results/2563/summary?format=csv',
      '/results/2563/rankings',
      '/results/2563/rankings?format=json',
    ])
      expect((await t.app.request(path)).status, path).toBe(404);
    const home = await text('/');
    expect(home.body).not.toContain('87.96');
    expect(home.body).toContain('ยังไม่มีผลการประเมินที่ประกาศแล้ว');
  });
});

describe('after publication', () => {
  beforeAll(async () => {
    await markPublished(t.db, 2563, 'ประกาศผลการประเมิน ITA ประจำปี 2563');
  });

  it('shows the agency report: overall, level, pass, tools, ranked indicators and the trend', async () => {
    const { status, body } = await text(REPORT);
    expect(status).toBe(200);
    expect(body).toContain('จังหวัดลำพูน');
    expect(body).toMatch(/data-testid="overall">87\.96</);
    expect(body).toMatch(/data-testid="level">A</);
    expect(body).toContain('ผ่าน');
    for (const s of ['88.51', '81.81', '92.17']) expect(body).toContain(`>${s}<`);
    // Indicators highest first: การป้องกันการทุจริต 100.00 ranks 1, การปรับปรุงการทำงาน 79.43 last.
    const table = body.slice(body.indexOf('data-testid="indicators"'));
    expect(table.indexOf('การป้องกันการทุจริต')).toBeLessThan(table.indexOf('การปรับปรุงการทำงาน'));
    expect(table).toContain('100.00');
    // Trend: 2562 (imported) and 2563.
    const trend = body.slice(body.indexOf('data-testid="trend"'));
    expect(trend).toContain('90.35');
    expect(trend).toContain('87.96');
    // Every chart is a figure with a text alternative (its caption), beside a table of its
    // numbers; its words are HTML (readable at any width) and the pass line has a legend.
    const charts = body.match(/<figure class="chart[^"]*"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(3);
    expect(
      body.match(
        /<figure class="chart[^"]*" aria-labelledby="([\w-]+)-title"><figcaption id="\1-title" class="visually-hidden">[^<]+<\/figcaption>/g,
      ),
    ).toHaveLength(3);
    expect(body).toContain(
      'id="tools-chart-title" class="visually-hidden">คะแนนรายแบบวัด: IIT 88.51, EIT 81.81, OIT 92.17',
    );
    expect(body.match(/เส้นประสีแดง: เกณฑ์ผ่าน 85\.00 คะแนน/g)).toHaveLength(3);
    // No inline style anywhere (the CSP would block it): colours come from classes.
    expect(body).not.toMatch(/\sstyle=/);
  });

  it('follows the seed report: opening paragraph, OIT under 9.1–10.2 and their headings, working environment', async () => {
    const { body } = await text(REPORT);
    const plain = body.replace(/<[^>]+>/g, '');
    // The seed: "…มีแบบวัดที่มีคะแนนผ่านเกณฑ์เป้าหมาย (85 คะแนนขึ้นไป) คือ แบบวัด IIT OIT … ต่ำกว่าเกณฑ์เป้าหมาย … คือ แบบวัด EIT"
    expect(plain).toContain('ร้อยละ 80 มีคะแนน 85 คะแนนขึ้นไป');
    expect(plain).toContain('รวม 10 ตัวชี้วัด');
    expect(plain).toContain('ผ่านเกณฑ์เป้าหมาย (85 คะแนนขึ้นไป) คือ IIT OIT');
    expect(plain).toContain('ต่ำกว่าเกณฑ์เป้าหมาย คือ EIT');
    // EIT's indicators in the seed's order: quality, communication, improvement.
    const rec = plain.slice(plain.indexOf('แบบวัด EIT ได้'));
    expect(rec.indexOf('คุณภาพการดำเนินงาน (')).toBeLessThan(rec.indexOf('ประสิทธิภาพการสื่อสาร ('));
    expect(rec.indexOf('ประสิทธิภาพการสื่อสาร (')).toBeLessThan(rec.indexOf('การปรับปรุงการทำงาน ('));
    // OIT items under their sub-indicators, each said once, in order, with O1 under 9.1.
    const groups = [...body.matchAll(/oit-table__group"><th[^>]*>([^<]*)</g)].map((g) => g[1]);
    expect(groups).toEqual([
      '9.1 ข้อมูลพื้นฐาน',
      '9.2 การบริหารงาน',
      '9.3 การบริหารเงินงบประมาณ',
      '9.4 การบริหารและพัฒนาทรัพยากรบุคคล',
      '9.5 การส่งเสริมความโปร่งใส',
      '10.1 การดำเนินการเพื่อป้องกันการทุจริต',
      '10.2 มาตรการภายในเพื่อป้องกันการทุจริต',
    ]);
    const oit = body.slice(body.indexOf('data-testid="oit"'));
    expect(oit.indexOf('9.1 ข้อมูลพื้นฐาน')).toBeLessThan(oit.indexOf('>O1<'));
    expect(oit.indexOf('>O1<')).toBeLessThan(oit.indexOf('9.2 การบริหารงาน'));
    // The working environment: the headcount the agency entered, happiness marked not collected.
    const work = plain.slice(
      plain.indexOf('สภาพแวดล้อมการทำงานของเจ้าหน้าที่ในหน่วยงานภาครัฐ ประจำปี 2563'),
    );
    expect(work).toMatch(/จำนวนบุคลากร\s*(\d[\d,]* คน|หน่วยงานยังไม่ได้กรอกจำนวนบุคลากร)/);
    expect(work).toContain('ความสุขในการทำงาน');
    expect(work).toContain('ระบบนี้ไม่ได้เก็บข้อมูลนี้');
  });

  it('recommends actions for the tool below target (EIT) and its indicators, not for IIT', async () => {
    const { body } = await text(REPORT);
    const rec = body.slice(
      body.indexOf('data-testid="recommendations"'),
      body.indexOf('data-testid="oit"'),
    );
    expect(rec).toContain('แบบวัด EIT ได้ 81.81 คะแนน ต่ำกว่าเกณฑ์เป้าหมาย (85.00 คะแนน)');
    expect(rec).toContain('ประสิทธิภาพการสื่อสาร');
    expect(rec).toContain('ประชาสัมพันธ์เกี่ยวกับระบบและขั้นตอนการให้บริการ');
    expect(rec).not.toContain('แบบวัด IIT ได้');
  });

  it('shows answer shares with numbers per sub-item, OIT comments and who answered', async () => {
    const { body } = await text(REPORT);
    // I1.1: the seed's published shares 3.07 / 0.00 / 33.66 / 63.27 %, score 85.82, with the
    // fixture's counts of people beside them.
    const [c1, , , c4] = prvCounts('IIT', 'I1.1');
    expect(body).toContain(`3.07% (${c1})`);
    expect(body).toContain(`63.27% (${c4})`);
    expect(body).toContain('85.82');
    expect(body).toContain('ไม่ปรากฏอำนาจหน้าที่ของหน่วยงาน (จังหวัด)');
    const who = body.slice(body.indexOf('data-testid="who"'));
    expect(who).toContain('ไม่แสดงการจำแนกผู้ตอบ'); // IIT: no demographics stored
    expect(who).toMatch(/20 – 30 ปี<\/th><td class="num">5<\/td><td class="num">0<\/td>/);
    expect(who).toContain('บุคคลทั่วไป');
  });

  it('downloads the report as XLSX with the same numbers', async () => {
    const r = await t.app.request(`${REPORT}.xlsx`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const values = wb.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v) => typeof v === 'number');
    expect(values).toEqual(expect.arrayContaining([87.96, 88.51, 81.81, 92.17]));
    // The answer-share columns say what they are, and each row names its options (issue 16).
    const questions = wb.worksheets[1]!;
    const header = (questions.getRow(1).values as unknown[]).filter(Boolean);
    expect(header).toEqual(
      expect.arrayContaining(['ตัวเลือกคำตอบ', 'ร้อยละผู้ตอบตัวเลือกที่ 1', 'ร้อยละผู้ตอบตัวเลือกที่ 4']),
    );
    expect(header.join('|')).not.toMatch(/(^|\|)\d %/);
    const cells = questions.getSheetValues().flat().map(String);
    expect(cells).toContain('1 น้อยที่สุดหรือไม่มีเลย · 2 น้อย · 3 มาก · 4 มากที่สุด');
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(
      await (
        await t.app.request(`${REPORT}.xlsx`, { headers: { cookie: 'lang=en' } })
      ).arrayBuffer(),
    );
    expect((en.worksheets[1]!.getRow(1).values as unknown[]).filter(Boolean)).toEqual(
      expect.arrayContaining(['Answer options', 'Share answering option 1 (%)']),
    );
  });

  it('an agency with fewer than ten IIT respondents shows no per-item shares, on the page or in the XLSX', async () => {
    // 51-PAO: 3 IIT respondents (each sub-item answered by the same 3) and 30 EIT respondents.
    const fw = (await import('../../src/domain/framework/index.ts')).getFramework('ita-2563')!;
    await sql`update score_cards set respondents = '{"IIT": 3, "EIT": 30}'::jsonb
      where fiscal_year = 2563 and agency_code = '51-PAO'`.execute(t.db);
    await t.db
      .deleteFrom('answer_counts')
      .where('fiscal_year', '=', 2563)
      .where('agency_code', '=', '51-PAO')
      .execute();
    for (const [tool, c] of [
      ['IIT', [1, 0, 2, 0]],
      ['EIT', [3, 7, 11, 9]],
    ] as const)
      await t.db
        .insertInto('answer_counts')
        .values(
          answerColumns(fw, tool).map((_, i) => ({
            fiscal_year: 2563,
            agency_code: '51-PAO',
            tool,
            item: i + 1,
            c1: c[0],
            c2: c[1],
            c3: c[2],
            c4: c[3],
          })),
        )
        .execute();
    const { status, body } = await text('/results/2563/agencies/51-PAO');
    expect(status).toBe(200);
    expect(body).toContain('data-testid="detail-hidden-IIT"');
    expect(body).toContain('ไม่แสดงผลรายข้อ เพราะมีผู้ตอบน้อยกว่า 10 คน');
    expect(body).not.toContain('data-testid="detail-hidden-EIT"');
    // No IIT question block at all; the EIT one (30 people) shows its shares: 3 of 30 = 10.00 %.
    expect(body).not.toContain('id="q-I1"');
    expect(body).not.toMatch(/33\.33%|66\.67%/); // 1 or 2 of the 3 IIT respondents
    expect(body).toContain('id="q-E1"');
    expect(body).toContain('10.00% (3)');
    // The tool scores, the assessment's result, stay.
    expect(body).toContain('data-testid="tools"');

    const r = await t.app.request('/results/2563/agencies/51-PAO.xlsx');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const questions = wb.worksheets[1]!;
    const first = questions.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(first.some((v) => String(v).startsWith('I'))).toBe(false);
    expect(first).toContain('E1.1');
    const numbers = questions
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'number');
    expect(numbers).not.toContain(33.33);
    expect(numbers).not.toContain(66.67);
  });

  it('summarises agencies per type: counts, mean, levels and pass share against 80 %', async () => {
    const { status, body } = await text('/results/2563/summary');
    expect(status).toBe(200);
    const national = body.slice(
      body.indexOf('data-testid="national"'),
      body.indexOf('data-testid="type-'),
    );
    expect(national).toMatch(/data-testid="agencies">59</);
    expect(national).toContain('(เป้าหมายระดับประเทศร้อยละ 80.00)');
    const province = body.slice(body.indexOf('data-testid="type-province"'));
    expect(province).toMatch(/data-testid="mean">87\.96</);
    const csv = await text('/results/2563/summary?format=csv');
    // The download's first row is every agency (type `all`), then one row per type.
    expect(csv.body).toContain('\nall,59,59,');
  });

  it('ranks agencies within the province with last year side by side, and downloads exactly that', async () => {
    const q = `/results/2563/rankings?scope=province&province=${encodeURIComponent('ลำพูน')}`;
    const { status, body } = await text(q);
    expect(status).toBe(200);
    expect(body).toContain('พบ 59 รายการ');
    const json = JSON.parse((await text(`${q}&format=json`)).body) as {
      rank: number;
      agency_code: string;
      overall_rounded: string;
      last_year_rounded: string | null;
    }[];
    expect(json).toHaveLength(59);
    expect(json[0]!.rank).toBe(1);
    const prv = json.find((r) => r.agency_code === '51-PRV')!;
    expect(prv.overall_rounded).toBe('87.96');
    expect(prv.last_year_rounded).toBe('90.35');
    // Ties share a rank and the next skips (1, 2, 2, 4).
    for (let i = 1; i < json.length; i++)
      if (json[i]!.overall_rounded === json[i - 1]!.overall_rounded)
        expect(json[i]!.rank).toBe(json[i - 1]!.rank);
      else expect(json[i]!.rank).toBe(i + 1);
    const searched = JSON.parse(
      (await text(`${q}&q=${encodeURIComponent('จังหวัด')}&format=json`)).body,
    ) as unknown[];
    expect(searched.length).toBeLessThan(59);
  });

  it('ranks provinces by combined score and shows the latest year on the home page', async () => {
    const { body } = await text('/results/2563/rankings?scope=provinces');
    expect(body).toContain('ลำพูน');
    const home = await text('/');
    expect(home.body).toContain('ผลการประเมินล่าสุด ปีงบประมาณ 2563');
    expect(home.body).toContain('ประกาศผลการประเมิน ITA ประจำปี 2563');
    expect(home.body).toContain('id="home-q"');
    // One province's results never read as the country's: the mean and the province ranks say
    // what they are taken over (issue 13.5), on the home page, the summary and the rankings.
    const coverage =
      'คะแนนเฉลี่ยและอันดับคำนวณจากหน่วยงานที่มีผลการประเมินในระบบนี้ 59 หน่วยงาน ใน 1 จังหวัด (ลำพูน)';
    expect(home.body).toContain(coverage);
    expect(home.body).not.toContain('ทั้งประเทศ');
    expect(body).toContain(coverage);
    const summary = await text('/results/2563/summary');
    expect(summary.body).toContain(coverage);
    expect(summary.body).not.toContain('ทั้งประเทศ');
    const en = await t.app.request('/results/2563/summary', { headers: { cookie: 'lang=en' } });
    expect(await en.text()).toContain(
      'Means and ranks cover the agencies with results in this system: 59 agencies in 1 province (ลำพูน)',
    );
    // English type names: plural for a group's heading, singular in one agency's row (issue 16).
    const enSummary = await (
      await t.app.request('/results/2563/summary', { headers: { cookie: 'lang=en' } })
    ).text();
    expect(enSummary).toContain('Subdistrict administrative organisations');
    const enRanks = await (
      await t.app.request('/results/2563/rankings', { headers: { cookie: 'lang=en' } })
    ).text();
    expect(enRanks).toMatch(
      /class="muted ranking__type"> Subdistrict administrative organisation</,
    );
    expect(enRanks).not.toMatch(/class="muted ranking__type"> [^<]*organisations</);
    const open = await text('/open-data');
    expect(open.body).toContain('CC BY 4.0');
    expect(open.body).toContain('/results/2563/rankings?format=csv');
    const api = (await (await t.app.request('/api/openapi.json')).json()) as { paths: object };
    expect(Object.keys(api.paths)).toEqual(
      expect.arrayContaining(['/results/{year}/rankings', '/results/{year}/summary']),
    );
  });
});
