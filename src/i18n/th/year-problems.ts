// Thai text of the refusals of years, frameworks and results (domain/problem-params/year.ts),
// spread into the problems catalogue; the compiler checks every code has a message taking its
// parameters.
import type {
  MoveRefusal,
  MoveProblemParams,
  YearProblemParams,
} from '../../domain/problem-params/year.ts';

type Catalogue = { [C in keyof YearProblemParams]: (p: YearProblemParams[C]) => string };
type MoveCatalogue = { [C in keyof MoveProblemParams]: (p: MoveProblemParams[C]) => string };
type P<C extends keyof YearProblemParams> = YearProblemParams[C];
type MP<C extends keyof MoveProblemParams> = MoveProblemParams[C];

/** A list of codes, the first twelve. */
const list = (xs: string[]) =>
  xs.length > 12 ? `${xs.slice(0, 12).join(', ')}, …` : xs.join(', ');

const move = {
  move_answer_columns: (p: MP<'move_answer_columns'>) =>
    `คำตอบ ${p.tool} ที่เก็บแล้วเรียงตามข้อของกรอบเดิม แต่กรอบใหม่${p.missing.length ? ` ไม่มีข้อ ${list(p.missing)}` : ''}${p.added.length ? ` มีข้อใหม่ ${list(p.added)}` : ''}`,
  move_answer_order: (p: MP<'move_answer_order'>) =>
    `คำตอบ ${p.tool} ที่เก็บแล้วเรียงตามลำดับข้อของกรอบเดิม แต่กรอบใหม่เรียงข้อต่างไป`,
  move_answer_kind: (p: MP<'move_answer_kind'>) =>
    `ข้อ ${list(p.columns)} (${p.tool}) เปลี่ยนแบบคำตอบระหว่าง 4 ระดับกับ มี/ไม่มี คำตอบที่เก็บแล้วจะอ่านผิดความหมาย`,
  move_oit_items: (p: MP<'move_oit_items'>) =>
    `รายการ OIT ${list(p.items)} มีข้อมูลที่หน่วยงานกรอกแล้ว แต่ไม่มีในกรอบใหม่`,
} satisfies MoveCatalogue;

/** A move problem's words, through the table above. */
const moveText = (p: MoveRefusal) =>
  (move[p.code] as (params: MoveRefusal['params']) => string)(p.params);

export const yearProblems = {
  ...move,
  years_manage_forbidden: () => 'เฉพาะ สำนักงาน ป.ป.ช. เท่านั้นที่จัดการปีการประเมินได้',
  year_create_invalid: (p: P<'year_create_invalid'>) =>
    `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2563 แต่พบ "${p.value}"`,
  year_framework_unknown: (p: P<'year_framework_unknown'>) =>
    `ไม่รู้จักกรอบการประเมิน "${p.id}" (ที่มี: ${p.known})`,
  year_exists: (p: P<'year_exists'>) => `มีปีการประเมิน ${p.year} อยู่แล้ว`,
  year_missing: (p: P<'year_missing'>) => `ไม่มีปีการประเมิน ${p.year} (สร้างด้วย itas year create)`,
  results_unpublished: (p: P<'results_unpublished'>) => `ไม่พบผลการประเมินปี ${p.year}`,
  year_move_forbidden: () => 'เฉพาะ สำนักงาน ป.ป.ช. เท่านั้นที่เปลี่ยนกรอบการประเมินของปีได้',
  framework_not_found: (p: P<'framework_not_found'>) => `ไม่มีกรอบการประเมิน "${p.id}"`,
  year_move_published: (p: P<'year_move_published'>) =>
    `ปี ${p.year} เผยแพร่ผลแล้ว และผลที่เผยแพร่ต้องคงตามกรอบที่ใช้คำนวณ ถอนการเผยแพร่ก่อนจึงจะเปลี่ยนกรอบการประเมินได้`,
  year_move_same: (p: P<'year_move_same'>) =>
    `ปี ${p.year} ใช้กรอบ ${p.framework} อยู่แล้ว จึงไม่มีอะไรต้องเปลี่ยน หากต้องการเปลี่ยนให้เลือกกรอบอื่น`,
  year_move_raced: (p: P<'year_move_raced'>) => `ปี ${p.year} เพิ่งถูกเปลี่ยนกรอบการประเมิน โปรดตรวจอีกครั้ง`,
  year_move_refused: (p: P<'year_move_refused'>) => p.problems.map(moveText).join(' · '),
  framework_import_forbidden: () => 'เฉพาะ สำนักงาน ป.ป.ช. เท่านั้นที่นำเข้ากรอบการประเมินได้',
  framework_shipped: (p: P<'framework_shipped'>) =>
    `"${p.id}" เป็นกรอบการประเมินที่มากับระบบ ให้ใช้รหัสอื่นสำหรับไฟล์ของท่าน`,
  framework_frozen: (p: P<'framework_frozen'>) =>
    `กรอบการประเมิน ${p.id} ถูกใช้แล้วในปี ${p.years} ซึ่งมีคำตอบหรือข้อมูล OIT จึงแก้ไขไม่ได้ ให้นำเข้าไฟล์ที่แก้ไขด้วยรหัสใหม่`,
  framework_version_low: (p: P<'framework_version_low'>) =>
    `ไฟล์นี้ต่างจาก ${p.id} รุ่น ${p.version} ที่มีอยู่ ให้เพิ่ม version ให้มากกว่า ${p.version}`,
  agencies_import_forbidden: () => 'นำเข้าทะเบียนหน่วยงานได้เฉพาะผู้ดูแลระบบของ สำนักงาน ป.ป.ช.',
} satisfies Catalogue & MoveCatalogue;
