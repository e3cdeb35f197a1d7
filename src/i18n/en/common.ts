// English text shared by every screen: the site frame, errors, paging.
import type { Widen } from '../types.ts';
import type { common as th } from '../th/common.ts';

export const common: Widen<typeof th> = {
  productName: 'Open ITAS',
  productTagline: 'Integrity and Transparency Assessment of Public Agencies',
  skipToContent: 'Skip to main content',
  switchLanguage: 'ภาษาไทย',
  switchLanguageLabel: 'เปลี่ยนเป็นภาษาไทย',
  nav: { home: 'Home', agencies: 'Agencies', openData: 'Open data' },
  footer: {
    about: 'Open ITAS is open-source software for the ITA assessment',
    licence: 'Data published under the Creative Commons Attribution 4.0 licence',
  },
  home: {
    title: 'Integrity and Transparency Assessment of public agencies',
    lead: 'Find an agency, follow its results, and answer the surveys from your phone.',
    searchLabel: 'Find an agency',
    searchHint: 'Type part of the agency name, e.g. ลำพูน',
    searchButton: 'Search',
    agenciesCount: (n: string) => `${n} agencies in the register`,
  },
  errors: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'Check the address, or go back to the home page.',
    serverTitle: 'Sorry, something went wrong',
    serverBody: 'The system had an internal problem. It has been logged. Please try again.',
    reference: (id: string) => `Reference ${id}`,
    backHome: 'Back to the home page',
    errorPrefix: 'Error: ',
    summaryTitle: 'There is a problem',
  },
  paging: {
    previous: 'Previous',
    next: 'Next',
    pageOf: (page: string, pages: string) => `Page ${page} of ${pages}`,
    label: 'Pagination',
  },
  input: {
    badBodyTitle: 'The data sent could not be read',
    badBody:
      'What was sent is not in a form the system can read. Go back, reload the page and try again.',
    tooLargeTitle: 'What was sent is too large',
    tooLarge: (mb: string) =>
      `At most ${mb} MB can be sent at once. Shorten the text and try again.`,
    badPath: 'The address of the page has characters that cannot be used. Check the address.',
    control: (field: string) =>
      `The field "${field}" contains a control character (such as NUL) that cannot be used. Remove it and try again.`,
    tooLong: (field: string, max: string) =>
      `The field "${field}" is longer than ${max} characters. Shorten it and try again.`,
    tooManyFields: 'The form sent has too many fields.',
    fields: {
      email: 'E-mail',
      password: 'Password',
      current: 'Current password',
      confirm: 'Confirm password',
      name: 'Name',
      note: 'Note',
      comment: 'Comment',
      urls: 'Web addresses (URLs)',
      dispute: 'Explanation',
      announcement_th: 'Announcement (Thai)',
      announcement_en: 'Announcement (English)',
      body: 'Message',
      witnesses: 'Witnesses',
      title: 'Title',
      auditor: 'Auditor',
      agency: 'Agency',
      province: 'Province',
      next: 'Next page (next)',
    },
  },
};
