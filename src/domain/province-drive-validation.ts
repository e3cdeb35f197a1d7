// The province drive's forms checked: committee orders, coordinators, MOUs, training events and
// attendance (every problem at once, as codes: province-problems.ts).
import { err, ok, type Result } from './result.ts';
import { bare, problem, type Problem } from './problem.ts';
import type { CopiesLabel, DriveLabel } from './problem-params/province.ts';
import { parseTypedDay } from './calendar.ts';
import { arabicDigits } from './digits.ts';
import {
  isCommitteeRole,
  type CommitteeMemberInput,
  type CommitteeOrderInput,
  type CoordinatorInput,
  type MouInput,
  type TrainingEventInput,
} from './province-drive.ts';

// Typed Thai digits are kept as Arabic ones, the app's one convention (digits.ts).
const clean = (v: unknown): string =>
  typeof v === 'string' ? arabicDigits(v.trim().normalize('NFC')) : '';

/** A calendar day from a form, in either era (see parseTypedDay). Null if it is not one. */
export function parseDay(raw: string): string | null {
  return parseTypedDay(raw) ?? null;
}

function required(
  problems: Problem[],
  field: string,
  value: string,
  label: DriveLabel,
  max = 500,
): string {
  if (!value) problems.push(problem(field, 'drive_required', { label }));
  else if (value.length > max) problems.push(problem(field, 'drive_too_long', { label, max }));
  return value;
}

function day(problems: Problem[], field: string, raw: string, label: DriveLabel): string {
  if (!raw) {
    problems.push(problem(field, 'drive_required', { label }));
    return '';
  }
  const d = parseDay(raw);
  if (!d) problems.push(problem(field, 'drive_day_invalid', { label }));
  return d ?? '';
}

/**
 * A committee order from a form: the order's fields, then member rows `members[i][field]`.
 * Rows with every field empty are ignored (the form offers spare rows).
 */
export function validateCommitteeOrder(
  form: Record<string, string>,
): Result<CommitteeOrderInput, Problem[]> {
  const p: Problem[] = [];
  const number = required(p, 'number', clean(form.number), 'order_number', 100);
  const orderedOn = day(p, 'orderedOn', clean(form.orderedOn), 'order_date');
  const title = required(p, 'title', clean(form.title), 'title');
  const signer = required(p, 'signer', clean(form.signer), 'signer', 200);
  const members: CommitteeMemberInput[] = [];
  for (let i = 0; i < 200; i++) {
    const name = clean(form[`members[${i}][name]`]);
    const position = clean(form[`members[${i}][position]`]);
    const office = clean(form[`members[${i}][office]`]);
    const role = clean(form[`members[${i}][role]`]);
    if (!name && !position && !office) continue;
    const row = { row: i + 1 };
    if (!position) p.push(problem(`members-${i}-position`, 'member_position_missing', row));
    if (!office) p.push(problem(`members-${i}-office`, 'member_office_missing', row));
    if (!isCommitteeRole(role)) p.push(problem(`members-${i}-role`, 'member_role_missing', row));
    else members.push({ name: name || null, position, office, role });
  }
  if (members.length === 0 && !p.some((x) => x.field?.startsWith('members')))
    p.push(bare('members-0-position', 'members_none'));
  return p.length ? err(p) : ok({ number, orderedOn, title, signer, members });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const PHONE = /^[0-9+\-() ]{6,40}(ต่อ\s*[0-9]+)?$|^[0-9+\-() ]{6,40}(ext\.?\s*[0-9]+)?$/i;

/** The agency a coordinator's form names, as its validation keeps it ('' if none). */
export function coordinatorAgencyCode(form: Record<string, string>): string {
  return clean(form.agencyCode);
}

export function validateCoordinator(
  form: Record<string, string>,
): Result<CoordinatorInput, Problem[]> {
  const p: Problem[] = [];
  const agencyCode = coordinatorAgencyCode(form);
  if (!agencyCode) p.push(bare('agencyCode', 'coordinator_agency_missing'));
  const name = required(p, 'name', clean(form.name), 'name', 200);
  const position = required(p, 'position', clean(form.position), 'position', 200);
  const email = clean(form.email).toLowerCase();
  if (!EMAIL.test(email)) p.push(bare('email', 'email_invalid'));
  const phone = clean(form.phone);
  if (!PHONE.test(phone)) p.push(bare('phone', 'phone_invalid'));
  const fax = clean(form.fax);
  if (fax && !PHONE.test(fax)) p.push(bare('fax', 'fax_invalid'));
  return p.length ? err(p) : ok({ agencyCode, name, position, email, phone, fax: fax || null });
}

function optionalCount(p: Problem[], field: string, raw: string, label: CopiesLabel) {
  if (!raw) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    p.push(problem(field, 'copies_invalid', { label }));
    return null;
  }
  return n;
}

/** An http(s) URL, or null. */
export function parseUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function validateMou(form: Record<string, string>): Result<MouInput, Problem[]> {
  const p: Problem[] = [];
  const level = clean(form.level) === 'district' ? 'district' : 'province';
  const district = clean(form.district) || null;
  if (level === 'district' && !district) p.push(bare('district', 'mou_district_missing'));
  const partyName = required(p, 'partyName', clean(form.partyName), 'party', 300);
  const firstSigner = required(p, 'firstSigner', clean(form.firstSigner), 'first_signer', 200);
  const rawDay = clean(form.signedOn);
  const signedOn = rawDay ? day(p, 'signedOn', rawDay, 'signing_date') || null : null;
  const rawUrl = clean(form.publishedUrl);
  const publishedUrl = rawUrl ? parseUrl(rawUrl) : null;
  if (rawUrl && !publishedUrl) p.push(bare('publishedUrl', 'published_url_invalid'));
  if (publishedUrl && !signedOn) p.push(bare('signedOn', 'published_url_needs_signing'));
  const copiesMade = optionalCount(p, 'copiesMade', clean(form.copiesMade), 'copies_made');
  const copiesKept = optionalCount(p, 'copiesKept', clean(form.copiesKept), 'copies_kept');
  const copiesSent = optionalCount(p, 'copiesSent', clean(form.copiesSent), 'copies_sent');
  if (copiesMade !== null && (copiesKept ?? 0) + (copiesSent ?? 0) > copiesMade)
    p.push(bare('copiesKept', 'copies_exceed'));
  const witnesses = clean(form.witnesses)
    .split(/\r?\n/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 10);
  return p.length
    ? err(p)
    : ok({
        level,
        district: level === 'district' ? district : null,
        partyName,
        agencyCode: clean(form.agencyCode) || null,
        firstSigner,
        partySigner: clean(form.partySigner) || null,
        signedOn,
        place: clean(form.place) || null,
        witnesses,
        copiesMade,
        copiesKept,
        copiesSent,
        publishedUrl,
      });
}

export function validateTrainingEvent(
  form: Record<string, string>,
): Result<TrainingEventInput, Problem[]> {
  const p: Problem[] = [];
  const title = required(p, 'title', clean(form.title), 'training_title');
  const heldOn = day(p, 'heldOn', clean(form.heldOn), 'training_date');
  const place = required(p, 'place', clean(form.place), 'place', 300);
  const audience = required(p, 'audience', clean(form.audience), 'audience', 300);
  return p.length ? err(p) : ok({ title, heldOn, place, audience });
}

export function validateAttendance(
  form: Record<string, string>,
): Result<{ partyName: string; agencyCode: string | null; people: number }, Problem[]> {
  const p: Problem[] = [];
  const agencyCode = clean(form.agencyCode) || null;
  const partyName = clean(form.partyName);
  if (!agencyCode && !partyName) p.push(bare('agencyCode', 'attendance_party_missing'));
  const people = Number(clean(form.people));
  if (!Number.isInteger(people) || people < 1 || people > 1000)
    p.push(bare('people', 'attendance_people_invalid'));
  return p.length ? err(p) : ok({ partyName, agencyCode, people });
}
