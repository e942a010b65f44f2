/**
 * Absence reports: the durable record of each reported day and its delivery item in the outbox
 * (the payload sealed). `report` resolves only once both are on disk (the outbox's enqueue
 * flushes the store), so the "ontvangen" the parent sees survives a crash the next instant.
 *
 * One record per child per day: the id is derived from (pupil, date), so the same day reported
 * twice — a double click, both parents in the same morning — is stored and delivered once; the
 * second report gets the first back (`existing`).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AdapterLogger, Clock, DayPart } from '../../adapters/contract/index.ts';
import { referenceFor } from '../changes/form-key.ts';
import type { Outbox, Seal } from '../outbox/index.ts';
import type { RoutedTo } from '../school/recipient.ts';
import type { DocumentRepo, Store } from '../store/types.ts';
import type { AbsenceReportPayload, AbsenceReportRecord } from './types.ts';

export const ABSENCE_REPORTS_COLLECTION = 'absenceReports';
export const ABSENCE_REPORT_KIND = 'absence-report';

export interface ReportInput {
  accountId: string;
  guardianId: string;
  studentId: string;
  /** School days, in order. */
  dates: string[];
  dayPart: DayPart;
  reason: { code: string; text: string; authorised: boolean };
  note?: string;
  studentName: string;
  guardianName: string;
  groupName: string;
  /** The child's teacher's address in the SIS, if any (teacherAddressOf). */
  teacherEmail?: string;
  requestId?: string;
}

export interface SealedAbsencePayload {
  reportId: string;
  reference: string;
  sealed: string;
}

export interface AbsenceReports {
  /** Stores each day not reported yet; `existing`: days someone had reported already. */
  report(input: ReportInput): Promise<{ created: AbsenceReportRecord[]; existing: AbsenceReportRecord[] }>;
  get(id: string): Promise<AbsenceReportRecord | undefined>;
  /** Every report for a pupil (both parents'), by date. */
  listForStudent(studentId: string): Promise<AbsenceReportRecord[]>;
  /** Every report (the staff page), newest day first. */
  list(): Promise<AbsenceReportRecord[]>;
  markDelivered(id: string, delivery: { via: 'sis' | 'mail'; reference?: string; routedTo?: RoutedTo }): Promise<AbsenceReportRecord | undefined>;
  /**
   * Staff entered a mailed report in the SIS: recorded once (audited as absence.processed);
   * `marked` false when it was already marked or never went by mail. Undefined: no such report.
   */
  markProcessed(id: string, by: { actor: string; requestId?: string }): Promise<{ record: AbsenceReportRecord; marked: boolean } | undefined>;
}

export function reportIdFor(studentId: string, date: string): string {
  return createHash('sha256').update(`absence-report\0${studentId}\0${date}`).digest('hex');
}

/** Everything delivery needs, from the record. */
export function absencePayloadOf(record: AbsenceReportRecord): AbsenceReportPayload {
  return {
    reportId: record.id, reference: record.reference,
    report: {
      studentId: record.studentId, guardianId: record.guardianId, date: record.date, dayPart: record.dayPart,
      reason: { code: record.reasonCode, text: record.reasonText }, authorised: record.authorised,
      ...(record.note ? { note: record.note } : {}), reportedAt: record.reportedAt,
    },
    studentName: record.studentName, guardianName: record.guardianName, groupName: record.groupName,
    ...(record.teacherEmail ? { teacherEmail: record.teacherEmail } : {}),
  };
}

export function createAbsenceReports(deps: {
  store: Store; outbox: Outbox; clock: Clock; logger: Pick<AdapterLogger, 'warn' | 'error'>;
  seal: Seal<AbsenceReportPayload>; kick?: () => void;
}): AbsenceReports {
  const { store, outbox, clock } = deps;
  const records: DocumentRepo<AbsenceReportRecord> = store.collection<AbsenceReportRecord>(ABSENCE_REPORTS_COLLECTION);
  // Reports of one pupil are written one at a time: two parents at once still make one per day.
  const locks = new Map<string, Promise<unknown>>();
  const serialised = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (locks.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    locks.set(key, run);
    void run.catch(() => undefined).finally(() => { if (locks.get(key) === run) locks.delete(key); });
    return run;
  };

  const enqueue = (record: AbsenceReportRecord) => outbox.enqueue<SealedAbsencePayload>({
    id: record.deliveryKey, kind: ABSENCE_REPORT_KIND,
    payload: { reportId: record.id, reference: record.reference, sealed: deps.seal.seal(absencePayloadOf(record), record.deliveryKey) },
  });

  return {
    report(input) {
      return serialised(input.studentId, async () => {
        const created: AbsenceReportRecord[] = [];
        const existing: AbsenceReportRecord[] = [];
        const at = clock.now().toISOString();
        for (const date of input.dates) {
          const id = reportIdFor(input.studentId, date);
          const earlier = await records.get(id);
          if (earlier) {
            existing.push(earlier);
            continue;
          }
          const record: AbsenceReportRecord = {
            id, reference: referenceFor(id, 'ZM'), deliveryKey: `absence-${id}`,
            studentId: input.studentId, accountId: input.accountId, guardianId: input.guardianId,
            date, dayPart: input.dayPart, reasonCode: input.reason.code, reasonText: input.reason.text,
            authorised: input.reason.authorised, ...(input.note ? { note: input.note } : {}),
            studentName: input.studentName, guardianName: input.guardianName, groupName: input.groupName,
            ...(input.teacherEmail ? { teacherEmail: input.teacherEmail } : {}), reportedAt: at,
          };
          await records.put(record);
          created.push(record);
        }
        for (const record of existing) {
          // Heals a crash between the record and its delivery; otherwise a no-op.
          if (!(await outbox.get(record.deliveryKey))) await enqueue(record);
        }
        if (created.length > 0) {
          await store.audit.append({
            id: randomUUID(), at, actor: input.accountId, actorKind: 'parent', action: 'absence.report', studentId: input.studentId,
            section: 'absence-report', requestId: input.requestId, detail: { days: created.length, references: created.map((r) => r.reference).join(',') },
          });
          // Each enqueue flushes the store: records, audit record and deliveries are durable before we answer.
          for (const record of created) await enqueue(record);
          deps.kick?.();
        }
        return { created, existing };
      });
    },

    get: (id) => records.get(id),

    async listForStudent(studentId) {
      return (await records.list((r) => r.studentId === studentId)).sort((a, b) => a.date.localeCompare(b.date));
    },

    async list() {
      return (await records.list()).sort((a, b) => b.date.localeCompare(a.date) || a.studentName.localeCompare(b.studentName));
    },

    async markDelivered(id, delivery) {
      return serialised(`delivered:${id}`, async () => {
        const record = await records.get(id);
        if (!record) return undefined;
        const next: AbsenceReportRecord = { ...record, delivery: { ...delivery, at: clock.now().toISOString() } };
        await records.put(next);
        await store.flush();
        return next;
      });
    },

    async markProcessed(id, by) {
      return serialised(`delivered:${id}`, async () => {
        const record = await records.get(id);
        if (!record) return undefined;
        if (record.processed || record.delivery?.via !== 'mail') return { record, marked: false };
        const at = clock.now().toISOString();
        const next: AbsenceReportRecord = { ...record, processed: { at, by: by.actor } };
        await records.put(next);
        await store.audit.append({
          id: randomUUID(), at, actor: by.actor, actorKind: 'operator', action: 'absence.processed', studentId: record.studentId,
          section: 'absence-report', requestId: by.requestId, detail: { reference: record.reference },
        });
        await store.flush();
        return { record: next, marked: true };
      });
    },
  };
}
