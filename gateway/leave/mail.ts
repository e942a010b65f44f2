/**
 * The administration's notice of a new leave request: reference, child, group, days and who
 * decides, and where to decide it. The parent's reason stays in the portal (it can be personal):
 * the mail points to /beheer/verlof.
 */
import { t, type Locale } from '../i18n/translate.ts';
import type { MailMessage } from '../mail/types.ts';
import { mailDay, staffNotice } from '../mail/staff-notice.ts';
import { HEAD_DECIDES_MAX_DAYS, type LeaveRequest } from './types.ts';

export function leaveMail(request: LeaveRequest, options: { to: string; locale: Locale; schoolName: string; staffUrl: string }): MailMessage {
  const { locale } = options;
  const day = (date: string) => mailDay(locale, date, { dateStyle: 'long' });
  return staffNotice('leave', request, options, [
    `${t(locale, 'leave.mail.days')}: ${day(request.from)} – ${day(request.to)} (${t(locale, 'leave.schoolDays', { count: request.schoolDays })})`,
    t(locale, request.schoolDays > HEAD_DECIDES_MAX_DAYS ? 'leave.mail.leerplicht' : 'leave.mail.head'),
    '',
    t(locale, 'leave.mail.decide', { url: options.staffUrl }),
  ]);
}
