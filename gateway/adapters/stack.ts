/**
 * Stacking (DESIGN §2): several adapters behind one SisAdapter. For each capability the first
 * adapter in the stack that has it answers; results may come from two adapters and are merged.
 * Building the stack calls every module's `create` (which does no I/O) and checks each adapter
 * offers the methods its capabilities promise; all problems end up in one ConfigError.
 */
import {
  CAPABILITIES, METHODS_BY_CAPABILITY, type AdapterDeps, type Capability, type HealthStatus, type SisAdapter,
} from '../../adapters/contract/index.ts';
import { ConfigError } from '../config/config-error.ts';
import { formatPath, type KeyPath } from '../config/issues.ts';
import type { LoadedAdapter } from './load-adapters.ts';
import { mergedListResults } from './merge-results.ts';

/** The methods each capability promises. */
export { METHODS_BY_CAPABILITY };

export interface StackRoute {
  capability: Capability;
  /** The adapter that answers for it, or null when none in the stack can. */
  adapter: string | null;
  /** Its position in `sis.stack`, or null. */
  index: number | null;
}

export interface AdapterHealth extends HealthStatus {
  adapter: string;
  capabilities: Capability[];
}

export interface SisStack extends SisAdapter {
  /** The built adapters in stack order. */
  readonly adapters: readonly SisAdapter[];
  /** Which adapter answers for each known capability; for the boot log and the status page. */
  describeStack(): StackRoute[];
  /** The same as one line for the boot log (see formatStackRoutes). */
  describeStackText(): string;
  /** Every adapter's own health check; never throws. */
  healthOfEach(): Promise<AdapterHealth[]>;
}

export type DepsFactory = (entry: LoadedAdapter) => AdapterDeps;

/**
 * One line for the boot log: "students → parnassys (sis.stack[0]), guardians → oso (sis.stack[1]),
 * …, changes.submit → none".
 */
export function formatStackRoutes(routes: readonly StackRoute[]): string {
  return routes
    .map((r) => `${r.capability} → ${r.adapter === null ? 'none' : `${r.adapter} (sis.stack[${r.index}])`}`)
    .join(', ');
}

function capabilitiesOf(adapter: SisAdapter): Capability[] {
  return CAPABILITIES.filter((c) => adapter.capabilities.has(c));
}

function checkBuilt(adapter: SisAdapter, entry: LoadedAdapter): string[] {
  if (typeof adapter !== 'object' || adapter === null) return ['create() returned no adapter'];
  const capabilities: unknown = adapter.capabilities;
  if (!(capabilities instanceof Set)) return ['the adapter has no capabilities set'];
  const problems: string[] = [];
  if (typeof adapter.healthCheck !== 'function') problems.push('the adapter has no healthCheck()');
  for (const capability of adapter.capabilities) {
    if (!entry.module.capabilities.includes(capability)) {
      problems.push(`the adapter offers ${JSON.stringify(capability)}, which its module does not declare`);
      continue;
    }
    for (const method of METHODS_BY_CAPABILITY[capability]) {
      if (typeof adapter[method] !== 'function') problems.push(`the adapter offers "${capability}" but has no ${method}()`);
    }
  }
  return problems;
}

/** Wraps each built adapter (the gateway's whole-call deadline, deadline.ts). */
export type AdapterWrapper = (adapter: SisAdapter, entry: LoadedAdapter) => SisAdapter;

function buildAll(entries: readonly LoadedAdapter[], makeDeps: DepsFactory, keyPath: KeyPath, wrap?: AdapterWrapper): SisAdapter[] {
  const problems: string[] = [];
  const adapters: SisAdapter[] = [];
  for (const entry of entries) {
    const at = `${formatPath([...keyPath, entry.index])} (${entry.module.name})`;
    try {
      const adapter = entry.module.create(entry.config, makeDeps(entry));
      const found = checkBuilt(adapter, entry);
      problems.push(...found.map((p) => `${at}: ${p}`));
      adapters.push(wrap && found.length === 0 ? wrap(adapter, entry) : adapter);
    } catch (err) {
      problems.push(`${at}: create() failed: ${(err as Error)?.message ?? String(err)}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems, { title: 'The SIS adapter stack cannot be built' });
  return adapters;
}

async function healthOf(adapter: SisAdapter): Promise<AdapterHealth> {
  const base = { adapter: adapter.name, capabilities: capabilitiesOf(adapter) };
  try {
    return { ...base, ...(await adapter.healthCheck()) };
  } catch (err) {
    // The contract says healthCheck never throws; a third-party adapter still might.
    return { ...base, ok: false, latencyMs: 0, detail: `healthCheck threw: ${(err as Error)?.message ?? String(err)}` };
  }
}

export function createStack(
  entries: readonly LoadedAdapter[], makeDeps: DepsFactory, keyPath: KeyPath = ['sis', 'stack'], wrap?: AdapterWrapper,
): SisStack {
  if (entries.length === 0) throw new ConfigError([`${formatPath(keyPath)}: expected at least one adapter`]);
  const adapters = buildAll(entries, makeDeps, keyPath, wrap);

  const serving = new Map<Capability, SisAdapter>();
  for (const capability of CAPABILITIES) {
    const adapter = adapters.find((a) => a.capabilities.has(capability));
    if (adapter) serving.set(capability, adapter);
  }
  const students = serving.get('students');
  const guardians = serving.get('guardians');
  const absences = serving.get('absences');
  const changes = serving.get('changes.submit');
  const reports = serving.get('reports');
  const medical = serving.get('medical');
  const absenceReports = serving.get('absences.report');

  const healthOfEach = () => Promise.all(adapters.map(healthOf));

  const stack: SisStack = {
    name: adapters.map((a) => a.name).join('+'),
    version: adapters.map((a) => `${a.name}@${a.version}`).join('+'),
    capabilities: new Set(serving.keys()),
    adapters,
    describeStack: () => CAPABILITIES.map((capability) => {
      const adapter = serving.get(capability);
      return { capability, adapter: adapter?.name ?? null, index: adapter ? adapters.indexOf(adapter) : null };
    }),
    describeStackText: () => formatStackRoutes(stack.describeStack()),
    healthOfEach,
    async healthCheck() {
      const each = await healthOfEach();
      const failing = each.filter((h) => !h.ok);
      return {
        ok: failing.length === 0,
        latencyMs: Math.max(0, ...each.map((h) => h.latencyMs)),
        ...(failing.length > 0 && { detail: failing.map((h) => `${h.adapter}: ${h.detail ?? 'not ok'}`).join('; ') }),
      };
    },
    async close() {
      const outcomes = await Promise.allSettled(adapters.map((a) => a.close?.()));
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      if (failures.length > 0) throw new AggregateError(failures, 'closing SIS adapters failed');
    },
  };

  if (students) {
    stack.listStudents = (cursor) => students.listStudents!(cursor);
    stack.getStudent = (id) => students.getStudent!(id);
  }
  if (guardians) {
    stack.listGuardians = (cursor) => guardians.listGuardians!(cursor);
    stack.getGuardian = (id) => guardians.getGuardian!(id);
    stack.listGuardiansOfStudent = (id) => guardians.listGuardiansOfStudent!(id);
  }
  if (absences) stack.listAbsences = (id, range) => absences.listAbsences!(id, range);
  const listResults = mergedListResults(serving);
  if (listResults) stack.listResults = listResults;
  if (changes) stack.submitChange = (change, options) => changes.submitChange!(change, options);
  if (reports) {
    stack.listReports = (id) => reports.listReports!(id);
    stack.getReportDocument = (id, reportId) => reports.getReportDocument!(id, reportId);
  }
  if (medical) stack.getMedicalCard = (id) => medical.getMedicalCard!(id);
  if (absenceReports) stack.reportAbsence = (report, options) => absenceReports.reportAbsence!(report, options);
  return stack;
}
