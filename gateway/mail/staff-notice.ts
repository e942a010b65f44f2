/**
 * The plain-text notice to staff about one child's request (a correction, a sick report, a leave
 * request): the same head — the school's intro, the reference, the child and group, the parent —
 * then lines of its own, under its own area's keys (`<area>.mail.intro`, `.reference`, `.student`,
 * `.guardian`, `.subject`). The Message-ID, where given, comes from the delivery key, so a mail
 * re-sent after a crash mid-delivery is recognisably the same one.
 */
import { t, type Locale } from '../i18n/translate.ts';
import type { MailMessage } from './types.ts';

export interface NoticeSubject {
  reference: string;
  studentName: string;
  groupName: string;
  guardianName: string;
}

export interface NoticeOptions {
  to: string;
  locale: Locale;
  schoolName: string;
  /** With it, a Message-ID of the delivery key. */
  deliveryKey?: string;
  messageIdHost?: string;
}

export function staffNotice(area: string, subject: NoticeSubject, options: NoticeOptions, body: string[]): MailMessage {
  const { locale } = options;
  const lines = [
    t(locale, `${area}.mail.intro`, { school: options.schoolName }),
    '',
    `${t(locale, `${area}.mail.reference`)}: ${subject.reference}`,
    `${t(locale, `${area}.mail.student`)}: ${subject.studentName} (${subject.groupName})`,
    `${t(locale, `${area}.mail.guardian`)}: ${subject.guardianName}`,
    ...body,
  ];
  return {
    to: options.to,
    subject: t(locale, `${area}.mail.subject`, { reference: subject.reference, group: subject.groupName }),
    text: `${lines.join('\n')}\n`,
    ...(options.deliveryKey ? { messageId: `<${options.deliveryKey}@${options.messageIdHost ?? 'ouderpoort.invalid'}>` } : {}),
  };
}

/** A calendar day (YYYY-MM-DD) written out in the locale, independent of the server's zone. */
export function mailDay(locale: Locale, date: string, style: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { ...style, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
