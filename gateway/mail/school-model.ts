/** What every mail template may show about the school: its name, the portal's address, the help moment, whom to ask. */
import type { Config } from '../config/index.ts';
import type { Locale } from '../i18n/translate.ts';
import { upcomingSupportMoment } from '../school/support-moment.ts';
import { linkBase } from './create-mailer.ts';

export interface SchoolMailModel {
  schoolName: string;
  portalUrl: string;
  loginUrl: string;
  supportEmail?: string;
  /** The help moment at school (portal.supportMoment), when the school has one. */
  supportMoment?: { date: string; from: string; to: string; place: string };
}

/** `now`: the moment the mail is written; a help moment that is over by then is left out. */
export function schoolMailModel(config: Pick<Config, 'school' | 'server' | 'portal'>, locale: Locale, now: Date): SchoolMailModel {
  const base = linkBase(config);
  const moment = upcomingSupportMoment(config.portal?.supportMoment, now, config.school.timezone);
  return {
    schoolName: config.school.name,
    portalUrl: `${base}/`,
    loginUrl: `${base}/inloggen`,
    ...(config.school.supportEmail !== undefined && { supportEmail: config.school.supportEmail }),
    ...(moment && { supportMoment: { date: moment.date, from: moment.from, to: moment.to, place: moment.place[locale] } }),
  };
}

/** The language a mail to this account is written in: the parent's own choice, else the school's. */
export function mailLocale(account: { locale?: Locale }, config: Pick<Config, 'school'>): Locale {
  return account.locale ?? config.school.locale;
}
