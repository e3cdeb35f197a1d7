// The audit log page as an NACC administrator reads it: what happened in Thai words (the raw key kept
// small beside it), Buddhist Era times, the before/after JSON behind a toggle, and a date filter that
// understands days typed in either era.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/actor.ts';
import { AUDIT_ACTIONS } from '../../src/domain/audit-action.ts';
import { admin as enAdmin } from '../../src/i18n/en/admin.ts';
import { admin as thAdmin } from '../../src/i18n/th/admin.ts';
import { recordAudit } from '../../src/services/audit.service.ts';
import { createTestApp } from '../helpers/app.ts';
import { clientFor, createStandardAccounts, type Client } from '../helpers/sessions.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let nacc: Client;
beforeAll(async () => {
  t = await createTestApp();
  const csv = readFileSync('src/demo/data/lamphun-agencies.csv', 'utf8');
  await t.services.agencies.importAgencies(SYSTEM_CLI, 'demo.csv', csv);
  const ids = await createStandardAccounts(t.services);
  nacc = await clientFor(t.services, ids.nacc_admin);
});
afterAll(async () => t?.close());

const page = async (qs = '') => {
  const r = await t.app.request(`/admin/audit${qs}`, { headers: nacc.headers() });
  return { status: r.status, html: await r.text() };
};
const thisYearBE = new Date().getFullYear() + 543;

describe('the audit log page', () => {
  it('describes each entry in Thai, with a Buddhist Era time and the details behind a toggle', async () => {
    const { status, html } = await page();
    expect(status).toBe(200);
    expect(html).toContain('<strong>สร้างบัญชีผู้ใช้</strong> · บัญชีผู้ใช้');
    expect(html).toContain('<code class="muted audit-list__key">user.create</code>');
    expect(html).toContain(String(thisYearBE));
    expect(html).toContain('<summary>รายละเอียดการเปลี่ยนแปลง</summary>');
  });

  it('filters by days typed in the Buddhist Era or the Common Era alike', async () => {
    const be = await page(`?from=${encodeURIComponent(`1/1/${thisYearBE}`)}`);
    const ce = await page(`?from=${new Date().getFullYear()}-01-01`);
    expect(be.status).toBe(200);
    const count = (h: string) => (h.match(/<li>/g) ?? []).length;
    expect(count(be.html)).toBeGreaterThan(0);
    expect(count(be.html)).toBe(count(ce.html));
    const past = await page(`?to=${encodeURIComponent('31/12/2500')}`);
    expect(past.html).toContain('ไม่พบรายการตามเงื่อนไข');
  });

  it('shows the latest 50 entries in three short lines each, and offers more (issue 16)', async () => {
    for (let i = 0; i < 60; i++)
      await recordAudit(t.db, {
        actor: SYSTEM_CLI,
        action: 'user.create',
        recordType: 'user',
        recordId: `bulk-${i}`,
        after: { i },
      });
    // One toggle per entry.
    const count = (h: string) => (h.match(/<details class="audit-change">/g) ?? []).length;
    const first = await page();
    expect(count(first.html)).toBe(50);
    expect(first.html).toContain('แสดง 50 รายการล่าสุด');
    expect(first.html).toContain('href="/admin/audit?show=200">แสดง 200 รายการ</a>');
    // The request id sits behind the toggle with the raw change, not on a line of its own.
    expect(first.html).toMatch(
      /<details class="audit-change"><summary>[^<]+<\/summary>[\s\S]*?คำขอ: <code>/,
    );
    const more = await page('?show=200');
    expect(count(more.html)).toBeGreaterThan(60);
    expect(more.html).not.toContain('show=1000');
    // Anything else asked for is the default.
    expect(count((await page('?show=7')).html)).toBe(50);
  });

  it('refuses an impossible day with 422, saying how to type one, and keeps what was typed', async () => {
    const { status, html } = await page(`?from=${encodeURIComponent('31/2/2569')}`);
    expect(status).toBe(422);
    expect(html).toContain('พิมพ์เป็น วัน/เดือน/ปี พ.ศ.');
    expect(html).toContain('value="31/2/2569"');
  });

  it('has a Thai and an English description for every kind of entry', () => {
    for (const a of AUDIT_ACTIONS) {
      expect(thAdmin.audit.actions[a]).toMatch(/[\u0E00-\u0E7F]/);
      expect(enAdmin.audit.actions[a]).toMatch(/^[A-Z]/);
    }
  });
});
