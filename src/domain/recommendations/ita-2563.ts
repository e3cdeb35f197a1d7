// Recommendation rules of the 2563 framework as data: what an agency should do when a tool or an
// indicator scores below the target. Edit the text here (or add a file for a new year's framework).
import type { RecommendationRules } from './types.ts';

export const recommendations2563: RecommendationRules = {
  frameworkId: 'ita-2563',
  tools: {
    IIT: {
      th: 'แบบวัด IIT เป็นการประเมินการรับรู้ของบุคลากรภายในหน่วยงานต่อการปฏิบัติหน้าที่อย่างซื่อสัตย์สุจริต การใช้งบประมาณ การใช้อำนาจ การใช้ทรัพย์สินของราชการ และการแก้ไขปัญหาการทุจริต จึงควรดำเนินการดังนี้',
      en: 'The IIT measures how staff perceive integrity in duties, budget, authority, government property and the handling of corruption. The agency should:',
    },
    EIT: {
      th: 'แบบวัด EIT เป็นการประเมินการรับรู้ของผู้รับบริการที่มีต่อคุณภาพและมาตรฐานการให้บริการอย่างมีประสิทธิภาพ ประสิทธิผลและไม่เลือกปฏิบัติ จึงควรดำเนินการดังนี้',
      en: 'The EIT measures how service users perceive the quality, effectiveness and fairness of the service. The agency should:',
    },
    OIT: {
      th: 'แบบตรวจ OIT เป็นการตรวจการเปิดเผยข้อมูลสาธารณะบนเว็บไซต์หลักของหน่วยงาน จึงควรดำเนินการดังนี้',
      en: 'The OIT checks what the agency discloses on its main website. The agency should:',
    },
  },
  indicators: {
    '1': [
      {
        th: 'กำหนดขั้นตอนและระยะเวลาการให้บริการเป็นลายลักษณ์อักษร เผยแพร่ให้ผู้มาติดต่อทราบ และกำกับให้บุคลากรปฏิบัติตามอย่างเคร่งครัดและเท่าเทียมกัน',
        en: 'Write down service steps and time limits, publish them, and see that all staff follow them equally.',
      },
      {
        th: 'ส่งเสริมให้บุคลากรมุ่งผลสำเร็จของงานและพร้อมรับผิดชอบ โดยสื่อสารค่านิยมและแบบอย่างที่ดีจากผู้บริหาร',
        en: 'Encourage results and accountability through stated values and the example of management.',
      },
    ],
    '2': [
      {
        th: 'เผยแพร่แผนการใช้จ่ายงบประมาณประจำปีให้บุคลากรรับทราบ และเปิดโอกาสให้บุคลากรมีส่วนร่วมในการตรวจสอบการใช้จ่ายงบประมาณ',
        en: "Publish the annual spending plan to staff and let them take part in checking the agency's spending.",
      },
      {
        th: 'จัดซื้อจัดจ้างอย่างโปร่งใส ตรวจสอบได้ และไม่เอื้อประโยชน์แก่ผู้ประกอบการรายใดรายหนึ่ง',
        en: 'Procure openly and verifiably, favouring no supplier.',
      },
    ],
    '3': [
      {
        th: 'กำหนดหลักเกณฑ์การมอบหมายงาน การประเมินผลการปฏิบัติงาน และการคัดเลือกผู้เข้ารับการฝึกอบรมให้ชัดเจน เป็นธรรม และเปิดเผย',
        en: 'Set clear, fair and public criteria for assigning work, appraisals and choosing staff for training.',
      },
      {
        th: 'จัดช่องทางให้บุคลากรแจ้งเมื่อถูกสั่งการให้ทำธุระส่วนตัวหรือกระทำการที่ไม่ถูกต้อง โดยคุ้มครองผู้แจ้ง',
        en: 'Give staff a protected channel to report orders to do private errands or wrong acts.',
      },
    ],
    '4': [
      {
        th: 'จัดทำแนวปฏิบัติการยืมและการใช้ทรัพย์สินของราชการให้เป็นลายลักษณ์อักษร เผยแพร่ให้บุคลากรทราบ และกำกับติดตามการใช้ทรัพย์สินอย่างสม่ำเสมอ',
        en: 'Write and publish rules for borrowing and using government property, and monitor their use regularly.',
      },
    ],
    '5': [
      {
        th: 'ผู้บริหารแสดงเจตจำนงในการต่อต้านการทุจริต ทบทวนนโยบายและมาตรการป้องกันการทุจริต และสื่อสารให้บุคลากรทุกระดับรับทราบ',
        en: 'Management should state its commitment against corruption, review prevention measures and tell every level of staff.',
      },
      {
        th: 'เปิดช่องทางการร้องเรียนการทุจริตที่ปลอดภัย แจ้งผลการดำเนินการต่อเรื่องร้องเรียน และให้ความคุ้มครองผู้ร้องเรียน',
        en: 'Offer a safe channel for corruption complaints, report what was done, and protect complainants.',
      },
    ],
    '6': [
      {
        th: 'คุณภาพการดำเนินงาน ประชาสัมพันธ์เกี่ยวกับระบบและขั้นตอนการให้บริการงานด้านต่างๆ อย่างทั่วถึง และส่งเสริมให้มีการฝึกอบรมพัฒนาเพิ่มพูนทักษะและความรู้เกี่ยวกับการปฏิบัติงานอย่างสม่ำเสมอ',
        en: 'Quality of operations: publicise how each service works, step by step, and train staff regularly.',
      },
    ],
    '7': [
      {
        th: 'ประสิทธิภาพการสื่อสาร จัดทำสื่อประชาสัมพันธ์และเปิดเผยข้อมูลบนเว็บไซต์หลักของหน่วยงานให้ง่ายต่อการเข้าถึงข้อมูล และมีการปฏิสัมพันธ์แลกเปลี่ยนข้อมูลข่าวสารกันอย่างชัดเจนและต่อเนื่อง',
        en: "Communication: make information on the agency's main website easy to find, and answer questions clearly and continuously.",
      },
    ],
    '8': [
      {
        th: 'การปรับปรุงระบบการทำงาน สร้างกระบวนการปรึกษาระหว่างผู้บริหารและบุคลากรเพื่อร่วมกันทบทวนปัญหาและอุปสรรคในการปฏิบัติงานอย่างเป็นระบบ และส่งเสริมให้ผู้รับบริการและประชาชนทั่วไปมีส่วนร่วมในการแสดงความคิดเห็นหรือให้คำแนะนำในการพัฒนาและปรับปรุงคุณภาพและมาตรฐานการให้บริการได้โดยสะดวก',
        en: 'Improving work: have management and staff review problems together regularly, and make it easy for users and the public to suggest improvements.',
      },
      {
        th: 'พัฒนาทักษะ ความรู้ความสามารถของบุคลากรผู้ดูแลเว็บไซต์ของหน่วยงานในการปรับปรุงระบบให้ทันสมัยและมีการติดต่อสื่อสารผ่านเว็บไซต์ได้อย่างรวดเร็วและมีประสิทธิภาพ',
        en: "Train the website's staff to keep it current and to answer through it quickly.",
      },
    ],
    '9': [
      {
        th: 'เผยแพร่ข้อมูลตามรายการที่กำหนดให้ครบถ้วน เป็นปัจจุบัน และจัดหมวดหมู่ให้ประชาชนเข้าถึงได้ง่ายบนเว็บไซต์หลักของหน่วยงาน โดยดูความคิดเห็นของผู้ตรวจในแต่ละข้อด้านล่าง',
        en: "Publish every required item, current and well organised, on the main website; see the auditor's comment on each item below.",
      },
    ],
    '10': [
      {
        th: 'จัดทำและเผยแพร่แผนปฏิบัติการป้องกันการทุจริต การประเมินความเสี่ยง และมาตรการภายในพร้อมรายงานผลการดำเนินการให้ครบถ้วนตามรอบเวลา',
        en: 'Prepare and publish the anti-corruption plan, the risk assessment and internal measures, with progress reports on time.',
      },
    ],
  },
};
