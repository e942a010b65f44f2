/**
 * The outbox's handler for kind "mail": opens a sealed payload, gives the message a Message-ID
 * derived from the item's delivery key (so a re-send after a crash mid-delivery is recognisably
 * the same message), and hands it to the sender. The receipt is the Message-ID.
 */
import { createHash } from 'node:crypto';
import { DeliveryError, isSealed, type DeliveryHandler } from '../outbox/index.ts';
import type { MailSeal } from './seal.ts';
import type { MailMessage, MailPayload, MailSender } from './types.ts';

export function messageIdFor(itemId: string, domain: string): string {
  return `<ouderpoort.${createHash('sha256').update(itemId).digest('hex').slice(0, 32)}@${domain}>`;
}

function isMessage(payload: unknown): payload is MailMessage {
  const p = payload as Partial<MailMessage> | undefined;
  return typeof p?.to === 'string' && typeof p.subject === 'string' && typeof p.text === 'string';
}

export function createMailHandler(deps: { sender: MailSender; seal: MailSeal; messageIdDomain: string }): DeliveryHandler<MailPayload> {
  return async (item) => {
    const payload = item.payload as unknown;
    let message: MailMessage;
    if (isSealed(payload)) {
      try {
        message = deps.seal.open(payload.sealed);
      } catch (err) {
        throw new DeliveryError('MAIL_SEAL_UNREADABLE', { permanent: true, cause: err });
      }
    } else if (isMessage(payload)) {
      message = payload;
    } else {
      throw new DeliveryError('MAIL_PAYLOAD_INVALID', { permanent: true });
    }
    const sent = await deps.sender.send({ ...message, messageId: message.messageId ?? messageIdFor(item.id, deps.messageIdDomain) });
    return { messageId: sent.messageId };
  };
}
