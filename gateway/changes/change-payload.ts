/**
 * A correction's outbox payload. It holds the parent's new address or phone number until the SIS
 * or the administration has it, and a delivered item stays in the outbox as the record that it
 * went out, so it is sealed (../outbox/seal.ts, bound to the delivery key): only the request id and
 * the reference — neither personal — stay readable.
 *
 * A payload that no longer opens (the session secret was rotated, as every demo start does) is
 * rebuilt from the request record, which is kept readable for the operator queue; the parent's
 * "ontvangen" holds either way. Only with both gone is the item parked for an operator.
 */
import { createSeal, DeliveryError, isSealed, type OutboxItem, type Seal } from '../outbox/index.ts';
import type { ChangePayload, ChangeRequest } from './types.ts';

export type ChangeSeal = Seal<ChangePayload>;

/** What the outbox stores: the payload sealed, its request id and reference in the clear. */
export interface SealedChangePayload {
  requestId: string;
  reference: string;
  sealed: string;
}

/** Sealed, or plain as stores written before sealing hold it. */
export type StoredChangePayload = SealedChangePayload | ChangePayload;

export function createChangeSeal(secret: string): ChangeSeal {
  return createSeal<ChangePayload>(secret, 'change-seal-v1');
}

/** Everything delivery needs, from the request record. */
export function payloadOf(request: ChangeRequest): ChangePayload {
  return {
    requestId: request.id,
    reference: request.reference,
    proposal: {
      studentId: request.studentId, guardianId: request.guardianId,
      fields: request.fields.map((f) => ({ ...f })), submittedAt: request.submittedAt,
    },
    studentName: request.studentName,
    guardianName: request.guardianName,
    groupName: request.groupName,
  };
}

export function sealedPayloadOf(request: ChangeRequest, seal: ChangeSeal): SealedChangePayload {
  return { requestId: request.id, reference: request.reference, sealed: seal.seal(payloadOf(request), request.deliveryKey) };
}

/** The payload to deliver: opened, or rebuilt from the request record when it no longer opens. */
export async function openChangePayload(
  item: OutboxItem<StoredChangePayload>, seal: ChangeSeal,
  requests: { get(id: string): Promise<ChangeRequest | undefined> },
): Promise<ChangePayload> {
  const { payload } = item;
  if (!isSealed(payload)) {
    if (typeof payload?.proposal?.studentId !== 'string') throw new DeliveryError('CHANGE_PAYLOAD_INVALID', { permanent: true });
    return payload;
  }
  try {
    return seal.open(payload.sealed, item.id);
  } catch (err) {
    const request = typeof payload.requestId === 'string' ? await requests.get(payload.requestId) : undefined;
    if (request?.deliveryKey === item.id) return payloadOf(request);
    throw new DeliveryError('CHANGE_SEAL_UNREADABLE', { permanent: true, cause: err });
  }
}
