/**
 * The e-mail to the administration for a school whose SIS cannot take absence reports: which
 * child, which day and part, the reason (geoorloofd or not) and the parent's note, with the
 * reference the parent also sees. Plain text in the school's language; the Message-ID comes from
 * the delivery key, so a mail re-sent after a crash mid-delivery is recognisably the same one.
 */
import type { Locale } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import type { MailMessage } from '../mail/types.ts';
import { mailDay, staffNotice } from '../mail/staff-notice.ts';
import type { AbsenceReportPayload } from './types.ts';

export interface AbsenceMailOptions {
  to: string;
  locale: Locale;
  schoolName: string;
  deliveryKey: string;
  messageIdHost?: string;
}

export function absenceMail(payload: AbsenceReportPayload, options: AbsenceMailOptions): MailMessage {
  const { locale } = options;
  const { report } = payload;
  return staffNotice('absenceReport', payload, options, [
    `${t(locale, 'absenceReport.mail.date')}: ${mailDay(locale, report.date, { dateStyle: 'full' })}, ${t(locale, `dayPart.${report.dayPart}`)}`,
    `${t(locale, 'absenceReport.mail.reason')}: ${report.reason.text} (${t(locale, report.authorised ? 'absenceReport.mail.authorised' : 'absenceReport.mail.unauthorised')})`,
    ...(report.note ? [`${t(locale, 'absenceReport.mail.note')}: ${report.note}`] : []),
    '',
    t(locale, 'absenceReport.mail.closing'),
  ]);
}
