/**
 * Which data check is running: the latest calendar event of kind `data-check` that has started and
 * (when it has an `until`) not yet ended. A new data-check event replaces the previous one, so a
 * parent who confirmed in September is asked again in February.
 */
import { deepFreeze } from '../config/tree.ts';
import type { Calendar } from '../policy/calendar-types.ts';
import { instantOfLocalDateTime } from '../policy/local-time.ts';
import { eventsBetween, type EventOccurrence } from '../policy/transitions.ts';

interface DataCheckTimes {
  occurrence: EventOccurrence;
  start: number;
  end?: number;
}

/**
 * The data checks of one calendar object (a reload is a new object), their instants worked out
 * once: the prompt asks on every page a parent opens, and turning every event's local time into
 * an instant took 5 % of the gateway's CPU on the dashboard (bench/README.md).
 */
const checksOf = new WeakMap<Calendar, DataCheckTimes[]>();

function dataChecks(calendar: Calendar): DataCheckTimes[] {
  let checks = checksOf.get(calendar);
  if (!checks) {
    checks = eventsBetween(calendar, new Date(0), new Date(8.64e15))
      .filter((e) => e.kind === 'data-check')
      .map((e) => ({
        occurrence: deepFreeze(e) as EventOccurrence,
        start: Date.parse(e.at),
        ...(e.until ? { end: instantOfLocalDateTime(e.until, calendar.timezone).getTime() } : {}),
      }));
    checksOf.set(calendar, checks);
  }
  return checks;
}

export function activeDataCheck(calendar: Calendar, now: Date): EventOccurrence | undefined {
  const at = now.getTime();
  const latest = dataChecks(calendar).filter((c) => c.start <= at).at(-1);
  if (!latest) return undefined;
  if (latest.end !== undefined && latest.end <= at) return undefined;
  return latest.occurrence;
}

/** The key an answer is stored under: the event's id and its start, so a moved event asks again. */
export function checkKey(event: Pick<EventOccurrence, 'id' | 'at'>): string {
  return `${event.id}@${event.at}`;
}
