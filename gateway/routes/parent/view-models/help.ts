/** The help page: the school's own text from config `portal`, in the page's language. */
import type { Locale } from '../../../i18n/translate.ts';
import { upcomingSupportMoment } from '../../../school/support-moment.ts';
import type { PortalText } from '../portal-text.ts';

export interface HelpView {
  howItWorks: string[];
  supportMoment?: { date: string; from: string; to: string; place: string };
  agreements: string[];
  resultsNote: string;
}

/** "08:30" → "8.30" in Dutch (as the school writes it), "8:30" in English. */
export function clockTime(hhmm: string, locale: Locale): string {
  const [h = '0', m = '00'] = hhmm.split(':');
  return `${Number(h)}${locale === 'nl' ? '.' : ':'}${m}`;
}

/** `now` and `timeZone`: a help moment that is over is not shown. */
export function helpView(portal: PortalText, locale: Locale, now: Date, timeZone: string): HelpView {
  const moment = upcomingSupportMoment(portal.supportMoment, now, timeZone);
  return {
    howItWorks: portal.howItWorks.map((p) => p[locale]),
    supportMoment: moment && {
      date: moment.date,
      from: clockTime(moment.from, locale),
      to: clockTime(moment.to, locale),
      place: moment.place[locale],
    },
    agreements: portal.communicationAgreements.map((a) => a[locale]),
    resultsNote: portal.resultsNote[locale],
  };
}
