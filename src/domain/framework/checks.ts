// The semantic checks of a framework: what a well-shaped definition must not contradict.
import { TOOL_CODES, type Framework } from './schema.ts';

/** A reason a definition is refused: where (a path into the document) and what, in both languages. */
export interface FrameworkProblem {
  path: string;
  th: string;
  en: string;
}

/**
 * Every contradiction in a well-shaped definition, each with the path it concerns: tool weights not
 * summing to 1, duplicate codes, sub-item numbers other than 1..n, a question whose code does not
 * match its tool, an indicator naming an unknown question or OIT item (or one of another tool), a
 * sub-indicator with no items, a question or item in two indicators or in none, a tool without
 * indicators, answer weights out of order, levels not ordered or without a catch-all last level,
 * and recommendations for an unknown indicator.
 */
export function semanticProblems(f: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add = (path: string, th: string, en: string) => problems.push({ path, th, en });

  const weightSum = f.toolWeights.IIT + f.toolWeights.EIT + f.toolWeights.OIT;
  if (Math.abs(weightSum - 1) > 1e-9) {
    add(
      'toolWeights',
      `น้ำหนักของแบบวัดรวมกันได้ ${weightSum} ต้องเท่ากับ 1`,
      `Tool weights sum to ${weightSum}; they must sum to 1`,
    );
  }
  for (const tool of TOOL_CODES) {
    if (f.toolWeights[tool] < 0) {
      add(`toolWeights.${tool}`, `น้ำหนักของ ${tool} ติดลบ`, `The weight of ${tool} is negative`);
    }
  }
  f.answerWeights.forEach((w, i) => {
    if (w < 0 || w > 100) {
      add(`answerWeights[${i}]`, 'คะแนนของคำตอบต้องอยู่ระหว่าง 0–100', 'Answer weights must be 0–100');
    } else if (i > 0 && w < f.answerWeights[i - 1]!) {
      add(
        `answerWeights[${i}]`,
        'คะแนนของคำตอบต้องเรียงจากน้อยไปมาก',
        'Answer weights must not decrease from option 1 to 4',
      );
    }
  });

  // Duplicate codes in every list that is keyed by code.
  const duplicates = (list: { code: string }[], base: string, what: { th: string; en: string }) => {
    const seen = new Map<string, number>();
    list.forEach((entry, i) => {
      const first = seen.get(entry.code);
      if (first !== undefined) {
        add(
          `${base}[${i}].code`,
          `รหัส${what.th} "${entry.code}" ซ้ำกับ ${base}[${first}]`,
          `Duplicate ${what.en} code "${entry.code}" (also at ${base}[${first}])`,
        );
      } else seen.set(entry.code, i);
    });
  };
  duplicates(f.questions, 'questions', { th: 'คำถาม', en: 'question' });
  duplicates(f.oitItems, 'oitItems', { th: 'ข้อ OIT', en: 'OIT item' });
  duplicates(f.indicators, 'indicators', { th: 'ตัวชี้วัด', en: 'indicator' });
  duplicates(f.oitHeadings, 'oitHeadings', { th: 'หัวข้อ', en: 'heading' });
  duplicates(f.levels, 'levels', { th: 'ระดับ', en: 'level' });
  duplicates(f.agencyGroups ?? [], 'agencyGroups', { th: 'กลุ่มหน่วยงาน', en: 'agency group' });
  duplicates(
    f.indicators.flatMap((ind) => ind.subIndicators ?? []),
    'subIndicators',
    { th: 'ตัวชี้วัดย่อย', en: 'sub-indicator' },
  );

  f.questions.forEach((q, i) => {
    const expected = q.code.startsWith('I') ? 'IIT' : 'EIT';
    if (q.tool !== expected) {
      add(
        `questions[${i}].tool`,
        `คำถาม ${q.code} ต้องอยู่ในแบบวัด ${expected}`,
        `Question ${q.code} must belong to ${expected}`,
      );
    }
    q.items.forEach((item, j) => {
      if (item.n !== j + 1) {
        add(
          `questions[${i}].items[${j}].n`,
          `ข้อย่อยของ ${q.code} ต้องเรียงเลข 1..${q.items.length} (พบ ${item.n} ที่ตำแหน่ง ${j + 1})`,
          `Sub-items of ${q.code} must be numbered 1..${q.items.length} (found ${item.n} at position ${j + 1})`,
        );
      }
    });
  });

  checkIndicators(f, add);
  checkHeadings(f, add);
  checkLevels(f, add);
  checkRecommendations(f, add);
  checkGroupMinimums(f, add);
  return problems;
}

type Add = (path: string, th: string, en: string) => void;

function checkIndicators(f: Framework, add: Add): void {
  const questionTool = new Map(f.questions.map((q) => [q.code, q.tool] as const));
  const itemCodes = new Set(f.oitItems.map((o) => o.code));
  const placed = new Map<string, string>();
  const place = (code: string, path: string) => {
    const earlier = placed.get(code);
    if (earlier !== undefined) {
      add(
        path,
        `${code} อยู่ในตัวชี้วัดมากกว่าหนึ่งตัว (${earlier})`,
        `${code} is in two indicators (also ${earlier})`,
      );
    } else placed.set(code, path);
  };

  f.indicators.forEach((ind, i) => {
    const base = `indicators[${i}]`;
    if (ind.tool === 'OIT') {
      if (!ind.subIndicators?.length || ind.questions?.length) {
        add(
          base,
          `ตัวชี้วัด ${ind.code} ของ OIT ต้องมีตัวชี้วัดย่อยและไม่มีคำถาม`,
          `OIT indicator ${ind.code} needs sub-indicators and no questions`,
        );
      }
      ind.subIndicators?.forEach((sub, k) => {
        if (sub.items.length === 0) {
          add(
            `${base}.subIndicators[${k}].items`,
            `ตัวชี้วัดย่อย ${sub.code} ไม่มีข้อ OIT`,
            `Sub-indicator ${sub.code} has no OIT items`,
          );
        }
        sub.items.forEach((code, m) => {
          const path = `${base}.subIndicators[${k}].items[${m}]`;
          if (!itemCodes.has(code))
            add(path, `ไม่รู้จักข้อ OIT "${code}"`, `Unknown OIT item "${code}"`);
          else place(code, path);
        });
      });
    } else {
      if (!ind.questions?.length || ind.subIndicators?.length) {
        add(
          base,
          `ตัวชี้วัด ${ind.code} ต้องมีคำถามและไม่มีตัวชี้วัดย่อย`,
          `Indicator ${ind.code} needs questions and no sub-indicators`,
        );
      }
      ind.questions?.forEach((code, j) => {
        const path = `${base}.questions[${j}]`;
        const tool = questionTool.get(code);
        if (tool === undefined) add(path, `ไม่รู้จักคำถาม "${code}"`, `Unknown question "${code}"`);
        else if (tool !== ind.tool) {
          add(
            path,
            `คำถาม ${code} เป็นของ ${tool} ไม่ใช่ ${ind.tool}`,
            `Question ${code} belongs to ${tool}, not ${ind.tool}`,
          );
        } else place(code, path);
      });
    }
  });

  f.questions.forEach((q, i) => {
    if (!placed.has(q.code)) {
      add(
        `questions[${i}]`,
        `คำถาม ${q.code} ไม่อยู่ในตัวชี้วัดใด`,
        `Question ${q.code} is in no indicator`,
      );
    }
  });
  f.oitItems.forEach((o, i) => {
    if (!placed.has(o.code)) {
      add(`oitItems[${i}]`, `ข้อ ${o.code} ไม่อยู่ในตัวชี้วัดใด`, `OIT item ${o.code} is in no indicator`);
    }
  });
  for (const tool of TOOL_CODES) {
    if (!f.indicators.some((ind) => ind.tool === tool)) {
      add('indicators', `แบบวัด ${tool} ไม่มีตัวชี้วัด`, `Tool ${tool} has no indicator`);
    }
  }
}

function checkHeadings(f: Framework, add: Add): void {
  const itemCodes = new Set(f.oitItems.map((o) => o.code));
  const seen = new Set<string>();
  f.oitHeadings.forEach((h, i) =>
    h.items.forEach((code, j) => {
      const path = `oitHeadings[${i}].items[${j}]`;
      if (!itemCodes.has(code)) add(path, `ไม่รู้จักข้อ OIT "${code}"`, `Unknown OIT item "${code}"`);
      else if (seen.has(code))
        add(path, `ข้อ ${code} อยู่ในสองหัวข้อ`, `OIT item ${code} is under two headings`);
      seen.add(code);
    }),
  );
}

function checkLevels(f: Framework, add: Add): void {
  f.levels.forEach((level, i) => {
    if (i === 0) return;
    const prev = f.levels[i - 1]!;
    const stricterTools = (prev.minEachTool ?? 0) > (level.minEachTool ?? 0);
    if (
      level.minOverall > prev.minOverall ||
      (level.minOverall === prev.minOverall && !stricterTools)
    ) {
      add(
        `levels[${i}]`,
        `ระดับ ${level.code} ต้องมีเกณฑ์ต่ำกว่าระดับก่อนหน้า (${prev.code})`,
        `Level ${level.code} must have a lower threshold than the level before it (${prev.code})`,
      );
    }
  });
  const last = f.levels[f.levels.length - 1]!;
  if (last.minOverall !== 0 || last.minEachTool !== undefined) {
    add(
      `levels[${f.levels.length - 1}]`,
      'ระดับสุดท้ายต้องรับทุกคะแนน (เกณฑ์ 0 ไม่มีเงื่อนไขรายแบบวัด)',
      'The last level must accept every score (minimum 0, no per-tool condition)',
    );
  }
  if (f.passMark < 0 || f.passMark > 100) {
    add('passMark', 'เกณฑ์ผ่านต้องอยู่ระหว่าง 0–100', 'The pass mark must be 0–100');
  }
}

function checkRecommendations(f: Framework, add: Add): void {
  const known = new Set(f.indicators.map((ind) => ind.code));
  for (const code of Object.keys(f.recommendations?.indicators ?? {})) {
    if (!known.has(code)) {
      add(
        `recommendations.indicators.${code}`,
        `คำแนะนำของตัวชี้วัดที่ไม่มีอยู่ "${code}"`,
        `Recommendations for an unknown indicator "${code}"`,
      );
    }
  }
}

/** Fixed minimums name a known group, one of its sizes, and each (group, size, tool, part) once. */
function checkGroupMinimums(f: Framework, add: Add): void {
  const groups = new Map((f.agencyGroups ?? []).map((g) => [g.code, g]));
  const seen = new Map<string, number>();
  (f.sampleRule.groupMinimums ?? []).forEach((m, i) => {
    const path = `sampleRule.groupMinimums[${i}]`;
    const group = groups.get(m.group);
    if (!group)
      add(
        `${path}.group`,
        `ไม่มีกลุ่มหน่วยงาน "${m.group}" ใน agencyGroups`,
        `Unknown agency group "${m.group}" (not in agencyGroups)`,
      );
    else if (m.size && !group.sizes?.includes(m.size))
      add(
        `${path}.size`,
        `กลุ่ม "${m.group}" ไม่มีขนาด ${m.size}`,
        `Agency group "${m.group}" has no size ${m.size}`,
      );
    const key = [m.group, m.size ?? '', m.tool, m.part ?? ''].join('\t');
    const first = seen.get(key);
    if (first !== undefined)
      add(
        path,
        `จำนวนขั้นต่ำซ้ำกับ sampleRule.groupMinimums[${first}]`,
        `The same minimum as sampleRule.groupMinimums[${first}]`,
      );
    else seen.set(key, i);
  });
}
