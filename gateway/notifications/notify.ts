/**
 * Notifications wait in the store (collection notifications) until the next digest gathers them
 * into one mail per parent inside the school's delivery window (digest.ts). `notify` keeps one per
 * key, so an event handled twice notifies once, and drops it when the parent did not opt in.
 *
 * For other features: a parent's correction was processed →
 *   notify(services, { key: `correction:<changeId>`, accountId, topic: 'corrections',
 *                      kind: 'correction-processed', studentId })
 */
import type { Services } from '../services.ts';
import { topicsOf, type NotificationTopic } from './prefs.ts';

export const NOTIFICATIONS_COLLECTION = 'notifications';

export type NotificationKind = 'results-opened' | 'correction-processed' | 'correction-rejected' | 'correction-delayed' | 'report-available'
  | 'leave-approved' | 'leave-refused';

export interface NotificationInput {
  /** Stable for what happened (e.g. `results:<event key>:<student>`); the account id is added. */
  key: string;
  accountId: string;
  topic: NotificationTopic;
  kind: NotificationKind;
  studentId: string;
  /** For results-opened: the portal section that opened, e.g. "results.lvs". */
  section?: string;
}

export interface PendingNotification extends Omit<NotificationInput, 'key'> {
  id: string;
  createdAt: string;
  /** Set once the notification is in a digest mail (the mail's delivery key). */
  sentIn?: string;
}

export type NotifyDeps = Pick<Services, 'store' | 'clock'>;

export function notifications(store: Services['store']) {
  return store.collection<PendingNotification>(NOTIFICATIONS_COLLECTION);
}

/** True when the notification was stored (opted in and not known yet). */
export async function notify(deps: NotifyDeps, input: NotificationInput): Promise<boolean> {
  if (!(await topicsOf(deps.store, input.accountId)).includes(input.topic)) return false;
  const id = `${input.accountId}:${input.key}`;
  const collection = notifications(deps.store);
  if (await collection.get(id)) return false;
  const { key: _key, ...rest } = input;
  await collection.put({ ...rest, id, createdAt: deps.clock.now().toISOString() });
  return true;
}
