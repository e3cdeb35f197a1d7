// A page template's gzip is built from pieces compressed and hashed beforehand (ADR 0017): what
// a browser unpacks must be exactly the filled-in page, whatever the values hold.
import { gunzipSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine, shiftFor } from '../../src/http/crc32-combine.ts';
import { pageTemplate, placeholder } from '../../src/http/page-cache.ts';

describe('crc32Combine', () => {
  it('gives the CRC-32 of the joined bytes, for empty, short and long pieces', () => {
    const pieces = ['', 'a', 'สวัสดี', 'x'.repeat(70_000), '\u0000\u00ff', ''].map((s) =>
      Buffer.from(s, 'utf8'),
    );
    for (const a of pieces)
      for (const b of pieces)
        expect(crc32Combine(crc32(a), crc32(b), shiftFor(b.length))).toBe(
          crc32(Buffer.concat([a, b])),
        );
  });
});

describe('pageTemplate', () => {
  const html = `<!doctype html><p>แบบวัด ${'ข้อความ '.repeat(5000)}</p><input name="_csrf" value="${placeholder('csrf')}"><p>${'y'.repeat(70_000)}</p><input name="submission" value="${placeholder('submission')}"><footer>จบ</footer>`;
  const template = pageTemplate(html, ['csrf', 'submission']);

  it('unpacks to the page with the values in place, each time with other values', () => {
    for (const values of [
      ['tok-1', 'sealed.1'],
      ['', ''],
      ['ไทย', 'z'.repeat(70_000)],
    ]) {
      const page = template.fill(values);
      const expected = html
        .replace(placeholder('csrf'), values[0]!)
        .replace(placeholder('submission'), values[1]!);
      expect(page.text).toBe(expected);
      // gunzip checks the CRC and the length in the member's trailer.
      expect(gunzipSync(page.gzip()).toString('utf8')).toBe(expected);
    }
  });

  it('refuses a template whose placeholder is missing or repeated', () => {
    expect(() => pageTemplate('<p>none</p>', ['csrf'])).toThrow(/exactly once/);
    const twice = `${placeholder('csrf')}${placeholder('csrf')}`;
    expect(() => pageTemplate(twice, ['csrf'])).toThrow(/exactly once/);
  });

  it('makes one gzip member and one ETag for a page with nothing per request', () => {
    const fixed = pageTemplate('<p>ขอบคุณ</p>', []);
    const a = fixed.fill([]);
    expect(gunzipSync(a.gzip()).toString('utf8')).toBe('<p>ขอบคุณ</p>');
    expect(a.etag).toBeTruthy();
    expect(fixed.fill([]).etag).toBe(a.etag);
  });
});
