/**
 * A parent's request for leave outside the school holidays (verlof, art. 11 and 14 Leerplichtwet):
 * the head decides on up to 10 school days; a longer request goes to the leerplichtambtenaar.
 */
import type { ChangeRequest } from '../changes/types.ts';

export const LEAVE_STATUSES = ['submitted', 'approved', 'refused'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/** The most school days the head decides on; longer is the leerplichtambtenaar's. */
export const HEAD_DECIDES_MAX_DAYS = 10;

/** Who asked, for which child — as a correction names them (for staff, while the SIS may be down). */
type RequestParties = Pick<ChangeRequest, 'accountId' | 'guardianId' | 'studentId' | 'studentName' | 'guardianName' | 'groupName'>;

export interface LeaveRequest extends RequestParties {
  /** Derived from the account and the form key: one form, one request. */
  id: string;
  /** Short, shown to the parent and staff ("VL-7K3Q-9F2M"). */
  reference: string;
  /** First and last day of leave, inclusive local dates. */
  from: string;
  to: string;
  /** The school days in that range (holidays and weekends left out). */
  schoolDays: number;
  reason: string;
  status: LeaveStatus;
  submittedAt: string;
  updatedAt: string;
  /** The school's decision, with its note for the parent. */
  decision?: { status: 'approved' | 'refused'; by: string; at: string; note?: string };
}
