/**
 * The events the scheduler fires: section transitions and the calendar's scheduled events, in one
 * time-ordered stream. Each has a stable `key`, so a job's run for it is recorded once and never
 * repeated, whatever restarts happen in between.
 */
import type { Calendar } from '../policy/calendar-types.ts';
import { eventsBetween, transitionsBetween, type EventOccurrence, type Transition } from '../policy/transitions.ts';

export type TransitionEvent = Transition & { type: 'transition'; key: string };
export type ScheduledEventOccurrence = EventOccurrence & { type: 'scheduled'; key: string };
export type PolicyEvent = TransitionEvent | ScheduledEventOccurrence;

export function transitionKey(t: Transition): string {
  return `transition:${t.date}:${t.section}:${t.change}:${t.groups.join('-')}`;
}

export function scheduledKey(e: EventOccurrence): string {
  return `scheduled:${e.id}:${e.at}`;
}

/** Everything that happens in (from, to], by instant; transitions first at an equal instant. */
export function policyEventsBetween(calendar: Calendar, from: Date, to: Date): PolicyEvent[] {
  const transitions: PolicyEvent[] = transitionsBetween(calendar, from, to)
    .map((t) => ({ ...t, type: 'transition' as const, key: transitionKey(t) }));
  const scheduled: PolicyEvent[] = eventsBetween(calendar, from, to)
    .map((e) => ({ ...e, type: 'scheduled' as const, key: scheduledKey(e) }));
  // Stable sort: each list keeps its own order within an instant.
  return [...transitions, ...scheduled].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** "results.lvs opened for groups 1-7" / "event uitnodigingen (invitations)", for logs. */
export function describeEvent(event: PolicyEvent): string {
  if (event.type === 'scheduled') return `event ${event.id} (${event.kind})`;
  const groups = event.groups.length === 8 ? 'all groups' : `groups ${event.groups.join(',')}`;
  return `${event.section} ${event.change} for ${groups}`;
}
