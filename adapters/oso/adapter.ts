/**
 * The OSO dossier adapter: serves a folder of OSO gegevensset 2019.1 dossiers through the
 * contract. Methods exist only for the capabilities it offers, because the gateway decides by
 * presence what an adapter can do.
 */
import { SisError, notFound, type AdapterLogger, type Capability, type Clock, type HealthStatus, type SisAdapter } from '../contract/index.ts';
import { OSO_CAPABILITIES, type OsoConfig } from './config.ts';
import { isIsoDate } from './dates.ts';
import type { WatchFolder } from './folder-watch.ts';
import { OsoSource, type OsoFolderStatus } from './oso-source.ts';
import { pageById } from './paging.ts';
import type { SchoolView } from './school-view.ts';

export const OSO_ADAPTER_VERSION = '0.1.0';

export interface OsoSisAdapter extends SisAdapter {
  /**
   * OSO-specific, not part of the contract: checks the folder now instead of waiting for the
   * watcher or pollMs, and resolves when added, changed and removed files are in.
   */
  rescan(): Promise<void>;
  /** OSO-specific: what the folder gave, with every file or pupil left out and why. */
  folderStatus(): Promise<OsoFolderStatus>;
}

export interface OsoDeps {
  clock: Clock;
  logger: AdapterLogger;
  watch: WatchFolder;
}

const MAX_PROBLEMS_IN_DETAIL = 10;

function healthDetail(status: OsoFolderStatus): string {
  const parts = [`${status.currentPupils} current pupils from ${status.dossiers} dossiers in ${status.dir}`];
  if (status.unavailable) parts.push(status.unavailable);
  if (status.problems.length > 0) {
    const shown = status.problems.slice(0, MAX_PROBLEMS_IN_DETAIL).map((p) => (p.file ? `${p.file}: ${p.problem}` : p.problem));
    const more = status.problems.length - shown.length;
    parts.push(`${status.problems.length} problem(s): ${shown.join('; ')}${more > 0 ? `; … and ${more} more` : ''}`);
  }
  return parts.join('. ');
}

export function buildOsoAdapter(config: OsoConfig, deps: OsoDeps): OsoSisAdapter {
  const capabilities: ReadonlySet<Capability> = new Set(config.capabilities ?? OSO_CAPABILITIES);
  const source = new OsoSource(config, deps);

  /** A current pupil's id, or SIS_NOT_FOUND (unknown and departed alike). */
  const current = (view: SchoolView, studentId: string): string => {
    if (!view.isCurrent(studentId)) throw notFound(`student ${studentId}`);
    return studentId;
  };

  const adapter: OsoSisAdapter = {
    name: 'oso',
    version: OSO_ADAPTER_VERSION,
    capabilities,

    async healthCheck(): Promise<HealthStatus> {
      const started = performance.now();
      try {
        const status = await source.status();
        const ok = status.unavailable === undefined && status.pupils > 0;
        return { ok, latencyMs: Math.round(performance.now() - started), detail: healthDetail(status) };
      } catch (err) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), detail: err instanceof Error ? err.message : String(err) };
      }
    },

    rescan: () => source.rescan(),
    folderStatus: () => source.status(),

    async close() {
      source.close();
    },
  };

  if (capabilities.has('students')) {
    adapter.listStudents = async (cursor) => structuredClone(pageById('students', (await source.view()).listStudents(), config.pageSize, cursor));
    adapter.getStudent = async (studentId) => {
      const view = await source.view();
      const outcome = view.students.get(current(view, studentId));
      if (!outcome) throw notFound(`student ${studentId}`);
      if (!outcome.ok) throw new SisError('SIS_BAD_RESPONSE', { message: outcome.problem });
      return structuredClone(outcome.student);
    };
  }

  if (capabilities.has('guardians')) {
    adapter.listGuardians = async (cursor) => structuredClone(pageById('guardians', (await source.view()).listGuardians(), config.pageSize, cursor));
    adapter.getGuardian = async (guardianId) => {
      const guardian = (await source.view()).guardians.get(guardianId);
      if (!guardian) throw notFound(`guardian ${guardianId}`);
      return structuredClone(guardian);
    };
    adapter.listGuardiansOfStudent = async (studentId) => {
      const view = await source.view();
      return structuredClone([...view.guardiansOf(current(view, studentId))]);
    };
  }

  if (capabilities.has('absences')) {
    // OSO has totals, not dated absences: the answer is the verzuim summary when its period meets the range.
    adapter.listAbsences = async (studentId, range) => {
      if (!isIsoDate(range?.from ?? '') || !isIsoDate(range?.to ?? '')) {
        throw new RangeError('listAbsences: from and to must be ISO local dates (YYYY-MM-DD)');
      }
      const view = await source.view();
      return structuredClone(view.absences(current(view, studentId), range));
    };
  }

  if (capabilities.has('results.lvs')) {
    adapter.listResults = async (studentId, options = {}) => {
      const view = await source.view();
      const index = view.results(current(view, studentId));
      return structuredClone(index.filter((r) => options.schoolYear === undefined || r.schoolYear === options.schoolYear));
    };
  }

  if (capabilities.has('medical')) {
    adapter.getMedicalCard = async (studentId) => {
      const view = await source.view();
      return view.medical(current(view, studentId));
    };
  }

  return adapter;
}
