// The framework as data: the 2563 and 2566 definitions, the registry, lookups and refusals.
import { describe, expect, it } from 'vitest';
import {
  answerColumns,
  frameworkForYear,
  getFramework,
  indicatorsOf,
  levelByCode,
  listFrameworks,
  minimumSample,
  oitItemCodes,
  subItemOf,
  validateFramework,
  type Framework,
} from '../../../src/domain/framework/index.ts';
import ita2563 from '../../../frameworks/ita-2563.json' with { type: 'json' };
import { lamphunReport } from './seed-fixtures.ts';
import { wordedAt } from '../../helpers/import-issues.ts';

const f = getFramework('ita-2563')!;

describe('the 2563 definition', () => {
  it('has 30 IIT and 15 EIT questions with the seed report’s texts and scales', () => {
    expect(f.questions.filter((q) => q.tool === 'IIT')).toHaveLength(30);
    expect(f.questions.filter((q) => q.tool === 'EIT')).toHaveLength(15);
    for (const published of lamphunReport.questions) {
      const q = f.questions.find((x) => x.code === published.code)!;
      expect(q.text.th).toBe(published.text);
      expect(q.items.map((i) => [i.text.th, i.scale])).toEqual(
        published.items.map((i) => [i.text, i.scale]),
      );
    }
  });

  it('has 43 OIT items with titles, criteria and a heading each, and 10 indicators', () => {
    expect(oitItemCodes(f)).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    expect(f.oitItems.map((o) => o.title.th)).toEqual(lamphunReport.oit.map((o) => o.text));
    expect(f.oitItems.every((o) => o.criteria.th.length > 10)).toBe(true);
    expect(f.oitHeadings.flatMap((h) => h.items).sort()).toEqual([...oitItemCodes(f)].sort());
    expect(f.oitHeadings.slice(0, 3).map((h) => [h.name.th, h.items.join(' ')])).toEqual([
      ['ข้อมูลพื้นฐาน', 'O1 O2 O3 O4 O5 O6'],
      ['ข่าวประชาสัมพันธ์', 'O7'],
      ['การปฏิสัมพันธ์ข้อมูล', 'O8 O9'],
    ]);
    expect(f.indicators.map((i) => i.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(indicatorsOf(f, 'OIT').flatMap((i) => i.subIndicators!.map((s) => s.code))).toEqual([
      '9.1',
      '9.2',
      '9.3',
      '9.4',
      '9.5',
      '10.1',
      '10.2',
    ]);
    expect(f.toolWeights).toEqual({ IIT: 0.3, EIT: 0.3, OIT: 0.4 });
    expect(f.answerWeights).toEqual([0, 33, 67, 100]);
    expect(f.levels.map((l) => `${l.code}≥${l.minOverall}`).join(' ')).toBe(
      'AA≥95 A≥85 B≥75 C≥65 D≥55 E≥50 F≥0',
    );
  });

  it('lists answer columns in form order and maps them back to sub-items', () => {
    const iit = answerColumns(f, 'IIT');
    expect(iit.slice(0, 5)).toEqual(['I1.1', 'I1.2', 'I2.1', 'I3.1', 'I3.2']);
    expect(iit).toHaveLength(51);
    expect(answerColumns(f, 'EIT')).toHaveLength(19);
    expect(subItemOf(f, 'I11.2')?.item.scale).toBe('likert4_reverse');
    expect(subItemOf(f, 'I11.3')).toBeUndefined();
    expect(subItemOf(f, 'X1.1')).toBeUndefined();
  });

  it('has the respondent demographics of formats.md with Thai labels', () => {
    expect(f.demographics.IIT.map((d) => d.code)).toEqual(['gender', 'age_band', 'education']);
    const contact = f.demographics.EIT.find((d) => d.code === 'contact_type')!;
    expect(contact.options.map((o) => o.value)).toEqual([
      'individual',
      'private_business',
      'government',
      'other',
    ]);
    expect(f.demographics.EIT[1]!.options.map((o) => o.value)).toEqual([
      '<20',
      '20-30',
      '31-40',
      '41-50',
      '51-60',
      '>60',
    ]);
    expect(f.iitMinYearsOfService).toBe(1);
  });
});

describe('minimumSample (10 %, floor 30, everyone below 30, EIT ≤ 400 above 4,000)', () => {
  it.each([
    ['IIT', 0, 0],
    ['IIT', 12, 12],
    ['IIT', 29, 29],
    ['IIT', 30, 30],
    ['IIT', 300, 30],
    ['IIT', 301, 31],
    ['IIT', 1000, 100],
    ['IIT', 10_000, 1000],
    ['EIT', 4000, 400],
    ['EIT', 4001, 400],
    ['EIT', 50_000, 400],
  ] as const)('%s population %i → %i', (tool, population, expected) => {
    expect(minimumSample(f, tool, population)).toBe(expected);
  });
});

describe('registry', () => {
  it('lists the definitions and picks the one for a year', () => {
    expect(listFrameworks().map((x) => x.id)).toEqual(['ita-2563', 'ita-2566']);
    expect(frameworkForYear(2563)?.id).toBe('ita-2563');
    expect(frameworkForYear(2565)?.id).toBe('ita-2563');
    expect(frameworkForYear(2566)?.id).toBe('ita-2566');
    expect(frameworkForYear(2569)?.id).toBe('ita-2566');
    expect(frameworkForYear(2562)).toBeUndefined();
    expect(getFramework('nope')).toBeUndefined();
  });
});

describe('validateFramework refuses a definition that contradicts itself', () => {
  const base = (): Framework => structuredClone(validateOk(ita2563));
  const refusals: [string, (d: Framework) => void, string, RegExp][] = [
    ['weights not summing to 1', (d) => (d.toolWeights.OIT = 0.5), 'toolWeights', /sum to 1\.1/],
    [
      'an indicator naming an unknown question',
      (d) => d.indicators[0]!.questions!.push('I99'),
      'indicators[0].questions[6]',
      /Unknown question "I99"/,
    ],
    [
      'an indicator naming an unknown OIT item',
      (d) => d.indicators[8]!.subIndicators![0]!.items.push('O99'),
      'indicators[8].subIndicators[0].items[9]',
      /Unknown OIT item "O99"/,
    ],
    [
      'a question in two indicators',
      (d) => d.indicators[1]!.questions!.push('I1'),
      'indicators[1].questions[6]',
      /I1 is in two indicators/,
    ],
    [
      'a question in no indicator',
      (d) => (d.indicators[0]!.questions = d.indicators[0]!.questions!.filter((q) => q !== 'I3')),
      'questions[2]',
      /I3 is in no indicator/,
    ],
    [
      'an OIT item in no indicator',
      (d) => d.indicators[9]!.subIndicators![1]!.items.pop(),
      'oitItems[42]',
      /O43 is in no indicator/,
    ],
    [
      'a duplicate question code',
      (d) => (d.questions[1]!.code = 'I1'),
      'questions[1].code',
      /Duplicate question code "I1"/,
    ],
    [
      'a duplicate OIT item code',
      (d) => (d.oitItems[5]!.code = 'O1'),
      'oitItems[5].code',
      /Duplicate OIT item code/,
    ],
    [
      'a duplicate level code',
      (d) => (d.levels[1]!.code = 'AA'),
      'levels[1].code',
      /Duplicate level code/,
    ],
    [
      'sub-item numbers not 1..n',
      (d) => (d.questions[0]!.items[1]!.n = 3),
      'questions[0].items[1].n',
      /numbered 1\.\.2/,
    ],
    [
      'an IIT indicator with an EIT question',
      (d) => d.indicators[0]!.questions!.push('E1'),
      'indicators[0].questions[6]',
      /E1 belongs to EIT/,
    ],
    ['levels out of order', (d) => (d.levels[2]!.minOverall = 90), 'levels[2]', /lower threshold/],
    [
      'no catch-all last level',
      (d) => (d.levels[6]!.minOverall = 10),
      'levels[6]',
      /accept every score/,
    ],
    [
      'answer weights decreasing',
      (d) => (d.answerWeights[2] = 20),
      'answerWeights[2]',
      /must not decrease/,
    ],
    [
      'a malformed shape',
      (d) => ((d as { passMark: unknown }).passMark = 'high'),
      'passMark',
      /Invalid shape/,
    ],
  ];

  it.each(refusals)('%s', (_what, spoil, path, message) => {
    const d = base();
    spoil(d);
    const result = validateFramework(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = wordedAt(result.error).find((p) => p.path === path);
    expect(problem, JSON.stringify(result.error)).toBeDefined();
    expect(problem!.en).toMatch(message);
    expect(problem!.th.length).toBeGreaterThan(0);
  });

  it('accepts both shipped definitions unchanged', () => {
    expect(validateFramework(ita2563).ok).toBe(true);
    expect(validateFramework(getFramework('ita-2566')).ok).toBe(true);
  });
});

function validateOk(raw: unknown): Framework {
  const result = validateFramework(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('levelByCode', () => {
  it('finds a level by its stored code', () => {
    expect(levelByCode(f, 'A')?.passes).toBe(true);
    expect(levelByCode(getFramework('ita-2566')!, 'pass_good')?.name.th).toBe('ผ่านดี');
    expect(levelByCode(f, 'Z')).toBeUndefined();
  });
});
