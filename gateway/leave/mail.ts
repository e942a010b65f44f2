/**
 * The administration's notice of a new leave request: reference, child, group, days and who
 * decides, and where to decide it. The parent's reason stays in the portal (it can be personal):
 * the mail points to /beheer/verlof.
 */
import { t, type Locale } from '../i18n/translate.ts';
import type { MailMessage } from '../mail/types.ts';
import { HEAD_DECIDES_MAX_DAYS, type LeaveRequest } from './types.ts';

export function leaveMail(request: LeaveRequest, options: { to: string; locale: Locale; schoolName: string; staffUrl: string }): MailMessage {
  const { locale } = options;
  const day = (date: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(`${date}T12:00:00Z`));
  const lines = [
    t(locale, 'leave.mail.intro', { school: options.schoolName }),
    '',
    `${t(locale, 'leave.mail.reference')}: ${request.reference}`,
    `${t(locale, 'leave.mail.student')}: ${request.studentName} (${request.groupName})`,
    `${t(locale, 'leave.mail.guardian')}: ${request.guardianName}`,
    `${t(locale, 'leave.mail.days')}: ${day(request.from)} – ${day(request.to)} (${t(locale, 'leave.schoolDays', { count: request.schoolDays })})`,
    t(locale, request.schoolDays > HEAD_DECIDES_MAX_DAYS ? 'leave.mail.leerplicht' : 'leave.mail.head'),
    '',
    t(locale, 'leave.mail.decide', { url: options.staffUrl }),
  ];
  return {
    to: options.to,
    subject: t(locale, 'leave.mail.subject', { reference: request.reference, group: request.groupName }),
    text: `${lines.join('\n')}\n`,
  };
}
