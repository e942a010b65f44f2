/**
 * The absence report form: which days (today, the next school day, or a range), which part of the
 * day, the school's reason, an optional note. Checked against the school days and the morning
 * cut-off; a bad form comes back with the parent's input and a message per field. A report for
 * today after the cut-off is not an error in the form: the page says to phone the school.
 */
import type { DayPart } from '../../adapters/contract/index.ts';
import { addDays, isLocalDate } from '../policy/local-time.ts';
import type { SchoolDays } from '../school-days/index.ts';

export const WHEN = ['today', 'tomorrow', 'range'] as const;
export const DAY_PARTS = ['day', 'morning', 'afternoon'] as const satisfies readonly DayPart[];
export const NOTE_MAX = 500;

export interface ReportReason {
  code: string;
  label: { nl: string; en: string };
  authorised: boolean;
}

export interface AbsenceFormValues {
  when: string;
  from: string;
  to: string;
  dayPart: string;
  reason: string;
  note: string;
}

export type AbsenceFormErrors = Partial<Record<keyof AbsenceFormValues, string[]>>;

export interface AbsenceFormRules {
  today: string;
  now: Date;
  cutoff: string;
  aheadDays: number;
  reasons: readonly ReportReason[];
  schoolDays: SchoolDays;
}

export type ParsedAbsenceForm =
  | { ok: true; dates: string[]; dayPart: DayPart; reason: ReportReason; note?: string; values: AbsenceFormValues }
  | { ok: false; pastCutoff: boolean; errors: AbsenceFormErrors; values: AbsenceFormValues };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function emptyAbsenceForm(): AbsenceFormValues {
  return { when: 'today', from: '', to: '', dayPart: 'day', reason: '', note: '' };
}

/** Is a report for `date` still taken now? Only today's is bound by the cut-off. */
export function pastCutoffFor(rules: Pick<AbsenceFormRules, 'today' | 'now' | 'cutoff' | 'schoolDays'>, date: string): boolean {
  return date === rules.today && rules.schoolDays.isSchoolDay(date) && rules.schoolDays.pastCutoff(rules.now, date, rules.cutoff);
}

function daysOf(values: AbsenceFormValues, rules: AbsenceFormRules, errors: AbsenceFormErrors): string[] {
  const { schoolDays, today } = rules;
  if (values.when === 'today') {
    if (!schoolDays.isSchoolDay(today)) errors.when = ['absenceReport.errors.noSchoolToday'];
    return [today];
  }
  if (values.when === 'tomorrow') return [schoolDays.next(today)];
  if (!isLocalDate(values.from)) errors.from = ['absenceReport.errors.date'];
  if (values.to !== '' && !isLocalDate(values.to)) errors.to = ['absenceReport.errors.date'];
  if (errors.from || errors.to) return [];
  const to = values.to === '' ? values.from : values.to;
  const last = addDays(today, rules.aheadDays);
  if (values.from < today) errors.from = ['absenceReport.errors.past'];
  else if (values.from > last) errors.from = ['absenceReport.errors.tooFar'];
  if (to < values.from) errors.to = ['absenceReport.errors.beforeFrom'];
  else if (to > last && values.to !== '') errors.to = ['absenceReport.errors.tooFar'];
  if (errors.from || errors.to) return [];
  const days = schoolDays.between(values.from, to);
  if (days.length === 0) errors.from = ['absenceReport.errors.noSchoolDays'];
  return days;
}

export function parseAbsenceForm(body: Record<string, unknown>, rules: AbsenceFormRules): ParsedAbsenceForm {
  const values: AbsenceFormValues = {
    when: text(body.when), from: text(body.from), to: text(body.to),
    dayPart: text(body.dayPart), reason: text(body.reason), note: text(body.note),
  };
  const errors: AbsenceFormErrors = {};
  if (!(WHEN as readonly string[]).includes(values.when)) errors.when = ['absenceReport.errors.when'];
  const dates = errors.when ? [] : daysOf(values, rules, errors);
  const dayPart = (DAY_PARTS as readonly string[]).includes(values.dayPart) ? values.dayPart as DayPart : undefined;
  if (!dayPart) errors.dayPart = ['absenceReport.errors.dayPart'];
  const reason = rules.reasons.find((r) => r.code === values.reason);
  if (!reason) errors.reason = ['absenceReport.errors.reason'];
  if (values.note.length > NOTE_MAX) errors.note = ['absenceReport.errors.noteTooLong'];
  const pastCutoff = dates.length > 0 && pastCutoffFor(rules, dates[0]!);
  if (pastCutoff || Object.keys(errors).length > 0 || !dayPart || !reason) return { ok: false, pastCutoff, errors, values };
  return { ok: true, dates, dayPart, reason, ...(values.note ? { note: values.note } : {}), values };
}
