// The one-document survey (ADR 0017): the start page carries every step as one form, and its
// single POST to /go/{tool}/{code}/send goes through the same domain checks and the same
// submission pipeline as the step pages and the API. CSRF, the window, the size limit, replays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import {
  YEAR,
  browserFor,
  demographicsFor,
  fullAnswers,
  linkCode,
  openSurveyApp,
  respondentCount,
  setSurveyWindow,
} from '../helpers/survey-fixture.ts';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';

let t: TestApp;
let code: string;
beforeAll(async () => ({ t, code } = await openSurveyApp()));
afterAll(async () => t?.close());

/** The sealed submission the start page's one form carries. */
function submissionOf(html: string): string {
  const m = /<form id="survey-steps"[\s\S]*?name="submission" value="([\w-]+)"/.exec(html);
  expect(m).not.toBeNull();
  return m![1]!;
}

async function startPage(b: ReturnType<typeof browserFor>, tool: 'iit' | 'eit', c = code) {
  const res = await b.get(`/go/${tool}/${c}`);
  expect(res.status).toBe(200);
  return res.text();
}

function wholeForm(tool: 'IIT' | 'EIT') {
  return {
    ...(tool === 'IIT' ? { eligible: 'yes' } : {}),
    ...demographicsFor(tool),
    ...fullAnswers(tool),
  };
}

describe('the start page carries the whole survey', () => {
  it('has every step as a hidden section of one form posting to /send, with the script', async () => {
    const html = await startPage(browserFor(t.app), 'iit');
    expect(html).toMatch(/<form id="survey-steps"[^>]*action="\/go\/iit\/\w+\/send"[^>]*hidden/);
    for (const step of ['eligibility', 'about', 'page-1', 'page-5', 'check'])
      expect(html).toContain(`data-step="${step}"`);
    expect(html).toContain('หน้า 6 จาก 6');
    expect(html).toMatch(/<script src="\/static\/survey-steps\.js\?v=\w+"/);
    // The browser's own check says what the server would.
    expect(html).toContain('data-missing="ข้อ I1.1: กรุณาเลือกคำตอบ"');
    // No JavaScript: the start link still leads to the first step page.
    expect(html).toContain(`href="/go/iit/${code}/eligibility"`);
  });

  it('runs only its own files: a fixed policy without a nonce, and no inline script', async () => {
    const res = await browserFor(t.app).get(`/go/iit/${code}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('nonce');
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/ on[a-z]+="/);
  });
});

describe('POST /go/{tool}/{code}/send', () => {
  it('stores an IIT in one POST, thanks, and a second send of the same form stores nothing more', async () => {
    const before = await respondentCount(t.db, '51-PRV', 'IIT');
    const b = browserFor(t.app);
    const submission = submissionOf(await startPage(b, 'iit'));
    const res = await b.post(`/go/iit/${code}/send`, { ...wholeForm('IIT'), submission });
    // The thanks page itself (ADR 0024), saying where it lives for the script, never cached.
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<h1>ส่งคำตอบเรียบร้อยแล้ว</h1>');
    expect(html).toContain(`data-survey-end="/go/iit/${code}/thanks"`);
    expect(html).toMatch(/<script src="\/static\/survey-steps\.js\?v=\w+"/);
    // Its links are the thanks page's own (the language switch leads back there, not to /send).
    expect(html).toContain(`next=${encodeURIComponent(`/go/iit/${code}/thanks`)}`);
    expect(html).not.toContain(encodeURIComponent(`/go/iit/${code}/send`));
    await t.services.responses.settled();
    expect(await respondentCount(t.db, '51-PRV', 'IIT')).toBe(before + 1);
    expect(b.jar.get('itas_answered')).toContain(`iit-${code}`);
    // A reload that sends again (the browser asks first) shows thanks and stores nothing more.
    const again = await b.post(`/go/iit/${code}/send`, { ...wholeForm('IIT'), submission });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('<h1>ส่งคำตอบเรียบร้อยแล้ว</h1>');
    await t.services.responses.settled();
    expect(await respondentCount(t.db, '51-PRV', 'IIT')).toBe(before + 1);
  });

  it('stores an EIT, and drops a step-by-step state the browser still carried', async () => {
    const before = await respondentCount(t.db, '51-PRV', 'EIT');
    const b = browserFor(t.app);
    await b.post(`/go/eit/${code}/about`, demographicsFor('EIT'));
    expect(b.jar.has('itas_survey')).toBe(true);
    const submission = submissionOf(await startPage(b, 'eit'));
    const res = await b.post(`/go/eit/${code}/send`, { ...wholeForm('EIT'), submission });
    expect(res.status).toBe(200);
    expect(b.jar.has('itas_survey')).toBe(false);
    expect(await respondentCount(t.db, '51-PRV', 'EIT')).toBe(before + 1);
  });

  it('refuses a send without the right CSRF token (403) and stores nothing', async () => {
    const before = await respondentCount(t.db, '51-PRV', 'IIT');
    const b = browserFor(t.app);
    await startPage(b, 'iit');
    const body = new URLSearchParams({ ...wholeForm('IIT'), _csrf: 'x'.repeat(43) }).toString();
    const res = await t.app.request(`/go/iit/${code}/send`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `itas_csrf=${b.jar.get('itas_csrf')}`,
      },
    });
    expect(res.status).toBe(403);
    expect(await respondentCount(t.db, '51-PRV', 'IIT')).toBe(before);
  });

  it('answers 422 naming the question, on its step, with everything typed kept', async () => {
    const before = await respondentCount(t.db, '51-PRV', 'IIT');
    const b = browserFor(t.app);
    const submission = submissionOf(await startPage(b, 'iit'));
    const answers = fullAnswers('IIT');
    delete answers['I7.1'];
    const res = await b.post(`/go/iit/${code}/send`, {
      eligible: 'yes',
      ...demographicsFor('IIT'),
      ...answers,
      'I1.1': '9',
      submission,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const html = await res.text();
    expect(html).toContain('<title>ข้อผิดพลาด:');
    expect(html).toContain('ข้อ I1.1: คำตอบ &quot;9&quot; ใช้ไม่ได้');
    expect(html).toContain('ข้อ I7.1: กรุณาเลือกคำตอบ');
    expect(html).toContain('href="#I7_1-1"');
    // The form is shown (not hidden) with the error inline on its step, and the rest kept.
    expect(html).not.toMatch(/<form id="survey-steps"[^>]*hidden/);
    expect(html).toMatch(/id="page-2"[\s\S]*class="form-group form-group--error" id="I7_1-group"/);
    expect(html).toMatch(new RegExp(`name="I2.1" value="${answers['I2.1']}" checked`));
    expect(html).toMatch(/name="eligible" value="yes" checked/);
    expect(await respondentCount(t.db, '51-PRV', 'IIT')).toBe(before);
  });

  it('refuses an unknown question like the API does', async () => {
    const b = browserFor(t.app);
    await startPage(b, 'eit');
    const res = await b.post(`/go/eit/${code}/send`, { ...wholeForm('EIT'), 'Z9.9': '1' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('ไม่มีข้อ Z9.9 ในแบบวัด EIT');
  });

  it('sends the ineligible to their page and stores nothing', async () => {
    const before = await respondentCount(t.db, '51-PRV', 'IIT');
    const b = browserFor(t.app);
    await startPage(b, 'iit');
    const res = await b.post(`/go/iit/${code}/send`, { eligible: 'no' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`data-survey-end="/go/iit/${code}/not-eligible"`);
    expect(await respondentCount(t.db, '51-PRV', 'IIT')).toBe(before);
  });

  it('refuses a body over the survey form limit with 413', async () => {
    const b = browserFor(t.app);
    await startPage(b, 'iit');
    const res = await b.post(`/go/iit/${code}/send`, {
      ...wholeForm('IIT'),
      padding: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
  });

  it('is the same refusal as every step outside the window (409), and stores nothing', async () => {
    const other = await linkCode(t.services, '51-PAO');
    const before = await respondentCount(t.db, '51-PAO', 'EIT');
    const b = browserFor(t.app);
    const submission = submissionOf(await startPage(b, 'eit', other));
    await setSurveyWindow(t.services, 'eit', 'shut');
    try {
      const res = await b.post(`/go/eit/${other}/send`, { ...wholeForm('EIT'), submission });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('แบบวัดนี้ยังไม่เปิดหรือปิดรับคำตอบแล้ว');
      const step = await b.post(`/go/eit/${other}/about`, demographicsFor('EIT'));
      expect(step.status).toBe(409);
    } finally {
      await setSurveyWindow(t.services, 'eit', 'open');
    }
    expect(await respondentCount(t.db, '51-PAO', 'EIT')).toBe(before);
  });

  it('asks for the single-use code, names a wrong one on the eligibility step, takes a right one', async () => {
    const agency = '51-PAO';
    const c = await linkCode(t.services, agency);
    const [right] = await t.services.surveyLinks.setAccessCodes(SYSTEM_CLI, YEAR, agency, true, 1);
    const before = await respondentCount(t.db, agency, 'IIT');
    const b = browserFor(t.app);
    const submission = submissionOf(await startPage(b, 'iit', c));
    const missing = await b.post(`/go/iit/${c}/send`, { ...wholeForm('IIT'), submission });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('กรุณากรอกรหัสเข้าตอบที่หน่วยงานมอบให้');
    const wrong = await b.post(`/go/iit/${c}/send`, {
      ...wholeForm('IIT'),
      access_code: 'ZZZZZZZZ',
      submission,
    });
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('รหัสเข้าตอบไม่ถูกต้องหรือถูกใช้ไปแล้ว');
    expect(html).toContain('href="#access_code"');
    expect(html).toContain('value="ZZZZZZZZ"');
    const ok = await b.post(`/go/iit/${c}/send`, {
      ...wholeForm('IIT'),
      access_code: right!,
      submission,
    });
    expect(ok.status).toBe(200);
    expect(await respondentCount(t.db, agency, 'IIT')).toBe(before + 1);
    await t.services.surveyLinks.setAccessCodes(SYSTEM_CLI, YEAR, agency, false, 0);
  });
});

describe('what respondents download, and what is cached', () => {
  it('sends the start page gzipped (from its template), whole, with the token, never stored', async () => {
    const b = browserFor(t.app);
    await b.get('/');
    const cookie = `itas_csrf=${b.jar.get('itas_csrf')}`;
    const plain = await t.app.request(`/go/iit/${code}`, { headers: { cookie } });
    for (let i = 0; i < 2; i++) {
      const res = await t.app.request(`/go/iit/${code}`, {
        headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('vary')).toContain('Accept-Encoding');
      const { gunzipSync } = await import('node:zlib');
      const html = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
      expect(html).toContain(`name="_csrf" value="${b.jar.get('itas_csrf')}"`);
      expect(html).not.toContain('placeholder');
      // The same page as uncompressed but for the sealed id (fresh at every request).
      const strip = (s: string) => s.replace(/name="submission" value="[\w-]+"/, '');
      expect(strip(html)).toBe(strip(await plain.clone().text()));
    }
  });

  it('revalidates the thanks page by ETag (304) and keeps step pages out of caches', async () => {
    const first = await t.app.request(`/go/eit/${code}/thanks`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await t.app.request(`/go/eit/${code}/thanks`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const step = await t.app.request(`/go/eit/${code}/about`);
    expect(step.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the script and the stylesheet compressed (br, gzip) with an ETag and 304', async () => {
    for (const name of ['survey-steps.js', 'app.css']) {
      const br = await t.app.request(`/static/${name}`, {
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(br.headers.get('content-encoding')).toBe('br');
      const { brotliDecompressSync } = await import('node:zlib');
      const text = brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8');
      const identity = await (await t.app.request(`/static/${name}`)).text();
      expect(text).toBe(identity);
      const gz = await t.app.request(`/static/${name}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      const cached = await t.app.request(`/static/${name}`, {
        headers: { 'if-none-match': br.headers.get('etag')!, 'accept-encoding': 'br' },
      });
      expect(cached.status).toBe(304);
    }
  });
});

describe('the thanks page from its template', () => {
  it('is the same page gzipped or not, with one ETag', async () => {
    const plain = await t.app.request(`/go/iit/${code}/thanks`);
    const gz = await t.app.request(`/go/iit/${code}/thanks`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(
      await plain.text(),
    );
    expect(gz.headers.get('etag')).toBe(plain.headers.get('etag'));
  });
});
