// Reminders to coordinators: editable Thai templates per province, a preview of every message,
// then sending through the mail outbox; each sending is recorded and audited.
import type { Actor } from '../domain/actor.ts';
import type { Agency } from '../domain/agency.ts';
import { fillTemplate } from '../domain/province-drive.ts';
import { bare, type Problem } from '../domain/problem.ts';
import { err, ok, type Refused, type Result } from '../domain/result.ts';
import { formatInteger } from '../i18n/format.ts';
import { messagesFor } from '../i18n/messages.ts';
import * as drive from '../storage/province-drive.repository.ts';
import { recordAudit } from './audit.service.ts';
import { forbidden } from './errors.ts';
import type { MailMessage } from './mail.service.ts';
import {
  canEditProvince,
  type Form,
  type ProvinceDriveService,
  type Workspace,
} from './province-drive.service.ts';
import type { ProvinceProgressService } from './province-progress.service.ts';
import type { ServiceContext } from './service-options.ts';

export interface ReminderDeps {
  drive: ProvinceDriveService;
  progress: Pick<ProvinceProgressService, 'board'>;
  mail: { send(m: MailMessage): Promise<number> };
}

export interface ReminderInput {
  codes: string[];
  subject: string;
  body: string;
}

export function createProvinceReminderService({
  db,
  clock,
  ...deps
}: Pick<ServiceContext, 'db' | 'clock'> & ReminderDeps) {
  /**
   * The messages a reminder would send: one per agency, to its coordinators, with the
   * template filled from the board. Agencies without coordinators are listed apart.
   */
  async function previewReminder(
    actor: Actor,
    w: Workspace,
    input: ReminderInput,
  ): Promise<
    Result<
      {
        messages: { agency: Agency; to: string[]; subject: string; body: string }[];
        unreachable: Agency[];
      },
      Problem[]
    >
  > {
    const rows = await deps.progress.board(actor, w);
    const chosen = rows.filter((r) => input.codes.includes(r.agency.code));
    const p: Problem[] = [];
    if (!chosen.length) p.push(bare('codes', 'reminder_agencies_missing'));
    if (!input.subject.trim()) p.push(bare('subject', 'reminder_subject_missing'));
    if (!input.body.trim()) p.push(bare('body', 'reminder_body_missing'));
    if (p.length) return err(p);
    const coords = await drive.findCoordinators(
      db,
      w.fiscalYear,
      chosen.map((r) => r.agency.code),
    );
    const reasons = messagesFor('th').province.board.reasons;
    const messages = [];
    const unreachable = [];
    for (const r of chosen) {
      const to = coords.filter((c) => c.agencyCode === r.agency.code).map((c) => c.email);
      if (!to.length) {
        unreachable.push(r.agency);
        continue;
      }
      const values = {
        agency: r.agency.nameTh,
        province: w.province,
        year: String(w.fiscalYear),
        iit: formatInteger(r.iit, 'th'),
        iitMin: r.iitMin === null ? '–' : formatInteger(r.iitMin, 'th'),
        eit: formatInteger(r.eit, 'th'),
        eitMin: r.eitMin === null ? '–' : formatInteger(r.eitMin, 'th'),
        oit: `${r.oitSubmitted}/${r.oitTotal}`,
        missing: r.reasons.map((x) => `- ${reasons[x]}`).join('\n') || '-',
      };
      messages.push({
        agency: r.agency,
        to,
        subject: fillTemplate(input.subject, values),
        body: fillTemplate(input.body, values),
      });
    }
    return ok({ messages, unreachable });
  }

  async function reminderTemplates(actor: Actor, w: Workspace) {
    await deps.drive.checkRead(actor, w);
    const saved = await drive.findReminderTemplates(db, w.province);
    const defaults = messagesFor('th').province.reminders.defaults;
    return Object.entries(defaults).map(([key, d]) => {
      const s = saved.find((x) => x.key === key);
      return { key, subject: s?.subject ?? d.subject, body: s?.body ?? d.body };
    });
  }

  async function reminders(actor: Actor, w: Workspace) {
    await deps.drive.checkRead(actor, w);
    return drive.findReminders(db, w.province, w.fiscalYear);
  }

  /** The reminders page in one call: the board, the templates and the reminders sent. */
  async function page(actor: Actor, w: Workspace) {
    const [rows, templates, history] = await Promise.all([
      deps.progress.board(actor, w),
      reminderTemplates(actor, w),
      reminders(actor, w),
    ]);
    return { rows, templates, history };
  }
  type RemindersPage = Awaited<ReturnType<typeof page>>;
  type Preview = Extract<Awaited<ReturnType<typeof previewReminder>>, { ok: true }>['value'];

  return {
    previewReminder,

    /** The preview with the page it is shown on (the page again with the problems if refused). */
    async previewPage(
      actor: Actor,
      w: Workspace,
      input: ReminderInput,
    ): Promise<{ ok: true; value: Preview; page: RemindersPage } | Refused<RemindersPage>> {
      const r = await previewReminder(actor, w, input);
      return { ...r, page: await page(actor, w) };
    },

    reminderTemplates,

    /** Saves the province's wording of a template; the page comes back either way (shown again). */
    async saveReminderTemplate(
      actor: Actor,
      w: Workspace,
      form: Form,
    ): Promise<{ ok: true; value: true; page: RemindersPage } | Refused<RemindersPage>> {
      await deps.drive.checkRead(actor, w);
      if (!canEditProvince(actor, w.province)) throw forbidden(bare('', 'officers_only_templates'));
      const refused = async (error: Problem[]) => ({
        ok: false as const,
        error,
        page: await page(actor, w),
      });
      const key = form.key ?? '';
      const defaults = messagesFor('th').province.reminders.defaults;
      if (!(key in defaults)) return refused([bare('key', 'template_unknown')]);
      const subject = (form.subject ?? '').trim();
      const body = (form.body ?? '').trim();
      const p: Problem[] = [];
      if (!subject || subject.length > 200) p.push(bare('subject', 'template_subject_invalid'));
      if (!body || body.length > 5000) p.push(bare('body', 'template_body_invalid'));
      if (p.length) return refused(p);
      await db.transaction().execute(async (tx) => {
        await drive.saveReminderTemplate(tx, w.province, { key, subject, body });
        await recordAudit(tx, {
          actor,
          action: 'drive.reminder_template.update',
          recordType: 'reminder_template',
          recordId: `${w.province}/${key}`,
          after: { subject, body },
        });
      });
      return { ok: true, value: true, page: await page(actor, w) };
    },

    /** Sends the previewed reminder through the mail outbox and records it. */
    async sendReminder(
      actor: Actor,
      w: Workspace,
      input: ReminderInput,
    ): Promise<{ ok: true; value: { sent: number; id: string } } | Refused<RemindersPage>> {
      await deps.drive.checkRead(actor, w);
      if (!canEditProvince(actor, w.province)) throw forbidden(bare('', 'officers_only_reminders'));
      const refused = async (error: Problem[]) => ({
        ok: false as const,
        error,
        page: await page(actor, w),
      });
      const preview = await previewReminder(actor, w, input);
      if (!preview.ok) return refused(preview.error);
      const { messages } = preview.value;
      if (!messages.length) return refused([bare('codes', 'reminder_no_recipients')]);
      let sent = 0;
      for (const m of messages)
        for (const to of m.to) {
          await deps.mail.send({ to, subject: m.subject, text: m.body });
          sent++;
        }
      const sentBy =
        actor.kind === 'user'
          ? actor.email
          : actor.kind === 'system'
            ? `system:${actor.label}`
            : 'anonymous';
      const id = await db.transaction().execute(async (tx) => {
        const id = await drive.insertReminder(tx, {
          province: w.province,
          fiscalYear: w.fiscalYear,
          subject: input.subject,
          body: input.body,
          agencyCodes: messages.map((m) => m.agency.code),
          recipients: sent,
          sentBy,
          sentAt: clock(),
        });
        await recordAudit(tx, {
          actor,
          action: 'drive.reminder.send',
          recordType: 'reminder',
          recordId: id,
          after: { agencies: messages.map((m) => m.agency.code), recipients: sent },
        });
        return id;
      });
      return ok({ sent, id });
    },

    page,

    reminders,
  };
}

export type ProvinceReminderService = ReturnType<typeof createProvinceReminderService>;
