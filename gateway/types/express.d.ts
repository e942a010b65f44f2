/**
 * Express type augmentation, in one place (the hmpps-template-typescript way).
 * `req.user` is what the auth middleware puts on a logged-in parent's request;
 * `res.locals` carries what every layout and page may read.
 */
import type { Locale } from '../i18n/translate.ts';
import type { SchoolContactView } from '../school/contact-view.ts';
import type { SisLabels } from '../school/sis-labels.ts';

declare global {
  namespace Express {
    interface User {
      /** Ouderpoort account id (store). */
      accountId: string;
      /** SIS guardian id of the account's owner. */
      guardianId: string;
      /** full: guardian with gezag; limited: operator-granted, never sees others' contact data. */
      scope: 'full' | 'limited';
      /** A limited account: the sections its grant covers today (privacy/grant.ts); absent for full. */
      sections?: string[];
    }

    interface Locals {
      /** Synchronizer token; every POST form renders it as a hidden `_csrf` field. */
      csrfToken?: string;
      /** Correlates a page (and its error pages) with the logs. */
      requestId?: string;
      /** Catalog locale of this response (i18n middleware). */
      locale?: Locale;
      /** Value of `<html lang>` (i18n middleware). */
      lang?: string;
      /** Links of the no-JavaScript language switch (i18n middleware). */
      languageSwitch?: Record<Locale, { href: string; current: boolean }>;
      /** Shown in the header; falls back to "Ouderpoort" (the app sets it on app.locals). */
      schoolName?: string;
      /** How to reach the school's office (gateway/school/contact-view.ts); absent when none is configured. */
      schoolContact?: SchoolContactView;
      /** Whether the school set an accent colour (/school.css) and a logo (/school/logo): gateway/school/look.ts. */
      schoolLook?: { stylesheet: boolean; logo: boolean };
      /** English for the SIS's own words (gateway/school/sis-labels.ts), for the `sisLabel` helper. */
      sisLabels?: SisLabels;
    }
  }
}

export {};
