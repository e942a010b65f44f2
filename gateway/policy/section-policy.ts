/**
 * The calendar as the parent pages ask it: "is this section open for this child now?"
 * (the shape gateway/routes/parent/section-policy.ts accepts). The calendar is fetched on every
 * question, so a hot reload takes effect on the next request.
 */
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { Bilingual, Calendar } from './calendar-types.ts';
import { evaluate } from './evaluate.ts';

export interface SectionAnswer {
  open: boolean;
  reason?: Bilingual;
  reopensOn?: string;
}

export interface CalendarSectionPolicy {
  /** An unknown section is closed; an unknown jaargroep gets the strictest answer. */
  isOpen(section: string, context: { studentJaargroep?: number }): SectionAnswer;
}

export function createSectionPolicy(getCalendar: () => Calendar, clock: Clock): CalendarSectionPolicy {
  return {
    isOpen(section, { studentJaargroep }) {
      const { open, reason, reopensOn } = evaluate(getCalendar(), section, studentJaargroep, clock.now());
      return {
        open,
        ...(reason ? { reason } : {}),
        ...(reopensOn ? { reopensOn } : {}),
      };
    },
  };
}
