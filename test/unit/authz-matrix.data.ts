// The authorisation matrix: for every route of the app, what each role gets. When you add a
// route, add its entry here (the matrix test fails, naming the route, until you do).
//
// Outcomes: 'allow' — 2xx, or 3xx to anything but the sign-in page (also any status listed in
// `alsoAllowed`, e.g. 404 for a made-up one-time link: access passed, the link did not);
// 'forbid' — 403; 'sign-in' — 303 to /sign-in?next=….
import type { Who } from '../helpers/sessions.ts';

export type Outcome = 'allow' | 'forbid' | 'sign-in';

/** What the matrix test sets up: the demo agencies of Lamphun, one account per role (see
 * STANDARD_GRANTS in test/helpers/sessions.ts: auditor of 51-PAO and 51-SAO-01, officer of
 * ลำพูน, agency admin of 51-PRV), a spare user to administer, one outbox message, and years:
 * 2563 published with results, 2564 with every OIT and survey window open, 2565 ready to publish.
 * So "allow" means the action happened (2xx/3xx), not that a missing year answered 404. */
export interface Fixtures {
  targetUserId: string;
  outboxId: number;
}

export interface RouteCase {
  /** The concrete path requested (parameters filled in). */
  path: string | ((f: Fixtures) => string);
  /** Form fields for POST/PUT/PATCH/DELETE; the test adds a valid CSRF token. */
  form?: Record<string, string>;
  expect: Record<Who, Outcome>;
  alsoAllowed?: number[];
}

export const PUBLIC: Record<Who, Outcome> = {
  nacc_admin: 'allow',
  auditor: 'allow',
  province_officer: 'allow',
  agency_admin: 'allow',
  anonymous: 'allow',
};
export const SIGNED_IN: Record<Who, Outcome> = { ...PUBLIC, anonymous: 'sign-in' };
export const NACC_ONLY: Record<Who, Outcome> = {
  nacc_admin: 'allow',
  auditor: 'forbid',
  province_officer: 'forbid',
  agency_admin: 'forbid',
  anonymous: 'sign-in',
};

export const SIGN_IN_EMAIL = 'matrix-sign-in@test.example';
export const SIGN_IN_PASSWORD = 'matrix passphrase 2569';
const FAKE_TOKEN = 'x'.repeat(43);

/** Keys are `METHOD path` exactly as Hono lists them in app.routes. */
export const AUTHZ_MATRIX: Record<string, RouteCase> = {
  // Foundation
  'GET /healthz': { path: '/healthz', expect: PUBLIC },
  'GET /readyz': { path: '/readyz', expect: PUBLIC },
  // No session opens it: without BACKUP_TOKEN (as here) it is 404 for everyone; with it, only the
  // bearer token does (test/unit/backup-live-server.test.ts).
  'POST /ops/backup': { path: '/ops/backup', form: {}, expect: PUBLIC, alsoAllowed: [404] },
  'GET /static/*': { path: '/static/favicon.svg', expect: PUBLIC },
  'GET /favicon.ico': { path: '/favicon.ico', expect: PUBLIC },
  'GET /': { path: '/', expect: PUBLIC },
  'GET /lang/:lang{th|en}': { path: '/lang/en?next=%2F', expect: PUBLIC },
  'GET /agencies': { path: '/agencies', expect: PUBLIC },
  'GET /agencies/:code': { path: '/agencies/51-PRV', expect: PUBLIC },

  // Accounts (issue 4)
  'GET /sign-in': { path: '/sign-in', expect: PUBLIC },
  'GET /home': { path: '/home', expect: SIGNED_IN },
  'POST /sign-in': {
    path: '/sign-in',
    form: { email: SIGN_IN_EMAIL, password: SIGN_IN_PASSWORD, next: '/' },
    expect: PUBLIC,
  },
  'POST /sign-out': { path: '/sign-out', expect: PUBLIC },
  'GET /forgot-password': { path: '/forgot-password', expect: PUBLIC },
  'POST /forgot-password': {
    path: '/forgot-password',
    form: { email: 'nobody@test.example' },
    expect: PUBLIC,
  },
  'GET /reset-password/:token': {
    path: `/reset-password/${FAKE_TOKEN}`,
    expect: PUBLIC,
    alsoAllowed: [404],
  },
  'POST /reset-password/:token': {
    path: `/reset-password/${FAKE_TOKEN}`,
    form: { password: 'long enough passphrase', confirm: 'long enough passphrase' },
    expect: PUBLIC,
    alsoAllowed: [404],
  },
  'GET /invitation/:token': {
    path: `/invitation/${FAKE_TOKEN}`,
    expect: PUBLIC,
    alsoAllowed: [404],
  },
  'POST /invitation/:token': {
    path: `/invitation/${FAKE_TOKEN}`,
    form: { password: 'long enough passphrase', confirm: 'long enough passphrase' },
    expect: PUBLIC,
    alsoAllowed: [404],
  },
  // Results and publication (issues 7 and 13). 2563 is published with data: every page, download
  // and API answer is 200 for everyone. 2565 is ready to publish: the NACC's exception, removal,
  // publication and withdrawal each happen (303); everyone else is refused.
  'GET /results': { path: '/results', expect: PUBLIC },
  'GET /results/:year{[0-9]{4}}/agencies/:file': {
    path: '/results/2563/agencies/51-PRV',
    expect: PUBLIC,
  },
  'GET /results/:year{[0-9]{4}}/agencies/:code/calculation': {
    path: '/results/2563/agencies/51-PRV/calculation',
    expect: PUBLIC,
  },
  'GET /results/:year{[0-9]{4}}/rankings': { path: '/results/2563/rankings', expect: PUBLIC },
  'GET /results/:year{[0-9]{4}}/summary': { path: '/results/2563/summary', expect: PUBLIC },
  'GET /agencies/:code/results': { path: '/agencies/51-PRV/results', expect: PUBLIC },
  'GET /open-data': { path: '/open-data', expect: PUBLIC },
  'GET /open-data/:year{[0-9]{4}}/:file': {
    path: '/open-data/2563/answer-counts.csv',
    expect: PUBLIC,
  },
  'GET /api/v1/years/:year/results': { path: '/api/v1/years/2563/results', expect: PUBLIC },
  'GET /api/v1/years/:year/summary': { path: '/api/v1/years/2563/summary', expect: PUBLIC },
  'GET /api/v1/years/:year/rankings': { path: '/api/v1/years/2563/rankings', expect: PUBLIC },
  'GET /admin/publication': { path: '/admin/publication', expect: NACC_ONLY },
  'GET /admin/publication/:year{[0-9]{4}}': {
    path: '/admin/publication/2565',
    expect: NACC_ONLY,
  },
  'POST /admin/publication/:year{[0-9]{4}}/exceptions': {
    path: '/admin/publication/2565/exceptions',
    form: { agency: '51-TM-01', reason: 'ผู้ตรวจประเมินไม่ทันยืนยันผล' },
    expect: NACC_ONLY,
  },
  'POST /admin/publication/:year{[0-9]{4}}/exceptions/remove': {
    path: '/admin/publication/2565/exceptions/remove',
    form: { agency: '51-PRV' },
    expect: NACC_ONLY,
  },
  'POST /admin/publication/:year{[0-9]{4}}/publish': {
    path: '/admin/publication/2565/publish',
    form: { announcement_th: 'ประกาศผล', announcement_en: 'Results', confirm: 'yes' },
    expect: NACC_ONLY,
  },
  'POST /admin/publication/:year{[0-9]{4}}/unpublish': {
    path: '/admin/publication/2565/unpublish',
    expect: NACC_ONLY,
  },
  'GET /account': { path: '/account', expect: SIGNED_IN },
  'POST /account/password': {
    path: '/account/password',
    // Wrong current password: 422 shows the route was reached without changing anything.
    form: {
      current: 'not the password',
      password: 'new passphrase 2569',
      confirm: 'new passphrase 2569',
    },
    expect: SIGNED_IN,
    alsoAllowed: [422],
  },
  'POST /account/sign-out-everywhere': { path: '/account/sign-out-everywhere', expect: SIGNED_IN },
  'GET /admin/users': { path: '/admin/users', expect: NACC_ONLY },
  'POST /admin/users/invite': {
    path: '/admin/users/invite',
    form: {
      email: 'invited-by-matrix@test.example',
      name: 'Matrix',
      role: 'auditor',
      scope: '51-PAO',
    },
    expect: NACC_ONLY,
  },
  'GET /admin/users/:id': { path: (f) => `/admin/users/${f.targetUserId}`, expect: NACC_ONLY },
  'POST /admin/users/:id/roles': {
    path: (f) => `/admin/users/${f.targetUserId}/roles`,
    form: { role: 'auditor', scope: '51-SM-03' },
    expect: NACC_ONLY,
  },
  'POST /admin/users/:id/roles/remove': {
    path: (f) => `/admin/users/${f.targetUserId}/roles/remove`,
    form: { role: 'agency_admin', scope: '51-SM-02' },
    expect: NACC_ONLY,
  },
  'POST /admin/users/:id/disable': {
    path: (f) => `/admin/users/${f.targetUserId}/disable`,
    expect: NACC_ONLY,
  },
  'POST /admin/users/:id/enable': {
    path: (f) => `/admin/users/${f.targetUserId}/enable`,
    expect: NACC_ONLY,
  },
  'GET /admin/audit': { path: '/admin/audit?person=test.example', expect: NACC_ONLY },
  'GET /admin/audit.csv': { path: '/admin/audit.csv', expect: NACC_ONLY },
  'GET /admin/outbox': { path: '/admin/outbox', expect: NACC_ONLY },
  // Frameworks and years (issue 15.2, 15.3, 16.1)
  'GET /admin/frameworks': { path: '/admin/frameworks', expect: NACC_ONLY },
  // No file in the form: access passed, the upload did not.
  'POST /admin/frameworks/check': {
    path: '/admin/frameworks/check',
    form: {},
    expect: NACC_ONLY,
    alsoAllowed: [422],
  },
  'POST /admin/frameworks/import': {
    path: '/admin/frameworks/import',
    form: { framework_json: '{' },
    expect: NACC_ONLY,
    alsoAllowed: [422],
  },
  'GET /admin/frameworks/:id': { path: '/admin/frameworks/ita-2563', expect: NACC_ONLY },
  'GET /admin/frameworks/:id/export': {
    path: '/admin/frameworks/ita-2563/export',
    expect: NACC_ONLY,
  },
  'GET /admin/frameworks/:id/diff': {
    path: '/admin/frameworks/ita-2563/diff?with=ita-2566',
    expect: NACC_ONLY,
  },
  'GET /admin/frameworks/:id/preview': {
    path: '/admin/frameworks/ita-2563/preview',
    expect: NACC_ONLY,
  },
  'GET /admin/frameworks/:id/preview/oit': {
    path: '/admin/frameworks/ita-2563/preview/oit',
    expect: NACC_ONLY,
  },
  'GET /admin/frameworks/:id/preview/:tool/:step': {
    path: '/admin/frameworks/ita-2563/preview/iit/page-1',
    expect: NACC_ONLY,
  },
  'GET /admin/years': { path: '/admin/years', expect: NACC_ONLY },
  'POST /admin/years': {
    path: '/admin/years',
    form: { year: '2590', framework: 'ita-2566' },
    expect: NACC_ONLY,
    alsoAllowed: [409],
  },
  'GET /admin/years/:year/framework': {
    path: '/admin/years/2564/framework?framework=ita-2566',
    expect: NACC_ONLY,
    alsoAllowed: [409],
  },
  // A year that does not exist: access passed (the service checks the actor first), no year moved.
  'POST /admin/years/:year/framework': {
    path: '/admin/years/2599/framework',
    form: { framework: 'ita-2566' },
    expect: NACC_ONLY,
    alsoAllowed: [404],
  },
  'GET /admin/outbox/:id{[0-9]+}': {
    path: (f) => `/admin/outbox/${f.outboxId}`,
    expect: NACC_ONLY,
  },
  'GET /agencies/:code/profile': {
    path: '/agencies/51-PAO/profile',
    expect: {
      nacc_admin: 'allow',
      auditor: 'allow',
      province_officer: 'allow',
      agency_admin: 'forbid',
      anonymous: 'sign-in',
    },
  },
  'POST /agencies/:code/profile': {
    path: '/agencies/51-PRV/profile',
    form: { website: 'https://www.lamphun.go.th', staff: '3500' },
    expect: {
      nacc_admin: 'allow',
      auditor: 'forbid',
      province_officer: 'forbid',
      agency_admin: 'allow',
      anonymous: 'sign-in',
    },
  },

  // The province's drive (issue 8): officers of ลำพูน act; the NACC reads; others are refused.
  ...provinceDriveMatrix(),
  // OIT (issue 6)
  ...oitMatrix(),
  // Surveys (issue 5)
  ...surveyMatrix(),
};

function provinceDriveMatrix(): Record<string, RouteCase> {
  const P = '/province/:province/:year{[0-9]{4}}';
  const at = `/province/${encodeURIComponent('ลำพูน')}/2564`;
  const READ: Record<Who, Outcome> = {
    nacc_admin: 'allow',
    auditor: 'forbid',
    province_officer: 'allow',
    agency_admin: 'forbid',
    anonymous: 'sign-in',
  };
  const WRITE: Record<Who, Outcome> = { ...READ, nacc_admin: 'forbid' };
  return {
    'GET /province/:province': { path: `/province/${encodeURIComponent('ลำพูน')}`, expect: READ },
    [`GET ${P}`]: { path: at, expect: READ },
    [`GET ${P}/committee`]: { path: `${at}/committee`, expect: READ },
    [`POST ${P}/committee`]: {
      path: `${at}/committee`,
      form: {
        number: '1/2564',
        orderedOn: '3/2/2564',
        title: 'แต่งตั้งคณะกรรมการ',
        signer: 'ผู้ว่าราชการจังหวัด',
        'members[0][position]': 'รองผู้ว่าราชการจังหวัด',
        'members[0][office]': 'ศาลากลางจังหวัด',
        'members[0][role]': 'chair',
      },
      expect: WRITE,
    },
    [`GET ${P}/committee/:id/roster`]: {
      path: `${at}/committee/999999/roster`,
      expect: READ,
      alsoAllowed: [404],
    },
    [`GET ${P}/coordinators`]: {
      path: `${at}/coordinators`,
      expect: { ...READ, agency_admin: 'allow' },
    },
    [`POST ${P}/coordinators`]: {
      path: `${at}/coordinators`,
      form: {
        agencyCode: '51-PRV',
        name: 'ทดสอบ',
        position: 'นักวิเคราะห์',
        email: 'c@test.example',
        phone: '053-511192',
      },
      expect: { ...READ, agency_admin: 'allow' },
    },
    [`POST ${P}/coordinators/:id/delete`]: {
      path: `${at}/coordinators/999999/delete`,
      expect: { ...WRITE, agency_admin: 'allow' },
      alsoAllowed: [404],
    },
    [`GET ${P}/coordinators.csv`]: { path: `${at}/coordinators.csv`, expect: READ },
    [`GET ${P}/mous`]: { path: `${at}/mous`, expect: READ },
    [`POST ${P}/mous`]: {
      path: `${at}/mous`,
      form: { level: 'province', partyName: 'สำนักงานทดสอบ', firstSigner: 'ผู้ว่าราชการจังหวัด' },
      expect: WRITE,
    },
    [`GET ${P}/mous/:id{[0-9]+}`]: { path: `${at}/mous/999999`, expect: READ, alsoAllowed: [404] },
    [`GET ${P}/mous/:id{[0-9]+}/print`]: {
      path: `${at}/mous/999999/print`,
      expect: READ,
      alsoAllowed: [404],
    },
    [`GET ${P}/training`]: { path: `${at}/training`, expect: READ },
    [`POST ${P}/training`]: {
      path: `${at}/training`,
      form: { title: 'อบรม', heldOn: '8/3/2564', place: 'ศาลากลาง', audience: 'ส่วนราชการ' },
      expect: WRITE,
    },
    [`POST ${P}/training/:id{[0-9]+}/attendance`]: {
      path: `${at}/training/999999/attendance`,
      form: { agencyCode: '51-PRV', people: '2' },
      expect: WRITE,
      alsoAllowed: [404],
    },
    [`GET ${P}/progress`]: { path: `${at}/progress`, expect: READ },
    [`GET ${P}/progress.csv`]: { path: `${at}/progress.csv`, expect: READ },
    [`GET ${P}/reminders`]: { path: `${at}/reminders`, expect: READ },
    [`POST ${P}/reminders/preview`]: {
      path: `${at}/reminders/preview`,
      form: { codes: '51-PRV', subject: 'ติดตาม {{agency}}', body: 'ข้อความ', action: 'preview' },
      expect: READ,
    },
    [`GET ${P}/plan`]: { path: `${at}/plan`, expect: READ },
  };
}

// OIT (issue 6), in 2564 with every OIT window open; 51-PAO (the auditor's) has submitted. A step
// the agency's state does not allow yet is a 409 (or a 422 for a form): the check was passed.
function oitMatrix(): Record<string, RouteCase> {
  const Y = '/oit/:year{[0-9]{4}}';
  const y = '/oit/2564';
  const reached = [409, 422];
  const AGENCY_READ: Record<Who, Outcome> = {
    nacc_admin: 'allow',
    auditor: 'forbid',
    province_officer: 'allow',
    agency_admin: 'allow',
    anonymous: 'sign-in',
  };
  const AGENCY_WRITE: Record<Who, Outcome> = { ...AGENCY_READ, province_officer: 'forbid' };
  const AUDIT: Record<Who, Outcome> = {
    nacc_admin: 'allow',
    auditor: 'allow',
    province_officer: 'forbid',
    agency_admin: 'forbid',
    anonymous: 'sign-in',
  };
  const PROVINCE: Record<Who, Outcome> = { ...AUDIT, auditor: 'forbid', province_officer: 'allow' };
  const a = `${y}/agencies/51-PRV`;
  const r = `${y}/review/51-PAO`;
  return {
    'GET /oit': { path: '/oit', expect: SIGNED_IN },
    [`GET ${Y}/agencies/:code`]: { path: a, expect: AGENCY_READ, alsoAllowed: reached },
    [`POST ${Y}/agencies/:code/items/:item`]: {
      path: `${a}/items/O1`,
      form: { answer: 'has_not' },
      expect: AGENCY_WRITE,
      alsoAllowed: reached,
    },
    [`POST ${Y}/agencies/:code/items`]: {
      path: `${a}/items`,
      form: { 'O1-answer': 'has_not' },
      expect: AGENCY_WRITE,
      alsoAllowed: reached,
    },
    [`GET ${Y}/agencies/:code/submit`]: {
      path: `${a}/submit`,
      expect: AGENCY_READ,
      alsoAllowed: reached,
    },
    // Without confirm=yes the route only redirects to the confirmation page (which checks).
    [`POST ${Y}/agencies/:code/submit`]: {
      path: `${a}/submit`,
      form: { confirm: 'yes' },
      expect: AGENCY_WRITE,
      alsoAllowed: reached,
    },
    [`POST ${Y}/agencies/:code/disputes`]: {
      path: `${a}/disputes`,
      form: { 'dispute-O1': 'คำชี้แจง' },
      expect: AGENCY_WRITE,
      alsoAllowed: reached,
    },
    [`GET ${Y}/agencies/:code/history`]: {
      path: `${a}/history`,
      expect: AGENCY_READ,
      alsoAllowed: reached,
    },
    [`GET ${Y}/review`]: { path: `${y}/review`, expect: AUDIT, alsoAllowed: reached },
    [`GET ${Y}/review/:code`]: { path: r, expect: AUDIT, alsoAllowed: reached },
    [`POST ${Y}/review/:code/start`]: { path: `${r}/start`, expect: AUDIT, alsoAllowed: reached },
    [`POST ${Y}/review/:code/items/:item`]: {
      path: `${r}/items/O1`,
      form: { score: '100' },
      expect: AUDIT,
      alsoAllowed: reached,
    },
    [`POST ${Y}/review/:code/finish`]: { path: `${r}/finish`, expect: AUDIT, alsoAllowed: reached },
    [`POST ${Y}/review/:code/confirm`]: {
      path: `${r}/confirm`,
      expect: AUDIT,
      alsoAllowed: reached,
    },
    [`GET ${Y}/assign`]: { path: `${y}/assign`, expect: NACC_ONLY },
    // No such auditor: access passed, the auditor did not (the refusal's own 404).
    [`POST ${Y}/assign`]: {
      path: `${y}/assign`,
      form: { auditor: 'nobody@test.example', agency: '51-PAO' },
      expect: NACC_ONLY,
      alsoAllowed: [404],
    },
    [`POST ${Y}/assign/bulk`]: {
      path: `${y}/assign/bulk`,
      form: { auditor: 'nobody@test.example', type: 'sao', province: 'ลำพูน' },
      expect: NACC_ONLY,
      alsoAllowed: [404],
    },
    [`GET ${Y}/status`]: {
      path: `${y}/status?province=${encodeURIComponent('ลำพูน')}`,
      expect: PROVINCE,
      alsoAllowed: reached,
    },
  };
}

// Surveys (issue 5). The matrix has no assessment year and no survey link: a role that passes the
// access check gets the 404 naming the missing year (or the unknown link); respondents are public.
function surveyMatrix(): Record<string, RouteCase> {
  const MANAGE: Record<Who, Outcome> = {
    nacc_admin: 'allow',
    auditor: 'forbid',
    province_officer: 'forbid',
    agency_admin: 'allow',
    anonymous: 'sign-in',
  };
  const FOLLOW: Record<Who, Outcome> = {
    nacc_admin: 'allow',
    auditor: 'forbid',
    province_officer: 'allow',
    agency_admin: 'forbid',
    anonymous: 'sign-in',
  };
  const reached = [404, 422];
  const a = '/agencies/51-PRV/survey';
  const go = '/go/iit/abcdefghjk';
  return {
    'GET /admin/calendar': { path: '/admin/calendar', expect: NACC_ONLY, alsoAllowed: reached },
    'POST /admin/calendar': {
      path: '/admin/calendar',
      form: { phase: 'iit', from: '1/4/2569', to: '31/5/2569' },
      expect: NACC_ONLY,
      alsoAllowed: reached,
    },
    'GET /agencies/:code/survey': { path: a, expect: MANAGE, alsoAllowed: reached },
    'GET /agencies/:code/survey/qr/:file': {
      path: `${a}/qr/iit.svg`,
      expect: MANAGE,
      alsoAllowed: reached,
    },
    'GET /agencies/:code/survey/poster/:tool': {
      path: `${a}/poster/iit`,
      expect: MANAGE,
      alsoAllowed: reached,
    },
    'POST /agencies/:code/survey/rotate': {
      path: `${a}/rotate`,
      expect: MANAGE,
      alsoAllowed: reached,
    },
    'POST /agencies/:code/survey/targets': {
      path: `${a}/targets`,
      form: { iit_population: '100', eit_population: '1000' },
      expect: MANAGE,
      alsoAllowed: reached,
    },
    'POST /agencies/:code/survey/access-codes': {
      path: `${a}/access-codes`,
      form: { count: '0' },
      expect: MANAGE,
      alsoAllowed: reached,
    },
    'GET /survey-targets': { path: '/survey-targets', expect: FOLLOW, alsoAllowed: reached },
    'GET /survey-targets.csv': {
      path: '/survey-targets.csv',
      expect: FOLLOW,
      alsoAllowed: reached,
    },
    'GET /go/:tool/:code': { path: go, expect: PUBLIC, alsoAllowed: reached },
    'GET /go/:tool/:code/:step': { path: `${go}/about`, expect: PUBLIC, alsoAllowed: reached },
    'GET /go/:tool/:code/check': { path: `${go}/check`, expect: PUBLIC, alsoAllowed: reached },
    'GET /go/:tool/:code/thanks': { path: `${go}/thanks`, expect: PUBLIC, alsoAllowed: reached },
    'GET /go/:tool/:code/not-eligible': {
      path: `${go}/not-eligible`,
      expect: PUBLIC,
      alsoAllowed: reached,
    },
    'POST /go/:tool/:code/:step': {
      path: `${go}/about`,
      form: {},
      expect: PUBLIC,
      alsoAllowed: reached,
    },
    'POST /go/:tool/:code/submit': { path: `${go}/submit`, expect: PUBLIC, alsoAllowed: reached },
    'POST /go/:tool/:code/send': { path: `${go}/send`, expect: PUBLIC, alsoAllowed: reached },
    'POST /api/v1/surveys/:code/:tool': {
      path: '/api/v1/surveys/abcdefghjk/iit',
      expect: PUBLIC,
      // The matrix posts a form; the API takes JSON only (415), for everyone alike.
      alsoAllowed: [...reached, 415],
    },
    'GET /api/openapi.json': { path: '/api/openapi.json', expect: PUBLIC },
    'GET /frameworks/schema.json': { path: '/frameworks/schema.json', expect: PUBLIC },
  };
}
