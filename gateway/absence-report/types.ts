/**
 * A parent's absence report (ziekmelding) as the portal keeps it: one record per child per school
 * day, whoever reported it — a second report of the same day, by either parent, is the first one.
 * Its delivery is an outbox item of kind "absence-report" whose id is the record's delivery key.
 */
import type { AbsenceReport, DayPart } from '../../adapters/contract/index.ts';
import type { RoutedTo } from '../school/recipient.ts';

export interface AbsenceReportRecord {
  /** Derived from (pupil, date): one report per child per day. */
  id: string;
  /** Short, shown to the parent and staff ("ZM-7K3Q-9F2M"). */
  reference: string;
  /** The outbox item's id, passed on as the SIS's idempotency key. */
  deliveryKey: string;
  studentId: string;
  /** Who reported it: the account and its guardian. */
  accountId: string;
  guardianId: string;
  date: string;
  dayPart: DayPart;
  reasonCode: string;
  /** The reason's label in the school's language, for staff and the SIS. */
  reasonText: string;
  authorised: boolean;
  note?: string;
  /** For staff and the administration's mail (the SIS may be down when they look). */
  studentName: string;
  guardianName: string;
  groupName: string;
  /** The child's teacher's address from the SIS when reported: where the mail goes without absences.report. */
  teacherEmail?: string;
  reportedAt: string;
  /** How and when it reached the school; by mail, to whom. */
  delivery?: { via: 'sis' | 'mail'; at: string; reference?: string; routedTo?: RoutedTo };
  /** A mailed report that staff entered in the SIS themselves: by whom, when (a delivery to the SIS needs none). */
  processed?: { at: string; by: string };
}

/** What delivery needs, sealed in the outbox (the note may say why a child is ill). */
export interface AbsenceReportPayload {
  reportId: string;
  reference: string;
  report: AbsenceReport;
  studentName: string;
  guardianName: string;
  groupName: string;
  teacherEmail?: string;
}
