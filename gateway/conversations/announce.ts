/**
 * The mail that brings a conversation request to school: to the child's teacher at the address the
 * SIS gives for them, or — without one — to the administration, with a link to the staff page.
 * It names the child, the topic, the moments and the requesting parent only; nothing of the other
 * parent. Queued in the outbox under `conversation:<id>`, so a repeated post queues it once.
 */
import type { Student } from '../../adapters/contract/index.ts';
import type { Config } from '../config/index.ts';
import { t, type Locale } from '../i18n/translate.ts';
import { linkBase } from '../mail/create-mailer.ts';
import type { MailQueue } from '../mail/mail-queue.ts';
import type { MailRenderer } from '../mail/render.ts';
import { teacherAddressOf, teacherOrAdministration, type SchoolRecipient } from '../school/recipient.ts';
import type { ConversationRequest } from './requests.ts';

export interface AnnounceDeps {
  config: Pick<Config, 'conversations' | 'changes' | 'school' | 'server'>;
  mail: MailQueue;
  mailRenderer: MailRenderer;
}

/** Where it goes: the first of the child's teachers with an address, else the administration. */
export function recipientFor(config: AnnounceDeps['config'], student: Student): SchoolRecipient | undefined {
  return teacherOrAdministration(
    teacherAddressOf(student), config.conversations.administrationEmail ?? config.changes.administrationEmail ?? config.school.supportEmail,
  );
}

export function momentText(locale: Locale, moment: { date: string; part: string }): string {
  const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC',
  }).format(new Date(`${moment.date}T12:00:00Z`));
  return `${date}, ${t(locale, `conversations.parts.${moment.part}`)}`;
}

export async function announceConversation(
  deps: AnnounceDeps, request: ConversationRequest, to: string,
  names: { child: string; group: string; parent: string },
): Promise<void> {
  const locale = deps.config.school.locale;
  const mail = deps.mailRenderer.render('conversation-request', locale, {
    schoolName: deps.config.school.name, child: names.child, group: names.group, parent: names.parent,
    topic: request.topic, reference: request.reference, moments: request.moments.map((m) => momentText(locale, m)),
    staffUrl: `${linkBase(deps.config)}/beheer/gesprekken#${request.reference}`,
  }, { child: names.child, reference: request.reference });
  await deps.mail.queue(`conversation:${request.id}`, { to, ...mail });
}
