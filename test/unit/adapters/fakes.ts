/** Small in-test adapter modules and an importer that serves them without a filesystem. */
import { z, type ZodType } from 'zod';
import type {
  AdapterDeps, AdapterModule, Capability, SisAdapter, Student, TestResult,
} from '../../../adapters/contract/index.ts';
import type { ImportModule } from '../../../gateway/adapters/index.ts';

export function student(id: string): Student {
  return {
    id,
    name: { given: 'Sem', family: 'Jansen' },
    birthDate: '2017-03-04',
    group: { id: 'g5', name: 'Groep 5', jaargroepen: [5] },
    jaargroep: 5,
    teachers: [],
    contacts: [],
    enrolment: { from: '2021-08-30' },
  };
}

export function result(id: string, kind: TestResult['kind'], date: string): TestResult {
  return {
    id, studentId: 's1', kind, testName: `toets ${id}`, subject: 'rekenen', date,
    schoolYear: '2025-2026', jaargroep: 5, referenceScores: [],
  };
}

/** An adapter with every method its capabilities promise; each answer names the adapter. */
export function fakeAdapter(name: string, capabilities: Capability[], overrides: Partial<SisAdapter> = {}): SisAdapter {
  return {
    name,
    version: '1.0.0',
    capabilities: new Set(capabilities),
    healthCheck: async () => ({ ok: true, latencyMs: 5 }),
    listStudents: async () => ({ items: [student(`${name}-s1`)] }),
    getStudent: async (id) => ({ ...student(id), name: { given: name, family: 'Adapter' } }),
    listGuardians: async () => ({ items: [] }),
    getGuardian: async (id) => ({ id, name: { given: name, family: 'G' }, contacts: [], children: [] }),
    listGuardiansOfStudent: async () => [],
    listAbsences: async (studentId) => [{
      id: `${name}-a1`, studentId, date: '2026-01-05', dayPart: 'day', reason: { code: 'ZIEK', text: 'Ziek' }, authorised: true, late: false,
    }],
    listResults: async () => [],
    submitChange: async () => ({ reference: `${name}-ref` }),
    listReports: async (studentId) => [{
      id: `${name}-r1`, studentId, schoolYear: '2025-2026', period: 'Rapport 1', kind: 'rapport', issuedOn: '2026-02-17', jaargroep: 5, contentType: 'application/pdf',
    }],
    getReportDocument: async () => ({ contentType: 'application/pdf', body: (async function* () { yield Buffer.from(`%PDF-${name}`); })() }),
    getMedicalCard: async (studentId) => ({
      studentId, medication: [], allergies: [{ id: `${name}-m1`, text: 'Hooikoorts', secret: false }], diet: [], careContacts: [], remarks: [],
    }),
    ...overrides,
  };
}

export interface FakeModuleOptions<C> {
  name: string;
  capabilities: Capability[];
  configSchema?: ZodType<C>;
  create?: (config: C, deps: AdapterDeps) => SisAdapter;
}

export function fakeModule<C = unknown>(options: FakeModuleOptions<C>): AdapterModule<C> {
  return {
    name: options.name,
    version: '1.0.0',
    capabilities: options.capabilities,
    configSchema: options.configSchema ?? (z.object({}) as unknown as ZodType<C>),
    create: options.create ?? (() => fakeAdapter(options.name, options.capabilities)),
  };
}

/** Serves `modules` by specifier; anything else fails the way Node's loader does. */
export function importerOf(modules: Record<string, unknown>): ImportModule & { calls: string[] } {
  const calls: string[] = [];
  const importModule = async (specifier: string) => {
    calls.push(specifier);
    if (specifier in modules) return modules[specifier];
    const what = specifier.startsWith('file:') ? `module '${new URL(specifier).pathname}'` : `package '${specifier.split('/')[0]}'`;
    throw Object.assign(new Error(`Cannot find ${what} imported from /work/gateway/adapters/load-adapters.ts`), { code: 'ERR_MODULE_NOT_FOUND' });
  };
  return Object.assign(importModule, { calls });
}
