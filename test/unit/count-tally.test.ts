// The import counts each chunk by itself and adds the chunk's counts once its rows are stored
// (response-copy.ts): counts added chunk by chunk must be the counts of all the rows at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCountTally } from '../../src/storage/count-tally.ts';
import type { ResponseRow } from '../../src/storage/response.repository.ts';

const row = fc.record({
  agencyCode: fc.constantFrom('A1', 'A2', 'B'),
  tool: fc.constantFrom('IIT' as const, 'EIT' as const),
  answers: fc.array(fc.option(fc.integer({ min: -1, max: 6 }), { nil: null }), { maxLength: 8 }),
});

const asRow = (r: {
  agencyCode: string;
  tool: 'IIT' | 'EIT';
  answers: (number | null)[];
}): ResponseRow => ({
  responseId: 'x',
  fiscalYear: 2563,
  gender: null,
  ageBand: null,
  education: null,
  contactType: null,
  submittedOn: null,
  ...r,
});

describe('a tally made of chunk tallies', () => {
  it('equals the tally of every row at once, however the rows are cut', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(fc.nat(60)), (raw, cuts) => {
        const rows = raw.map(asRow);
        const whole = createCountTally();
        whole.add(rows);
        const merged = createCountTally();
        const at = [...new Set([0, ...cuts.filter((c) => c < rows.length), rows.length])].sort(
          (a, b) => a - b,
        );
        for (let i = 1; i < at.length; i++) {
          const chunk = createCountTally();
          for (const r of rows.slice(at[i - 1], at[i])) chunk.add([r]);
          merged.addTally(chunk);
        }
        const codes = ['A1', 'A2', 'B'];
        expect(merged.csv(2563, codes)).toEqual(whole.csv(2563, codes));
        expect(merged.agencies().sort()).toEqual(whole.agencies().sort());
      }),
    );
  });
});
