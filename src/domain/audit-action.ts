// Every kind of entry in the audit log, as `<record>.<verb>`. A closed list so that the audit page can
// describe each one in Thai and English (the i18n catalogue must name them all: the compiler checks).
export const AUDIT_ACTIONS = [
  'agency.profile.update',
  'calendar.set',
  'calendar.extend',
  'database.backup',
  'drive.committee.create',
  'drive.coordinator.create',
  'drive.coordinator.delete',
  'drive.mou.create',
  'drive.mou.update',
  'drive.reminder.send',
  'drive.reminder_template.update',
  'drive.training.create',
  'drive.training.attendance',
  'framework.import',
  'framework.replace',
  'framework.texts',
  'oit.assign',
  'oit.item.save',
  'oit.item.score',
  'oit.item.re_review',
  'oit.submit',
  'oit.review.finish',
  'oit.dispute',
  'oit.confirm',
  'publication.exception.add',
  'publication.exception.remove',
  'results.item_results.load',
  'session.sign_in',
  'session.sign_out_everywhere',
  'survey_link.access_codes',
  'survey_link.rotate',
  'survey_target.set',
  'user.create',
  'user.invite',
  'user.invitation.accept',
  'user.enable',
  'user.disable',
  'user.password.change',
  'user.password.reset',
  'user.role.grant',
  'user.role.revoke',
  'user.sign_in_limited',
  'year.create',
  'year.framework.move',
  'year.publish',
  'year.unpublish',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(s: string): s is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(s);
}

/** One entry of the audit log, as stored and as the audit page and its export show it. */
export interface AuditLogEntry {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorEmail: string;
  actorRoles: string;
  action: string;
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}
