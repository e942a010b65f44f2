/**
 * The outbox handler for kind "change": through the SIS's submitChange where the stack has it
 * (the delivery key is the idempotency key, so a retry after a crash writes nothing twice),
 * otherwise as a structured e-mail to the administration. A transient failure is retried by the
 * worker (honouring the SIS's Retry-After); one that will not go away parks the item for an
 * operator. Error messages carry codes, never the parent's data. The payload arrives sealed and is
 * opened only here, for the call (change-payload.ts).
 */
import { isSisError, type SisAdapter } from '../../adapters/contract/index.ts';
import type { MailSender } from '../mail/types.ts';
import { DeliveryError, type DeliveryHandler } from '../outbox/index.ts';
import { changeMail, type ChangeMailOptions } from './change-mail.ts';
import { openChangePayload, type ChangeSeal, type StoredChangePayload } from './change-payload.ts';
import type { ChangeRequests } from './change-requests.ts';

export interface ChangeMailRoute extends Omit<ChangeMailOptions, 'deliveryKey'> {
  sender: MailSender;
}

export interface ChangeDeliveryDeps {
  sis: Pick<SisAdapter, 'submitChange'>;
  /** `get` rebuilds a payload that no longer opens from its request record. */
  requests: Pick<ChangeRequests, 'markDelivered' | 'get'>;
  seal: ChangeSeal;
  /** The mail fallback, looked up at delivery time (the mailer may be wired after this handler). */
  mailRoute?: () => ChangeMailRoute | undefined;
}

/** How an SIS write's failure is retried: transient (honouring Retry-After) or parked. Shared by every SIS write. */
export function sisFailure(err: unknown, method = 'submitChange'): DeliveryError {
  if (!isSisError(err)) {
    return new DeliveryError(`SIS ${method} failed: ${err instanceof Error ? err.name : 'error'}`, { cause: err });
  }
  const retryAfter = (err as { retryAfter?: unknown }).retryAfter;
  if (err.code === 'SIS_UNAVAILABLE') {
    return new DeliveryError('SIS_UNAVAILABLE', {
      cause: err, ...(typeof retryAfter === 'number' && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    });
  }
  // Not found, refused credentials, an unreadable answer: the same call fails the same way again.
  return new DeliveryError(err.code, { permanent: true, cause: err });
}

export function createChangeDeliveryHandler(deps: ChangeDeliveryDeps): DeliveryHandler<StoredChangePayload> {
  return async (item): Promise<Record<string, string>> => {
    const payload = await openChangePayload(item, deps.seal, deps.requests);
    if (deps.sis.submitChange) {
      let reference: string;
      try {
        ({ reference } = await deps.sis.submitChange(payload.proposal, { idempotencyKey: item.id }));
      } catch (err) {
        throw sisFailure(err);
      }
      await deps.requests.markDelivered(payload.requestId, { via: 'sis', reference });
      return { via: 'sis', reference };
    }
    const route = deps.mailRoute?.();
    if (!route) {
      throw new DeliveryError('NO_DELIVERY_ROUTE: the SIS cannot take changes and no mail is set up', { permanent: true });
    }
    const { sender, ...options } = route;
    const { messageId } = await sender.send(changeMail(payload, { ...options, deliveryKey: item.id }));
    await deps.requests.markDelivered(payload.requestId, { via: 'mail' });
    return { via: 'mail', messageId };
  };
}
