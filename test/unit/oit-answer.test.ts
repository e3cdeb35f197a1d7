// What an agency officer sees when the links typed for an OIT item are not usable: the line, once,
// in Thai and English — not every word of a sentence pasted into the box as a separate error.
import { describe, expect, it } from 'vitest';
import { parseOitAnswer } from '../../src/domain/oit/workflow.ts';
import { inputError } from '../../src/services/oit-shared.ts';
import { problemTexts } from '../../src/i18n/problem-text.ts';

describe('OIT links typed by an agency', () => {
  it('accepts one link per line and several on a line separated by spaces', () => {
    const r = parseOitAnswer({
      answer: 'has',
      urls: 'https://www.lamphun.go.th/a\r\n\n  https://www.lamphun.go.th/b http://www.lamphun.go.th/c  \n',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        answer: 'has',
        urls: [
          'https://www.lamphun.go.th/a',
          'https://www.lamphun.go.th/b',
          'http://www.lamphun.go.th/c',
        ],
        note: null,
      },
    });
  });

  it('reports a line of words once, with its line number, in both languages', () => {
    const r = parseOitAnswer({
      answer: 'has',
      urls: 'https://www.lamphun.go.th/a\nดูได้ที่ https://www.lamphun.go.th/b ค่ะ',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        code: 'oit_url_invalid',
        field: 'urls',
        params: { line: 2, url: 'ดูได้ที่ https://www.lamphun.go.th/b ค่ะ' },
      },
    ]);
    const [problem] = inputError(r.problems, 'O2').problems;
    expect(problem?.field).toBe('O2-urls');
    const p = problem && problemTexts(problem);
    expect(p?.th).toContain('บรรทัดที่ 2');
    expect(p?.th).toContain('ดูได้ที่ https://www.lamphun.go.th/b ค่ะ');
    expect(p?.en).toMatch(/^Line 2: not a usable link/);
  });

  it('refuses a link that is not the web, saying which line', () => {
    const r = parseOitAnswer({ answer: 'has', urls: 'https://ok.example/\nftp://files.example/x' });
    expect(r).toMatchObject({
      ok: false,
      problems: [{ code: 'oit_url_not_http', params: { line: 2, url: 'ftp://files.example/x' } }],
    });
  });
});
