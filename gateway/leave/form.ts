/**
 * The leave request form: first and last day, the reason. The days must lie ahead and hold at
 * least one school day (a range that is all holiday needs no leave); the number of school days
 * decides who decides (the head up to 10, else the leerplichtambtenaar), which the page states.
 */
import { isLocalDate } from '../policy/local-time.ts';
import type { SchoolDays } from '../school-days/index.ts';

export const REASON_MAX = 1000;
/** Leave is asked for ahead, not afterwards, and at most a school year ahead. */
export const LEAVE_AHEAD_DAYS = 366;

export interface LeaveFormValues { from: string; to: string; reason: string }
export type LeaveFormErrors = Partial<Record<keyof LeaveFormValues | 'formKey', string[]>>;

export type ParsedLeaveForm =
  | { ok: true; from: string; to: string; schoolDays: number; reason: string; values: LeaveFormValues }
  | { ok: false; errors: LeaveFormErrors; values: LeaveFormValues };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function parseLeaveForm(body: Record<string, unknown>, rules: { today: string; schoolDays: SchoolDays; lastDay: string }): ParsedLeaveForm {
  const values: LeaveFormValues = { from: text(body.from), to: text(body.to), reason: text(body.reason) };
  const errors: LeaveFormErrors = {};
  if (!isLocalDate(values.from)) errors.from = ['leave.errors.date'];
  else if (values.from <= rules.today) errors.from = ['leave.errors.notAhead'];
  else if (values.from > rules.lastDay) errors.from = ['leave.errors.tooFar'];
  if (!isLocalDate(values.to)) errors.to = ['leave.errors.date'];
  else if (!errors.from && values.to < values.from) errors.to = ['leave.errors.beforeFrom'];
  else if (values.to > rules.lastDay) errors.to = ['leave.errors.tooFar'];
  if (values.reason === '') errors.reason = ['leave.errors.reasonRequired'];
  else if (values.reason.length > REASON_MAX) errors.reason = ['leave.errors.reasonTooLong'];
  const days = errors.from || errors.to ? [] : rules.schoolDays.between(values.from, values.to);
  if (!errors.from && !errors.to && days.length === 0) errors.from = ['leave.errors.onlyHolidays'];
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, from: values.from, to: values.to, schoolDays: days.length, reason: values.reason, values };
}
