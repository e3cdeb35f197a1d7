// A 2566-style definition: the 2563 questions and items rated with the pass tiers used from 2566.
// It exists to show that a year is only data; the tiers are the NACC's, the questions are 2563's.
import type { FrameworkInput } from '../schema.ts';
import { ita2563 } from './ita-2563.ts';

export const ita2566 = {
  ...ita2563,
  id: 'ita-2566',
  fiscalYear: 2566,
  name: {
    th: 'การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2566',
    en: 'Integrity and Transparency Assessment, fiscal year 2566 (2023)',
  },
  levelScheme: 'pass_tiers',
  // Ordered: the first tier whose conditions hold applies.
  levels: [
    {
      code: 'pass_excellent',
      name: { th: 'ผ่านดีเยี่ยม', en: 'Passed with excellence' },
      minOverall: 95,
      minEachTool: 95,
      passes: true,
    },
    {
      code: 'pass_good',
      name: { th: 'ผ่านดี', en: 'Passed well' },
      minOverall: 85,
      minEachTool: 85,
      passes: true,
    },
    { code: 'pass', name: { th: 'ผ่าน', en: 'Passed' }, minOverall: 85, passes: true },
    {
      code: 'needs_improvement',
      name: { th: 'ต้องปรับปรุง', en: 'Needs improvement' },
      minOverall: 70,
      passes: false,
    },
    {
      code: 'needs_urgent_improvement',
      name: { th: 'ต้องปรับปรุงโดยด่วน', en: 'Needs urgent improvement' },
      minOverall: 0,
      passes: false,
    },
  ],
} satisfies FrameworkInput;
