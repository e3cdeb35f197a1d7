// The province drive's forms checked: committee orders, coordinators, MOUs, training events and
// attendance (every problem at once, in Thai and English).
import { err, ok, type Problem, type Result } from './result.ts';
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

const problem = (field: string, th: string, en: string): Problem => ({
  code: 'invalid',
  field,
  th,
  en,
});

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
  th: string,
  en: string,
  max = 500,
): string {
  if (!value) problems.push(problem(field, `กรุณากรอก${th}`, `Enter the ${en}`));
  else if (value.length > max)
    problems.push(
      problem(field, `${th}ยาวเกิน ${max} ตัวอักษร`, `The ${en} is longer than ${max} characters`),
    );
  return value;
}

function day(problems: Problem[], field: string, raw: string, th: string, en: string): string {
  if (!raw) {
    problems.push(problem(field, `กรุณากรอก${th}`, `Enter the ${en}`));
    return '';
  }
  const d = parseDay(raw);
  if (!d)
    problems.push(
      problem(
        field,
        `${th}ไม่ถูกต้อง ใช้รูปแบบ วัน/เดือน/ปี พ.ศ. เช่น 3/2/2564`,
        `The ${en} is not a valid date: use day/month/year (BE), e.g. 3/2/2564`,
      ),
    );
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
  const number = required(p, 'number', clean(form.number), 'เลขที่คำสั่ง', 'order number', 100);
  const orderedOn = day(p, 'orderedOn', clean(form.orderedOn), 'วันที่สั่ง', 'order date');
  const title = required(p, 'title', clean(form.title), 'เรื่อง', 'title');
  const signer = required(p, 'signer', clean(form.signer), 'ผู้ลงนาม', 'signer', 200);
  const members: CommitteeMemberInput[] = [];
  for (let i = 0; i < 200; i++) {
    const name = clean(form[`members[${i}][name]`]);
    const position = clean(form[`members[${i}][position]`]);
    const office = clean(form[`members[${i}][office]`]);
    const role = clean(form[`members[${i}][role]`]);
    if (!name && !position && !office) continue;
    const row = `ลำดับที่ ${i + 1}`;
    const rowEn = `row ${i + 1}`;
    if (!position)
      p.push(
        problem(`members-${i}-position`, `${row}: กรุณากรอกตำแหน่ง`, `${rowEn}: enter the position`),
      );
    if (!office)
      p.push(problem(`members-${i}-office`, `${row}: กรุณากรอกสังกัด`, `${rowEn}: enter the office`));
    if (!isCommitteeRole(role))
      p.push(
        problem(
          `members-${i}-role`,
          `${row}: เลือกบทบาทในคณะกรรมการ`,
          `${rowEn}: choose the role in the committee`,
        ),
      );
    else members.push({ name: name || null, position, office, role });
  }
  if (members.length === 0 && !p.some((x) => x.field?.startsWith('members')))
    p.push(
      problem(
        'members-0-position',
        'กรุณากรอกกรรมการอย่างน้อยหนึ่งคน',
        'Enter at least one committee member',
      ),
    );
  return p.length ? err(p) : ok({ number, orderedOn, title, signer, members });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const PHONE = /^[0-9+\-() ]{6,40}(ต่อ\s*[0-9]+)?$|^[0-9+\-() ]{6,40}(ext\.?\s*[0-9]+)?$/i;

export function validateCoordinator(
  form: Record<string, string>,
): Result<CoordinatorInput, Problem[]> {
  const p: Problem[] = [];
  const agencyCode = clean(form.agencyCode);
  if (!agencyCode) p.push(problem('agencyCode', 'กรุณาเลือกหน่วยงาน', 'Choose the agency'));
  const name = required(p, 'name', clean(form.name), 'ชื่อ-นามสกุล', 'name', 200);
  const position = required(p, 'position', clean(form.position), 'ตำแหน่ง', 'position', 200);
  const email = clean(form.email).toLowerCase();
  if (!EMAIL.test(email))
    p.push(
      problem(
        'email',
        'กรุณากรอกอีเมลให้ถูกต้อง เช่น name@example.go.th',
        'Enter a valid e-mail address, e.g. name@example.go.th',
      ),
    );
  const phone = clean(form.phone);
  if (!PHONE.test(phone))
    p.push(
      problem(
        'phone',
        'กรุณากรอกหมายเลขโทรศัพท์ เช่น 0-5351-1192 ต่อ 27970',
        'Enter a phone number, e.g. 0-5351-1192 ext 27970',
      ),
    );
  const fax = clean(form.fax);
  if (fax && !PHONE.test(fax))
    p.push(problem('fax', 'หมายเลขโทรสารไม่ถูกต้อง', 'The fax number is not valid'));
  return p.length ? err(p) : ok({ agencyCode, name, position, email, phone, fax: fax || null });
}

function optionalCount(p: Problem[], field: string, raw: string, th: string, en: string) {
  if (!raw) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    p.push(problem(field, `${th}ต้องเป็นจำนวนเต็ม 0–100`, `${en} must be a whole number 0–100`));
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
  if (level === 'district' && !district)
    p.push(problem('district', 'กรุณากรอกอำเภอของบันทึกข้อตกลงระดับอำเภอ', 'Enter the district'));
  const partyName = required(
    p,
    'partyName',
    clean(form.partyName),
    'ชื่อหน่วยงานคู่ลงนาม',
    'party',
    300,
  );
  const firstSigner = required(
    p,
    'firstSigner',
    clean(form.firstSigner),
    'ผู้ลงนามฝ่ายจังหวัด/อำเภอ',
    'province or district signer',
    200,
  );
  const rawDay = clean(form.signedOn);
  const signedOn = rawDay ? day(p, 'signedOn', rawDay, 'วันที่ลงนาม', 'signing date') || null : null;
  const rawUrl = clean(form.publishedUrl);
  const publishedUrl = rawUrl ? parseUrl(rawUrl) : null;
  if (rawUrl && !publishedUrl)
    p.push(
      problem(
        'publishedUrl',
        'URL ที่เผยแพร่ต้องขึ้นต้นด้วย http:// หรือ https://',
        'The published URL must start with http:// or https://',
      ),
    );
  if (publishedUrl && !signedOn)
    p.push(
      problem(
        'signedOn',
        'บันทึกวันที่ลงนามก่อนบันทึก URL ที่เผยแพร่',
        'Record the signing date before the published URL',
      ),
    );
  const copiesMade = optionalCount(
    p,
    'copiesMade',
    clean(form.copiesMade),
    'จำนวนฉบับที่จัดทำ',
    'Copies made',
  );
  const copiesKept = optionalCount(
    p,
    'copiesKept',
    clean(form.copiesKept),
    'จำนวนฉบับที่เก็บไว้',
    'Copies kept',
  );
  const copiesSent = optionalCount(
    p,
    'copiesSent',
    clean(form.copiesSent),
    'จำนวนฉบับที่ส่งจังหวัด',
    'Copies sent',
  );
  if (copiesMade !== null && (copiesKept ?? 0) + (copiesSent ?? 0) > copiesMade)
    p.push(
      problem(
        'copiesKept',
        'ฉบับที่เก็บไว้รวมกับที่ส่งจังหวัดมากกว่าจำนวนที่จัดทำ',
        'Copies kept and sent exceed the copies made',
      ),
    );
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
  const title = required(p, 'title', clean(form.title), 'ชื่อการอบรม', 'title');
  const heldOn = day(p, 'heldOn', clean(form.heldOn), 'วันที่อบรม', 'date');
  const place = required(p, 'place', clean(form.place), 'สถานที่', 'place', 300);
  const audience = required(p, 'audience', clean(form.audience), 'กลุ่มเป้าหมาย', 'audience', 300);
  return p.length ? err(p) : ok({ title, heldOn, place, audience });
}

export function validateAttendance(
  form: Record<string, string>,
): Result<{ partyName: string; agencyCode: string | null; people: number }, Problem[]> {
  const p: Problem[] = [];
  const agencyCode = clean(form.agencyCode) || null;
  const partyName = clean(form.partyName);
  if (!agencyCode && !partyName)
    p.push(
      problem(
        'agencyCode',
        'เลือกหน่วยงาน หรือกรอกชื่อส่วนราชการ',
        'Choose an agency or enter an office',
      ),
    );
  const people = Number(clean(form.people));
  if (!Number.isInteger(people) || people < 1 || people > 1000)
    p.push(
      problem(
        'people',
        'จำนวนผู้เข้าอบรมต้องเป็นจำนวนเต็ม 1–1000',
        'People must be a whole number 1–1000',
      ),
    );
  return p.length ? err(p) : ok({ partyName, agencyCode, people });
}
