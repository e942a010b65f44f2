/**
 * The absences page: this school year's list and its totals. Totals count day parts (dagdelen),
 * the unit schools register and the leerplicht rules use; a whole day counts as two. Late
 * arrivals are counted as times late, not as day parts.
 */
import type { Absence, DayPart } from '../../../../adapters/contract/index.ts';

export type AbsenceCategory = 'authorised' | 'unauthorised' | 'late';

export interface AbsenceRow {
  date: string;
  dayPartKey: string;
  reason: string;
  category: AbsenceCategory;
  categoryKey: string;
  minutes?: number;
}

export interface TotalsRow {
  category: AbsenceCategory;
  labelKey: string;
  morning: number;
  afternoon: number;
  day: number;
  /** Day parts for absences (a whole day is two); number of times for lates. */
  total: number;
}

export interface AbsencesView {
  rows: AbsenceRow[];
  totals: TotalsRow[];
  hasAbsences: boolean;
}

export function categoryOf(absence: Absence): AbsenceCategory {
  if (absence.late) return 'late';
  return absence.authorised ? 'authorised' : 'unauthorised';
}

const DAY_PART_ORDER: Record<DayPart, number> = { morning: 0, day: 1, afternoon: 2 };
const DAY_PART_WEIGHT: Record<DayPart, number> = { morning: 1, afternoon: 1, day: 2 };

export function absenceTotals(absences: Absence[]): TotalsRow[] {
  const categories: AbsenceCategory[] = ['authorised', 'unauthorised', 'late'];
  return categories.map((category) => {
    const row: TotalsRow = { category, labelKey: `absences.category.${category}`, morning: 0, afternoon: 0, day: 0, total: 0 };
    for (const absence of absences) {
      if (categoryOf(absence) !== category) continue;
      row[absence.dayPart] += 1;
      row.total += category === 'late' ? 1 : DAY_PART_WEIGHT[absence.dayPart];
    }
    return row;
  });
}

/** Newest first: a parent looks for last week, not for September. */
export function absencesView(absences: Absence[]): AbsencesView {
  const rows = [...absences]
    .sort((a, b) => b.date.localeCompare(a.date) || DAY_PART_ORDER[b.dayPart] - DAY_PART_ORDER[a.dayPart])
    .map((a) => {
      const category = categoryOf(a);
      return {
        date: a.date,
        dayPartKey: `dayPart.${a.dayPart}`,
        reason: a.reason.text,
        category,
        categoryKey: `absences.category.${category}`,
        minutes: a.minutes,
      };
    });
  return { rows, totals: absenceTotals(absences), hasAbsences: absences.length > 0 };
}
