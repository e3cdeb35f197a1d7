// Thai text of publishing a year: the readiness checklist, OIT exceptions, the preview and the
// confirmation (pages and `itas publish`).
export const publication = {
  title: (y: string) => `ประกาศผลปีงบประมาณ ${y}`,
  open: 'ตรวจความพร้อมและประกาศผล',
  publishedLocked: (y: string, on: string) =>
    `ประกาศผลปี ${y} แล้วเมื่อ ${on} จึงเพิ่มข้อยกเว้นหรือประกาศอีกไม่ได้ หากต้องแก้ไข ให้ยกเลิกการประกาศผลที่หน้ารายการปีก่อน`,
  checklistTitle: 'ความพร้อมก่อนประกาศผล',
  ready: 'พร้อมประกาศผล',
  notReady: 'ยังประกาศผลไม่ได้ ด้วยเหตุผลต่อไปนี้',
  pass: 'ผ่าน',
  fail: 'ยังไม่ผ่าน',
  item: {
    surveys_closed: 'ปิดการตอบแบบวัด IIT และ EIT แล้ว',
    oit_confirmed: 'ทุกหน่วยงานยืนยันผล OIT แล้ว (หรือบันทึกเป็นข้อยกเว้นพร้อมเหตุผล)',
    cards_current: 'คำนวณคะแนนจากข้อมูลสุดท้ายแล้ว',
    publication_phase: 'ถึงช่วงประกาศผลตามปฏิทินแล้ว',
  },
  counts: {
    agencies: (n: string) => `หน่วยงาน ${n}`,
    confirmed: (n: string) => `ยืนยันแล้ว ${n}`,
    exceptions: (n: string) => `ข้อยกเว้น ${n}`,
    outstanding: (n: string) => `ยังไม่ยืนยัน ${n}`,
    withData: (n: string) => `หน่วยงานที่มีข้อมูล ${n}`,
    current: (n: string) => `คะแนนเป็นปัจจุบัน ${n}`,
    stale: (n: string) => `ต้องคำนวณใหม่ ${n}`,
    pendingRecomputes: (n: string) => `งานคำนวณที่รออยู่ ${n}`,
  },
  reason: {
    window_not_set: (phase: string) => `ยังไม่ได้กำหนดช่วง "${phase}" ในปฏิทิน`,
    window_open: (phase: string, d: string) => `ช่วง "${phase}" ยังเปิดอยู่ (ปิด ${d})`,
    window_not_yet: (phase: string, d: string) => `ช่วง "${phase}" ยังไม่เริ่ม (เริ่ม ${d})`,
    extension_open: (phase: string, n: string, d: string, codes: string) =>
      `ช่วง "${phase}" ขยายเวลาให้ ${n} หน่วยงานซึ่งยังเปิดอยู่ถึง ${d}: ${codes}`,
    oit_unconfirmed: (n: string, codes: string) =>
      `${n} หน่วยงานยังไม่ได้ยืนยันผล OIT และไม่มีข้อยกเว้น: ${codes}`,
    no_cards: 'ยังไม่มีหน่วยงานใดมีข้อมูลหรือคะแนน (ใช้ itas compute)',
    card_missing: (n: string, codes: string) => `${n} หน่วยงานมีข้อมูลแต่ยังไม่มีคะแนน: ${codes}`,
    card_framework: (n: string, codes: string) =>
      `${n} หน่วยงานคำนวณด้วยกรอบการประเมินอื่นที่ไม่ใช่ของปีนี้: ${codes}`,
    card_respondents: (n: string, codes: string) =>
      `${n} หน่วยงานมีจำนวนผู้ตอบในคะแนนไม่ตรงกับคำตอบที่บันทึกไว้: ${codes}`,
    card_oit: (n: string, codes: string) =>
      `${n} หน่วยงานมีคะแนน OIT ในผลคะแนนไม่ตรงกับผล OIT ที่ยืนยันแล้ว: ${codes}`,
    recompute_pending: (n: string) => `มีงานคำนวณคะแนนรออยู่ ${n} งาน`,
    recompute_failed: (n: string) => `งานคำนวณคะแนนล้มเหลว ${n} งาน`,
    fix: 'แก้ไข: ใช้ itas compute --year ปี แล้วตรวจอีกครั้ง',
  },
  more: (n: string) => `และอีก ${n} หน่วยงาน`,
  refused: (y: string) => `ยังประกาศผลปี ${y} ไม่ได้`,
  previewTitle: 'ตัวอย่างสิ่งที่จะเผยแพร่ต่อสาธารณะ',
  previewNational: 'ภาพรวม',
  previewTypes: 'รายประเภทหน่วยงาน',
  previewRankings: (n: string) => `${n} อันดับแรก`,
  previewNone: 'ยังไม่มีคะแนนให้แสดง',
  confirmLabel: 'ข้าพเจ้าตรวจรายการความพร้อมและตัวอย่างข้างต้นแล้ว และยืนยันการเผยแพร่ผลการประเมินปีนี้ต่อสาธารณะ',
  published: (y: string) => `ประกาศผลปี ${y} แล้ว`,
  unpublished: (y: string) => `ยกเลิกการประกาศผลปี ${y} แล้ว`,
  exceptions: {
    title: 'ข้อยกเว้น: ประกาศผลโดยไม่มีผล OIT ที่ยืนยันแล้ว',
    hint: 'หน่วยงานที่ได้รับข้อยกเว้นจะประกาศผลได้แม้ยังไม่ยืนยันผล OIT โดยไม่มีคะแนน OIT และคะแนนภาพรวม ทุกการบันทึกและการยกเลิกถูกเก็บในบันทึกการตรวจสอบ',
    none: 'ไม่มีข้อยกเว้น',
    agency: 'รหัสหน่วยงาน',
    reason: 'เหตุผล',
    recordedBy: 'บันทึกโดย',
    add: 'บันทึกข้อยกเว้น',
    remove: 'ยกเลิกข้อยกเว้น',
    added: (code: string) => `บันทึกข้อยกเว้นของ ${code} แล้ว`,
    removed: (code: string) => `ยกเลิกข้อยกเว้นของ ${code} แล้ว`,
  },
};
