// Issue 16.5: every framework text has an English version, so English mode never falls back to
// Thai. All four files are checked, the unverified structures too: they are offered for import
// and a year created on one shows its texts exactly like a shipped one.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../../frameworks/', import.meta.url);
const files = [
  ...readdirSync(dir).filter((f) => f.endsWith('.json')),
  ...readdirSync(new URL('unverified/', dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `unverified/${f}`),
];
const THAI = /[\u0E00-\u0E7F]/;

interface Found {
  path: string;
  th: string;
  en: unknown;
}

/** Every `{ th, en }` text of a document, with its path. */
function texts(node: unknown, path: string, out: Found[]): Found[] {
  if (Array.isArray(node)) node.forEach((x, i) => texts(x, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.th === 'string') out.push({ path, th: o.th, en: o.en });
    for (const [k, v] of Object.entries(o)) texts(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

describe.each(files)('frameworks/%s', (file) => {
  const doc: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  const all = texts(doc, '', []);

  it('has a non-empty English version of every text', () => {
    expect(all.length).toBeGreaterThan(250);
    expect(all.filter((t) => typeof t.en !== 'string' || t.en.trim() === '')).toEqual([]);
  });

  it('has no Thai script in its English texts (provenance may quote a Thai word)', () => {
    const thai = all.filter(
      (t) => !t.path.startsWith('provenance') && typeof t.en === 'string' && THAI.test(t.en),
    );
    expect(thai).toEqual([]);
  });

  it('says its English texts are the project’s translation, not the NACC’s', () => {
    const d = doc as { provenance: { unverified: { path: string; note: { en: string } }[] } };
    const note = d.provenance.unverified.find((u) => u.path === '*.en');
    expect(note?.note.en).toMatch(/translated by the Open ITAS project, not official/);
  });
});
