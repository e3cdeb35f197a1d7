// English text of signing in, passwords, one's own account, the e-mails sent, and the 403 page.
import type { Widen } from '../types.ts';
import type { accounts as th } from '../th/accounts.ts';

export const accounts: Widen<typeof th> = {
  header: { signIn: 'Sign in', signOut: 'Sign out', account: 'My account' },
  roles: {
    nacc_admin: 'NACC administrator',
    auditor: 'Assessment auditor',
    province_officer: 'Province officer',
    agency_admin: 'Agency administrator',
  },
  scopeLabel: { none: 'All agencies', agency: 'Agency', province: 'Province' },
  signIn: {
    title: 'Sign in',
    lead: 'For NACC staff, assessment auditors, province officers and agency administrators',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgotten your password',
    emailMissing: 'Enter your e-mail address',
    passwordMissing: 'Enter your password',
    invalid: 'The e-mail or password is not right. Check them and try again.',
    locked: (minutes: number) =>
      `There have been too many attempts to sign in. For your security, wait about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again, or set a new password with “Forgotten your password”.`,
    signedOut: 'You have signed out',
    passwordSet: 'Your password is set. Sign in with your new password.',
  },
  forgot: {
    title: 'Forgotten your password',
    lead: 'Enter the e-mail you sign in with. We will send a link to set a new password; it works once, within 1 hour.',
    submit: 'Send the link',
    sentTitle: 'Check your e-mail',
    sentBody:
      'If this address has an account, we have sent it a link to set a new password. The link works once, within 1 hour.',
  },
  reset: {
    title: 'Set a new password',
    submit: 'Save the new password',
    badLinkTitle: 'This link no longer works',
    badLinkBody:
      'It may have expired or been used already. Ask for a new one on “Forgotten your password”.',
  },
  invitation: {
    title: 'Set your password to start',
    lead: (email: string) =>
      `You have been invited to Open ITAS as ${email}. Set a password to start.`,
    submit: 'Set password and start',
    badLinkBody:
      'The invitation may have expired (7 days) or been used already. Ask an administrator for a new one.',
  },
  password: {
    newLabel: 'New password',
    hint: 'At least 10 characters; a sentence or several words you can remember is fine',
    confirmLabel: 'Confirm the new password',
    currentLabel: 'Current password',
    tooShort: 'The password must be at least 10 characters long',
    tooLong: 'The password must be at most 200 characters long',
    mismatch: 'The two passwords are not the same',
    wrongCurrent: 'The current password is not right',
  },
  account: {
    title: 'My account',
    name: 'Name',
    email: 'E-mail',
    roles: 'Roles and scopes',
    noRoles: 'No role yet',
    changeTitle: 'Change password',
    changeSubmit: 'Change password',
    changed: 'Password changed. Other devices that were signed in have been signed out.',
    everywhereTitle: 'Sign out everywhere',
    everywhereLead:
      'Use this if you forgot to sign out on another device, or think someone else used your account.',
    everywhereSubmit: 'Sign out everywhere',
  },
  errors: {
    signInFirst: 'Sign in first',
    forbiddenTitle: 'You do not have access to this page',
    forbiddenBody:
      'Your account has no role or scope that allows this page. If you think it should, contact a NACC administrator.',
  },
  mail: {
    resetSubject: 'Set a new Open ITAS password',
    resetBody: (name: string, link: string) =>
      `Dear ${name},\n\nSomeone asked to set a new password for your Open ITAS account. Open this link to set it (it works once, within 1 hour):\n\n${link}\n\nIf it was not you, do nothing; your password stays as it is.`,
    inviteSubject: 'Your invitation to Open ITAS',
    inviteBody: (name: string, link: string) =>
      `Dear ${name},\n\nYou have been invited to Open ITAS, the Integrity and Transparency Assessment system. Open this link to set your password (it works once, within 7 days):\n\n${link}`,
  },
};
