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
};
