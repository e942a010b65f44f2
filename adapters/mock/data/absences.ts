/**
 * A pupil's absences over one school year: illness spells, doctor's visits, late arrivals and
 * the occasional granted leave or unauthorised day. Each pupil has a temperament (how often ill,
 * how often late) so the list differs plausibly between children.
 */
import type { AbsenceRecord, DayPart } from '../../contract/index.ts';
import type { PlacedStudent as Student } from './placed-student.ts';
import { ABSENCE_REASONS, type AbsenceReason } from './absence-reasons.ts';
import { daysBeforeBreaks, schoolDays } from './calendar.ts';
import { compareStrings } from './dates.ts';
import { Prng } from './prng.ts';

type Draft = Omit<AbsenceRecord, 'id' | 'studentId'>;

const DAY_PART_ORDER: Record<DayPart, number> = { day: 0, morning: 1, afternoon: 2 };

function draft(reason: AbsenceReason, date: string, dayPart: DayPart, minutes?: number): Draft {
  return {
    date, dayPart, reason: { code: reason.code, text: reason.text },
    authorised: reason.authorised, late: reason.late, ...(minutes === undefined ? {} : { minutes }),
  };
}

/** `days`: the school days the pupil was enrolled; `breakEves`: the days luxe verzuim tempts. */
function yearDrafts(prng: Prng, days: readonly string[], breakEves: readonly string[]): Draft[] {
  const drafts: Draft[] = [];
  const taken = new Set<string>();
  const add = (d: Draft) => {
    if (taken.has(d.date)) return;
    taken.add(d.date);
    drafts.push(d);
  };
  if (days.length === 0) return drafts;

  const sickly = prng.next();
  const illnesses = Math.round(sickly * sickly * 6 + prng.next());
  for (let n = 0; n < illnesses; n++) {
    const start = prng.int(0, days.length - 1);
    const length = prng.weighted({ '1': 5, '2': 3, '3': 2, '5': 1 });
    const sentHome = prng.chance(0.2);
    if (sentHome) add(draft(ABSENCE_REASONS.ZIEK, days[start] as string, 'afternoon'));
    for (let i = sentHome ? 1 : 0; i < Number(length) && start + i < days.length; i++) {
      add(draft(ABSENCE_REASONS.ZIEK, days[start + i] as string, 'day'));
    }
  }
  for (let n = prng.int(0, 3); n > 0; n--) {
    add(draft(ABSENCE_REASONS.ARTS, prng.pick(days), prng.chance(0.6) ? 'morning' : 'afternoon', prng.int(3, 9) * 15));
  }
  const tardiness = prng.next();
  for (let n = Math.round(tardiness ** 3 * 12); n > 0; n--) {
    add(draft(ABSENCE_REASONS.TELAAT, prng.pick(days), 'morning', prng.int(2, 25)));
  }
  if (prng.chance(0.12)) add(draft(ABSENCE_REASONS.VERLOF, prng.pick(days), 'day'));
  if (prng.chance(0.04)) add(draft(ABSENCE_REASONS.ONGEOORLOOFD, prng.pick(days), 'morning'));
  const eves = breakEves.filter((d) => d >= (days[0] as string) && d <= (days.at(-1) as string));
  if (eves.length > 0 && prng.chance(0.03)) add(draft(ABSENCE_REASONS.LUXE, prng.pick(eves), 'day'));
  return drafts;
}

/** Absences in the given school years while the pupil was enrolled, ordered by date then id. */
export function generateAbsences(seed: number, student: Student, schoolYears: string[]): AbsenceRecord[] {
  const { from, to } = student.enrolment;
  const drafts = schoolYears.flatMap((year) => {
    const enrolled = schoolDays(year).filter((d) => d >= from && (to === undefined || d <= to));
    return yearDrafts(new Prng(seed, `absences:${student.id}:${year}`), enrolled, daysBeforeBreaks(year));
  });
  drafts.sort((a, b) => compareStrings(a.date, b.date) || DAY_PART_ORDER[a.dayPart] - DAY_PART_ORDER[b.dayPart]);
  return drafts.map((d, i) => ({ id: `${student.id}-A${String(i + 1).padStart(4, '0')}`, studentId: student.id, ...d }));
}
