/**
 * What each parent wants to hear about, per account (collection notificationPrefs). Nothing is
 * sent unless the parent switched it on: the default is no topics.
 */
import type { Store } from '../store/types.ts';

export const NOTIFICATION_TOPICS = ['results', 'corrections', 'reports', 'leave'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];
export const PREFS_COLLECTION = 'notificationPrefs';

export interface NotificationPrefs {
  /** The account id. */
  id: string;
  topics: NotificationTopic[];
  updatedAt: string;
}

export const isTopic = (value: unknown): value is NotificationTopic => (NOTIFICATION_TOPICS as readonly unknown[]).includes(value);

export async function topicsOf(store: Store, accountId: string): Promise<NotificationTopic[]> {
  return (await store.collection<NotificationPrefs>(PREFS_COLLECTION).get(accountId))?.topics ?? [];
}

export async function setTopics(store: Store, accountId: string, topics: readonly unknown[], now: Date): Promise<NotificationTopic[]> {
  const chosen = NOTIFICATION_TOPICS.filter((t) => topics.includes(t));
  await store.collection<NotificationPrefs>(PREFS_COLLECTION).put({ id: accountId, topics: chosen, updatedAt: now.toISOString() });
  return chosen;
}
