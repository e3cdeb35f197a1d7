// What a view needs to know about the request it renders for.
import type { Messages } from '../i18n/th.ts';
import type { Lang } from '../i18n/types.ts';

export interface PageContext {
  lang: Lang;
  t: Messages;
  /** The current path and query, so the language switch returns here. */
  path: string;
  nonce: string | undefined;
  /** Put in every POST form as `_csrf` (see CsrfField). */
  csrfToken: string;
  /** The signed-in person, for the header; absent when signed out. */
  user?: {
    name: string;
    isAdmin: boolean;
    provinces?: string[];
    /** Agencies the person administers, and whether they audit: for the menu's links. */
    agencies?: string[];
    auditor?: boolean;
  };
  /** A NACC preview of a respondent's or agency's page: labelled, nothing can be submitted. */
  preview?: boolean;
}
