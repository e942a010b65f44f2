/**
 * The calendar as the parent pages ask it: "is this section open for this child now?"
 * (the shape gateway/routes/parent/section-policy.ts accepts). The calendar is fetched on every
 * question, so a hot reload takes effect on the next request. Answers are kept for the rest of the
 * local day they hold for: five sections on every page view need not evaluate the calendar anew.
 */
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { Bilingual, Calendar } from './calendar-types.ts';
import { evaluate } from './evaluate.ts';
import { addDays, localDateOf, startOfLocalDate } from './local-time.ts';

export interface SectionAnswer {
  open: boolean;
  reason?: Bilingual;
  reopensOn?: string;
  /** Closed because it has never been open yet (evaluate.ts); with the open rule's description. */
  firstOpening?: { description?: Bilingual };
}

export interface CalendarSectionPolicy {
  /** An unknown section is closed; an unknown jaargroep gets the strictest answer. */
  isOpen(section: string, context: { studentJaargroep?: number }): SectionAnswer;
}

/**
 * The answers of one local day under one calendar. An answer depends on the instant only through
 * its local date (evaluate.ts), so within the day it is the same; a reloaded calendar is a new
 * (frozen) object, so a day kept for the old one is not used for it. Bounded: sections × groups.
 */
interface Day {
  calendar: Calendar;
  fromMs: number;
  untilMs: number;
  answers: Map<string, SectionAnswer>;
}

const MAX_ANSWERS_PER_DAY = 256;

function dayOf(calendar: Calendar, now: Date): Day | undefined {
  const zone = calendar.timezone;
  const date = localDateOf(now, zone);
  const fromMs = startOfLocalDate(date, zone).getTime();
  const untilMs = startOfLocalDate(addDays(date, 1), zone).getTime();
  const ms = now.getTime();
  // Kept only when its bounds read back as that very day (a zone may skip a midnight).
  const exact = fromMs <= ms && ms < untilMs
    && localDateOf(new Date(fromMs), zone) === date && localDateOf(new Date(untilMs - 1), zone) === date;
  return exact ? { calendar, fromMs, untilMs, answers: new Map() } : undefined;
}

function answerOf(calendar: Calendar, section: string, group: number | undefined, now: Date): SectionAnswer {
  const { open, reason, reopensOn, firstOpening } = evaluate(calendar, section, group, now);
  // Frozen: the same answer goes to every page asking on that day.
  return Object.freeze({
    open,
    ...(reason ? { reason: Object.freeze(reason) } : {}),
    ...(reopensOn ? { reopensOn } : {}),
    ...(firstOpening ? { firstOpening: Object.freeze({ ...firstOpening }) } : {}),
  });
}

export function createSectionPolicy(getCalendar: () => Calendar, clock: Clock): CalendarSectionPolicy {
  let day: Day | undefined;
  return {
    isOpen(section, { studentJaargroep }) {
      const calendar = getCalendar();
      const now = clock.now();
      const ms = now.getTime();
      if (!day || day.calendar !== calendar || ms < day.fromMs || ms >= day.untilMs) day = dayOf(calendar, now);
      const key = `${section}|${String(studentJaargroep)}`;
      const known = day?.answers.get(key);
      if (known) return known;
      const answer = answerOf(calendar, section, studentJaargroep, now);
      if (day && day.answers.size < MAX_ANSWERS_PER_DAY) day.answers.set(key, answer);
      return answer;
    },
  };
}
