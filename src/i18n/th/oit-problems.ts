// Thai text of the OIT forms' problems and the OIT refusals (domain/problem-params/oit.ts), spread
// into the problems catalogue.
import type {
  OitFormProblem,
  OitFormProblemParams,
  OitProblemParams,
} from '../../domain/problem-params/oit.ts';

type Catalogue = { [C in keyof OitProblemParams]: (p: OitProblemParams[C]) => string };
type FormCatalogue = { [C in keyof OitFormProblemParams]: (p: OitFormProblemParams[C]) => string };

import { oit } from './oit.ts';

const onLine = (line?: number) => (line ? `บรรทัดที่ ${line}: ` : '');

const form = {
  oit_answer_missing: () => 'เลือกว่ามีหรือไม่มีข้อมูลนี้',
  oit_url_missing: () => 'ใส่ลิงก์อย่างน้อยหนึ่งลิงก์เมื่อตอบว่ามี',
  oit_explanation_missing: () => 'เขียนคำชี้แจงเมื่อตอบว่าไม่เกี่ยวข้อง',
  oit_not_applicable_not_allowed: (p: { item: string }) =>
    `กรอบการประเมินของปีนี้ไม่อนุญาตให้ตอบข้อ ${p.item} ว่าไม่เกี่ยวข้อง`,
  oit_url_invalid: (p: { url: string; line?: number }) =>
    `${onLine(p.line)}ไม่ใช่ลิงก์ที่ใช้ได้ «${p.url}» (ใส่เฉพาะลิงก์ หนึ่งลิงก์ต่อบรรทัด)`,
  oit_url_not_http: (p: { url: string; line?: number }) =>
    `${onLine(p.line)}ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http:// «${p.url}»`,
  oit_too_many_urls: () => 'ใส่ลิงก์ได้ไม่เกิน 5 ลิงก์',
  oit_note_too_long: () => 'คำอธิบายยาวเกิน 2,000 ตัวอักษร',
  review_score_invalid: () => 'เลือกคะแนน 0 หรือ 100',
  review_comment_required: () => 'ให้ 0 คะแนนต้องเขียนความเห็นบอกเหตุผล',
  review_comment_too_long: () => 'ความเห็นยาวเกิน 2,000 ตัวอักษร',
  dispute_required: () => 'เขียนคำชี้แจง',
  dispute_too_long: () => 'คำชี้แจงยาวเกิน 2,000 ตัวอักษร',
} satisfies FormCatalogue;

/** A form problem's words, through the table above. */
const formText = (p: OitFormProblem) =>
  (form[p.code] as (params: OitFormProblem['params']) => string)(p.params);

export const oitProblems = {
  ...form,
  oit_input_invalid: (p: OitProblemParams['oit_input_invalid']) =>
    p.problems.map(formText).join(' · '),
  oit_refused: (p: OitProblemParams['oit_refused']) => oit.errors[p.reason],
  oit_state: (p: OitProblemParams['oit_state']) => oit.errors.state[p.action],
  oit_window_closed: (p: OitProblemParams['oit_window_closed']) =>
    oit.errors.window[p.phase] + (p.opensOn === undefined ? '' : ` (${p.opensOn} – ${p.closesOn})`),
  oit_unscored: (p: { items: string }) => oit.errors.unscored(p.items),
  oit_unresolved: (p: { items: string }) => oit.errors.unresolved(p.items),
  oit_not_disputed: (p: { item: string }) => oit.errors.notDisputed(p.item),
} satisfies Catalogue;
