/**
 * The operator queue's rows: each request with the fields it changes (old → new) and how its
 * delivery stands. A field group is proposed whole (an address is four fields), so fields whose
 * new value is the old one are left out: staff see only what the parent actually changed.
 */
import { changedFields, inputNameOfField, sameFieldValue, type CurrentValues } from '../../changes/change-form.ts';
import type { ChangeDelay } from '../../changes/delays.ts';
import type { ChangeRequest, ChangeStatus } from '../../changes/types.ts';
import { t, type Locale } from '../../i18n/translate.ts';
import type { OutboxItem } from '../../outbox/index.ts';

/** The queue's filters: a request status, "open" (not decided yet) or "attention" (delivery parked or overdue). */
export const QUEUE_FILTERS = ['open', 'attention', 'submitted', 'in_progress', 'processed', 'rejected', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export function queueFilterOf(value: unknown): QueueFilter {
  return (QUEUE_FILTERS as readonly unknown[]).includes(value) ? (value as QueueFilter) : 'open';
}

export interface QueueRow {
  id: string;
  reference: string;
  studentName: string;
  groupName: string;
  guardianName: string;
  submittedAt: string;
  status: ChangeStatus;
  statusKey: string;
  decided: boolean;
  schoolNote?: string;
  /** `secret`: geheim data — the queue says it must stay hidden from the other parent. */
  fields: Array<{ label: string; old?: string; new: string; secret: boolean }>;
  delivery: { key: string; vars: Record<string, string | number> };
  via?: { key: string; vars: Record<string, string> };
  parked: boolean;
  /** Stuck (changes/delays.ts): why, for staff; the parent sees only "delayed". */
  delay?: { key: string; vars: Record<string, string | number> };
  /**
   * Undecided, and the SIS's current record already holds every new value: the page explains what
   * "Verwerkt" and "Afwijzen" then do (neither sends anything to the SIS).
   */
  alreadyInSis: boolean;
}

type Field = ChangeRequest['fields'][number];

/** Whether the SIS (its values now, by input name) already holds each field's new value. */
function heldBySis(fields: Field[], sisNow: CurrentValues): boolean {
  return fields.length > 0 && fields.every((f) => {
    const name = inputNameOfField(f.field);
    const now = name === undefined ? undefined : sisNow[name];
    return now !== undefined && sameFieldValue(f.field, now, f.new);
  });
}

function fieldLabel(locale: Locale, field: string): string {
  const key = `changes.mailField.${field}`;
  const label = t(locale, key);
  return label === key ? field : label;
}

export function matchesFilter(filter: QueueFilter, request: ChangeRequest, item: OutboxItem | undefined, delay?: ChangeDelay): boolean {
  switch (filter) {
    case 'all': return true;
    case 'open': return request.status === 'submitted' || request.status === 'in_progress';
    case 'attention': return item?.status === 'attention' || delay !== undefined;
    default: return request.status === filter;
  }
}

/** `sisNow`: the SIS's current values for this request (absent when the SIS could not be read). */
export function queueRow(
  request: ChangeRequest, item: OutboxItem | undefined, locale: Locale, delay?: ChangeDelay, sisNow?: CurrentValues,
): QueueRow {
  const changed = changedFields(request.fields);
  const decided = request.status === 'processed' || request.status === 'rejected';
  const delivery: QueueRow['delivery'] = item
    ? { key: `operator.queue.deliveryState.${item.status}`, vars: { attempts: item.attempts + 1, error: item.lastError ?? '' } }
    : { key: 'operator.queue.deliveryState.missing', vars: {} };
  const via: QueueRow['via'] = request.delivery && (request.delivery.via === 'mail'
    ? { key: 'operator.queue.deliveryVia.mail', vars: {} }
    : request.delivery.reference
      ? { key: 'operator.queue.deliveryVia.sis', vars: { reference: request.delivery.reference } }
      : { key: 'operator.queue.deliveryVia.sisNoRef', vars: {} });
  return {
    id: request.id,
    reference: request.reference,
    studentName: request.studentName,
    groupName: request.groupName,
    guardianName: request.guardianName,
    submittedAt: request.submittedAt,
    status: request.status,
    statusKey: `changes.status.${request.status}`,
    decided,
    ...(request.schoolNote ? { schoolNote: request.schoolNote } : {}),
    fields: changed.map((f) => ({ label: fieldLabel(locale, f.field), ...(f.old !== undefined ? { old: f.old } : {}), new: f.new, secret: f.secret === true })),
    delivery,
    ...(via ? { via } : {}),
    parked: item?.status === 'attention',
    ...(delay && {
      delay: delay.reason === 'parked'
        ? { key: 'operator.queue.delay.parked', vars: { error: delay.error || '?' } }
        : { key: 'operator.queue.delay.overdue', vars: { days: delay.days } },
    }),
    alreadyInSis: !decided && sisNow !== undefined && heldBySis(changed, sisNow),
  };
}
