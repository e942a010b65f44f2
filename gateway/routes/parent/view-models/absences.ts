/**
 * The absences page: this school year's list and its totals. Totals count day parts (dagdelen),
 * the unit schools register and the leerplicht rules use; a whole day counts as two. Late
 * arrivals are counted as times late, not as day parts.
 *
 * A source that keeps only totals (OSO's verzuim block) answers with period summaries instead of
 * records. Those are shown as what they are — the period and its totals — and never counted into
 * the per-day-part table, which would pass them off as this school year's registrations.
 */
import type {
  Absence, AbsenceCategory, AbsenceRecord, AbsenceSummary, DayPart,
} from '../../../../adapters/contract/index.ts';

export type { AbsenceCategory };

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
  /** Catalog keys for the sentence under the table that spells out how `total` was added up. */
  explained: TotalsExplainedKeys;
}

export interface TotalsExplainedKeys {
  key: string;
  kindKey: string;
  morningKey: string;
  afternoonKey: string;
  dayKey: string;
}

const EXPLAINED = 'absences.totalsExplained';

/** A late arrival is counted in times, so its sentence names times, not day parts (issue 22). */
function explainedKeys(category: AbsenceCategory): TotalsExplainedKeys {
  const late = category === 'late';
  return {
    key: `${EXPLAINED}.${late ? 'times' : 'dayParts'}`,
    kindKey: `${EXPLAINED}.kind.${category}`,
    morningKey: `${EXPLAINED}.${late ? 'lateMorning' : 'morning'}`,
    afternoonKey: `${EXPLAINED}.${late ? 'lateAfternoon' : 'afternoon'}`,
    dayKey: `${EXPLAINED}.${late ? 'lateDay' : 'day'}`,
  };
}

export interface SummaryTotalRow {
  /** `absences.summary.total.<category>.<unit>`, with plural forms chosen by `count`. */
  labelKey: string;
  count: number;
  category: AbsenceCategory;
}

export interface SummaryView {
  from: string;
  to: string;
  totals: SummaryTotalRow[];
}

export interface AbsencesView {
  rows: AbsenceRow[];
  totals: TotalsRow[];
  /** Dated records exist. */
  hasAbsences: boolean;
  /** Period totals from a source without dated records, oldest period first. */
  summaries: SummaryView[];
  /** Only summaries came: there is no per-day-part table to show, and "none registered" would be untrue. */
  summaryOnly: boolean;
}

const isSummary = (a: Absence): a is AbsenceSummary => a.kind === 'summary';
const recordsOf = (absences: Absence[]): AbsenceRecord[] => absences.filter((a): a is AbsenceRecord => !isSummary(a));

const CATEGORY_ORDER: Record<AbsenceCategory, number> = { authorised: 0, unauthorised: 1, late: 2 };
const UNIT_ORDER = { dayParts: 0, hours: 1, times: 2 } as const;

export function summaryView(summary: AbsenceSummary): SummaryView {
  const totals = [...summary.totals]
    .sort((a, b) => CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || UNIT_ORDER[a.unit] - UNIT_ORDER[b.unit])
    .map((t) => ({ labelKey: `absences.summary.total.${t.category}.${t.unit}`, count: t.count, category: t.category }));
  return { from: summary.period.from, to: summary.period.to, totals };
}

export function categoryOf(absence: AbsenceRecord): AbsenceCategory {
  if (absence.late) return 'late';
  return absence.authorised ? 'authorised' : 'unauthorised';
}

const DAY_PART_ORDER: Record<DayPart, number> = { morning: 0, day: 1, afternoon: 2 };
const DAY_PART_WEIGHT: Record<DayPart, number> = { morning: 1, afternoon: 1, day: 2 };

/** Totals of the dated records; summaries are left out (see summaryView). */
export function absenceTotals(absences: Absence[]): TotalsRow[] {
  const records = recordsOf(absences);
  const categories: AbsenceCategory[] = ['authorised', 'unauthorised', 'late'];
  return categories.map((category) => {
    const row: TotalsRow = {
      category, labelKey: `absences.category.${category}`, morning: 0, afternoon: 0, day: 0, total: 0,
      explained: explainedKeys(category),
    };
    for (const absence of records) {
      if (categoryOf(absence) !== category) continue;
      row[absence.dayPart] += 1;
      row.total += category === 'late' ? 1 : DAY_PART_WEIGHT[absence.dayPart];
    }
    return row;
  });
}

/** Newest first: a parent looks for last week, not for September. */
export function absencesView(absences: Absence[]): AbsencesView {
  const records = recordsOf(absences);
  const summaries = absences.filter(isSummary)
    .sort((a, b) => a.period.from.localeCompare(b.period.from))
    .map(summaryView);
  const rows = [...records]
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
  return {
    rows,
    totals: absenceTotals(records),
    hasAbsences: records.length > 0,
    summaries,
    summaryOnly: records.length === 0 && summaries.length > 0,
  };
}
