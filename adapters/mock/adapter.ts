/**
 * The mock SIS adapter: serves the generated demo school through the contract, with injected
 * latency and failures. Methods exist only for the capabilities it was configured with, because
 * the gateway decides by presence what an adapter can do.
 */
import {
  CAPABILITIES, RESULT_KINDS_BY_CAPABILITY, SisError, notFound,
  type AbsenceRecord, type AbsenceReport, type AdapterLogger, type Capability, type ChangeProposal, type Clock, type HealthStatus,
  type ResultKind, type SisAdapter,
} from '../contract/index.ts';
import type { MockConfig } from './config.ts';
import { isIsoDate } from './data/dates.ts';
import { loadSchool, type SchoolView } from './data/school-view.ts';
import { DEMO_SCHOOL } from './demo-school.ts';
import { FaultInjector } from './faults.ts';
import { pageOf } from './paging.ts';
import { ChangeInbox, Inbox, type ReceivedAbsenceReport, type SubmittedChange } from './change-inbox.ts';
import { reportContent } from './data/reports.ts';
import { renderReportPdf } from './report-pdf.ts';

export const MOCK_ADAPTER_VERSION = '0.1.0';

export interface MockSisAdapter extends SisAdapter {
  /**
   * Mock-only, for tests and the demo: copies of the changes received through submitChange, in
   * the order they were first written. Not part of the adapter contract.
   */
  readonly submitted: readonly SubmittedChange[];
  /** Mock-only: copies of the absence reports received through reportAbsence, oldest first. */
  readonly reportedAbsences: readonly ReceivedAbsenceReport[];
}

export interface MockDeps {
  clock: Clock;
  logger: AdapterLogger;
}

/** A deep copy of a readonly list is the caller's to change. */
type Writable<T> = T extends readonly (infer U)[] ? U[] : T;

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

export function buildMockAdapter(config: MockConfig, deps: MockDeps): MockSisAdapter {
  const capabilities: ReadonlySet<Capability> = new Set(config.capabilities ?? CAPABILITIES);
  const faults = new FaultInjector(config, deps.clock);
  const inbox = new ChangeInbox();
  const absenceInbox = new Inbox<AbsenceReport>('ZIEK');
  /** Reported absences as the SIS registers them: listed from the moment they are received. */
  const reportedOf = (studentId: string): AbsenceRecord[] => absenceInbox.list()
    .filter((r) => r.change.studentId === studentId)
    .map((r) => ({
      kind: 'record', id: `reported-${r.reference}`, studentId, date: r.change.date, dayPart: r.change.dayPart,
      reason: { ...r.change.reason }, authorised: r.change.authorised, late: false,
    }));
  const resultKinds = new Set<ResultKind>(
    (['results.method', 'results.lvs'] as const).filter((c) => capabilities.has(c)).flatMap((c) => RESULT_KINDS_BY_CAPABILITY[c]),
  );
  let school: SchoolView | undefined;
  let closed = false;

  const load = (): SchoolView => {
    if (!school) {
      school = loadSchool({ seed: config.seed, pupils: config.pupils, schoolYear: config.schoolYear });
      deps.logger.debug({ pupils: school.students.length, guardians: school.guardians.length, ms: Math.round(school.builtInMs) }, 'mock SIS school ready');
    }
    return school;
  };

  /** Every call: faults first, then the answer, deep-copied so callers cannot change the school. */
  const call = async <T>(answer: (view: SchoolView) => T): Promise<Writable<T>> => {
    if (closed) throw new SisError('SIS_UNAVAILABLE', { message: 'Mock SIS adapter closed' });
    await faults.beforeCall();
    return structuredClone(answer(load())) as Writable<T>;
  };

  const known = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw notFound(what);
    return value;
  };

  /** With hideFuture, records dated after the clock's local date are not known yet. */
  const recorded = <T extends { date: string }>(items: readonly T[]): readonly T[] => {
    if (!config.hideFuture) return items;
    const today = amsterdamDate.format(deps.clock.now());
    return items.filter((item) => item.date <= today);
  };

  const adapter: MockSisAdapter = {
    name: 'mock',
    version: MOCK_ADAPTER_VERSION,
    capabilities,
    get submitted() {
      return inbox.list();
    },
    get reportedAbsences() {
      return absenceInbox.list();
    },

    async healthCheck(): Promise<HealthStatus> {
      const started = performance.now();
      try {
        if (closed) throw new SisError('SIS_UNAVAILABLE', { message: 'Mock SIS adapter closed' });
        await faults.beforeCall();
        return { ok: true, latencyMs: Math.round(performance.now() - started), detail: `Mock SIS: ${DEMO_SCHOOL.name} (${DEMO_SCHOOL.brin})` };
      } catch (err) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), detail: err instanceof Error ? err.message : String(err) };
      }
    },

    async close() {
      closed = true;
      faults.close();
    },
  };

  if (capabilities.has('students')) {
    adapter.listStudents = (cursor) => call((v) => pageOf('students', v.students, config.pageSize, cursor));
    adapter.getStudent = (id) => call((v) => known(v.studentsById.get(id), `student ${id}`));
  }

  if (capabilities.has('guardians')) {
    adapter.listGuardians = (cursor) => call((v) => pageOf('guardians', v.guardians, config.pageSize, cursor));
    adapter.getGuardian = (id) => call((v) => known(v.guardiansById.get(id), `guardian ${id}`));
    adapter.listGuardiansOfStudent = (id) => call((v) => known(v.guardiansOfStudent.get(id), `student ${id}`));
  }

  if (capabilities.has('absences')) {
    adapter.listAbsences = (id, range) => call((v) => {
      if (!isIsoDate(range.from) || !isIsoDate(range.to)) {
        throw new RangeError('listAbsences: from and to must be ISO local dates (YYYY-MM-DD)');
      }
      const all = known(v.absencesOf(id), `student ${id}`);
      // A reported day is known to the SIS ahead of time, whatever hideFuture says.
      return [...recorded(all), ...reportedOf(id)]
        .filter((a) => a.date >= range.from && a.date <= range.to)
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    });
  }

  if (resultKinds.size > 0) {
    adapter.listResults = (id, options = {}) => call((v) => {
      const all = known(v.resultsOf(id), `student ${id}`);
      return recorded(all).filter((r) => resultKinds.has(r.kind)
        && (options.schoolYear === undefined || r.schoolYear === options.schoolYear));
    });
  }

  if (capabilities.has('changes.submit')) {
    adapter.submitChange = async (change: ChangeProposal, options: { idempotencyKey: string }) => {
      if (typeof options?.idempotencyKey !== 'string' || options.idempotencyKey === '') {
        throw new RangeError('submitChange: an idempotencyKey is required');
      }
      return call((v) => {
        const earlier = inbox.byKey(options.idempotencyKey);
        if (earlier) return { reference: earlier };
        known(v.studentsById.get(change.studentId), `student ${change.studentId}`);
        known(v.guardiansById.get(change.guardianId), `guardian ${change.guardianId}`);
        return { reference: inbox.add(options.idempotencyKey, change, deps.clock.now()) };
      });
    };
  }

  if (capabilities.has('absences.report')) {
    adapter.reportAbsence = async (report: AbsenceReport, options: { idempotencyKey: string }) => {
      if (typeof options?.idempotencyKey !== 'string' || options.idempotencyKey === '') {
        throw new RangeError('reportAbsence: an idempotencyKey is required');
      }
      if (!isIsoDate(report.date)) throw new RangeError('reportAbsence: date must be an ISO local date (YYYY-MM-DD)');
      return call((v) => {
        const earlier = absenceInbox.byKey(options.idempotencyKey);
        if (earlier) return { reference: earlier };
        known(v.studentsById.get(report.studentId), `student ${report.studentId}`);
        return { reference: absenceInbox.add(options.idempotencyKey, report, deps.clock.now()) };
      });
    };
  }

  if (capabilities.has('reports')) {
    adapter.listReports = (id) => call((v) => known(v.reportsOf(id), `student ${id}`));
    adapter.getReportDocument = async (studentId, reportId) => {
      const { student, report } = await call((v) => {
        const reports = known(v.reportsOf(studentId), `student ${studentId}`);
        return {
          student: v.studentsById.get(studentId)!,
          report: known(reports.find((r) => r.id === reportId), `report ${reportId} of student ${studentId}`),
        };
      });
      const bytes = await renderReportPdf(reportContent(config.seed, student, report, config.schoolYear), DEMO_SCHOOL);
      return { contentType: report.contentType, byteLength: bytes.length, body: chunked(bytes) };
    };
  }

  if (capabilities.has('medical')) {
    adapter.getMedicalCard = (id) => call((v) => known(v.medicalOf(id), `student ${id}`));
  }

  return adapter;
}

/** The document as a stream of 16 KiB chunks, as a real SIS would send it. */
async function* chunked(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 16_384) yield bytes.subarray(at, at + 16_384);
}
