/**
 * The structured e-mail to the administration for a school whose SIS cannot take corrections
 * itself: who, which child, and each field the parent changed, old → new (the fields the staff
 * queue lists: change-form.ts changedFields), with the reference the parent also sees.
 * Plain text, in the school's language; the Message-ID comes from the delivery key, so a mail
 * re-sent after a crash mid-delivery is recognisably the same one.
 */
import type { MailMessage } from '../mail/types.ts';
import { staffNotice } from '../mail/staff-notice.ts';
import { t, type Locale } from '../i18n/translate.ts';
import { changedFields } from './change-form.ts';
import { isMedicalField } from './medical-fields.ts';
import type { ChangePayload } from './types.ts';

export interface ChangeMailOptions {
  to: string;
  locale: Locale;
  schoolName: string;
  timeZone: string;
  /** The outbox item id (delivery key). */
  deliveryKey: string;
  /** Host part of the Message-ID, e.g. the portal's host name. */
  messageIdHost?: string;
}

/** "child.address.street" → the catalog's label for it; an unknown field name is shown as it is. */
function fieldLabel(locale: Locale, field: string): string {
  const key = `changes.mailField.${field}`;
  const label = t(locale, key);
  return label === key ? field : label;
}

export function changeMail(payload: ChangePayload, options: ChangeMailOptions): MailMessage {
  const { locale } = options;
  const submitted = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long', timeStyle: 'short', timeZone: options.timeZone,
  }).format(new Date(payload.proposal.submittedAt));
  const none = t(locale, 'changes.mail.empty');
  const secret = t(locale, 'changes.mail.secret');
  const changed = changedFields(payload.proposal.fields);
  return staffNotice('changes', payload, options, [
    `${t(locale, 'changes.mail.submittedAt')}: ${submitted}`,
    '',
    `${t(locale, 'changes.mail.fields')}:`,
    ...changed.filter((f) => !isMedicalField(f.field))
      .map((f) => `- ${fieldLabel(locale, f.field)}: ${f.old ?? none} → ${f.new}${f.secret ? ` (${secret})` : ''}`),
    // Medical data (AVG art. 9) never travels in a mail: only that a correction waits in the queue.
    ...(changed.some((f) => isMedicalField(f.field)) ? [`- ${t(locale, 'changes.mail.medicalWaiting')}`] : []),
    '',
    t(locale, 'changes.mail.closing'),
  ]);
}
