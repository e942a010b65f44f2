/**
 * Which data check is running: the latest calendar event of kind `data-check` that has started and
 * (when it has an `until`) not yet ended. A new data-check event replaces the previous one, so a
 * parent who confirmed in September is asked again in February.
 */
import type { Calendar } from '../policy/calendar-types.ts';
import { instantOfLocalDateTime } from '../policy/local-time.ts';
import { eventsBetween, type EventOccurrence } from '../policy/transitions.ts';

export function activeDataCheck(calendar: Calendar, now: Date): EventOccurrence | undefined {
  const started = eventsBetween(calendar, new Date(0), now).filter((e) => e.kind === 'data-check');
  const latest = started.at(-1);
  if (!latest) return undefined;
  if (latest.until && instantOfLocalDateTime(latest.until, calendar.timezone).getTime() <= now.getTime()) return undefined;
  return latest;
}

/** The key an answer is stored under: the event's id and its start, so a moved event asks again. */
export function checkKey(event: Pick<EventOccurrence, 'id' | 'at'>): string {
  return `${event.id}@${event.at}`;
}
