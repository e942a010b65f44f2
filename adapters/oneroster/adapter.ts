/**
 * The OneRoster 1.2 adapter: rostering (students, guardians, homeroom groups) and gradebook
 * (method-test results) of one school (orgSourcedId). No attendance: OneRoster has none.
 */
import { SisError, notFound, type AdapterDeps, type Capability, type HealthStatus, type Page, type SisAdapter } from '../contract/index.ts';
import { createOneRosterClient } from './client.ts';
import { ONEROSTER_CAPABILITIES, type OneRosterConfig } from './config.ts';
import { mapResults, type OrCategory, type OrLineItem, type OrResult } from './results.ts';
import { buildRoster, type OrClass, type OrDemographics, type OrEnrollment, type OrUser, type Roster } from './roster.ts';

export const ONEROSTER_ADAPTER_VERSION = '0.1.0';

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const q = (v: string) => `'${v.replace(/'/g, "''")}'`;

function pageOf<T>(items: readonly T[], size: number, cursor?: string): Page<T> {
  const offset = cursor === undefined ? 0 : Number(/^o(\d+)$/.exec(cursor)?.[1] ?? NaN);
  if (!Number.isSafeInteger(offset)) throw new SisError('SIS_NOT_FOUND', { message: 'Unknown page cursor for OneRoster.' });
  const page: Page<T> = { items: items.slice(offset, offset + size) };
  if (offset + size < items.length) page.next = `o${offset + size}`;
  return page;
}

export function buildOneRosterAdapter(config: OneRosterConfig, deps: AdapterDeps): SisAdapter {
  const capabilities: ReadonlySet<Capability> = new Set(config.capabilities ?? ONEROSTER_CAPABILITIES);
  const client = createOneRosterClient(config, deps.http, deps.clock);
  const school = `/rostering/v1p2/schools/${encodeURIComponent(config.orgSourcedId)}`;
  let kept: { at: number; day: string; roster: Roster } | undefined;
  let pending: Promise<Roster> | undefined;
  let gradebook: { at: number; lineItems: Map<string, OrLineItem>; categories: Map<string, OrCategory> } | undefined;

  async function load(today: string): Promise<Roster> {
    const [students, guardians, classes, enrollments, demographics] = await Promise.all([
      client.all<OrUser>(`${school}/students`, 'users'),
      capabilities.has('guardians') ? client.all<OrUser>('/rostering/v1p2/users', 'users', "roles.role='parent' OR roles.role='guardian'") : Promise.resolve([]),
      client.all<OrClass>(`${school}/classes`, 'classes', "classType='homeroom'"),
      client.all<OrEnrollment>(`${school}/enrollments`, 'enrollments', "role='student'"),
      client.all<OrDemographics>('/rostering/v1p2/demographics', 'demographics'),
    ]);
    const roster = buildRoster({ students, guardians, classes, enrollments, demographics }, config, today);
    const incomplete = roster.skipped.length > 0 || roster.withoutGroup.length > 0;
    deps.logger[incomplete ? 'warn' : 'debug']({ pupils: roster.students.length, guardians: roster.guardians.length, skipped: roster.skipped, withoutGroup: roster.withoutGroup }, 'OneRoster roster read');
    return roster;
  }

  async function roster(): Promise<Roster> {
    const now = deps.clock.now().getTime();
    const today = amsterdam.format(new Date(now));
    if (kept && kept.day === today && now - kept.at < config.cacheMs && now >= kept.at) return kept.roster;
    pending ??= load(today).then((r) => {
      kept = { at: deps.clock.now().getTime(), day: today, roster: r };
      return r;
    }).finally(() => {
      pending = undefined;
    });
    return pending;
  }

  async function pupil(id: string) {
    const found = (await roster()).byId.get(id);
    if (!found) throw notFound(`student ${id}`);
    return found;
  }

  const adapter: SisAdapter = {
    name: 'oneroster',
    version: ONEROSTER_ADAPTER_VERSION,
    capabilities,
    async healthCheck(): Promise<HealthStatus> {
      const started = performance.now();
      try {
        const r = await roster();
        const notes = [
          ...(r.skipped.length > 0 ? [`left out: ${r.skipped.join('; ')}`] : []),
          ...(r.withoutGroup.length > 0 ? [`no group yet: ${r.withoutGroup.join(', ')}`] : []),
        ];
        return { ok: true, latencyMs: Math.round(performance.now() - started), detail: [`OneRoster org ${config.orgSourcedId}: ${r.students.length} pupils, ${r.guardians.length} guardians`, ...notes].join('. ') };
      } catch (err) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), detail: err instanceof SisError ? `${err.code}: ${err.message}` : 'health check failed' };
      }
    },
    async close() {
      kept = undefined;
      gradebook = undefined;
    },
  };
  if (capabilities.has('students')) {
    adapter.listStudents = async (cursor) => structuredClone(pageOf((await roster()).students, config.pageSize, cursor));
    adapter.getStudent = async (id) => structuredClone(await pupil(id));
  }
  if (capabilities.has('guardians')) {
    adapter.listGuardians = async (cursor) => structuredClone(pageOf((await roster()).guardians, config.pageSize, cursor));
    adapter.getGuardian = async (id) => {
      const found = (await roster()).guardians.find((g) => g.id === id);
      if (!found) throw notFound(`guardian ${id}`);
      return structuredClone(found);
    };
    adapter.listGuardiansOfStudent = async (id) => {
      await pupil(id);
      return structuredClone((await roster()).guardians.filter((g) => g.children.some((l) => l.studentId === id)));
    };
  }
  if (capabilities.has('results.method')) {
    adapter.listResults = async (id, options = {}) => {
      const student = await pupil(id);
      if (student.jaargroep === undefined) return [];
      const now = deps.clock.now().getTime();
      if (!gradebook || now - gradebook.at >= config.cacheMs || now < gradebook.at) {
        const [lineItems, categories] = await Promise.all([
          client.all<OrLineItem>(`/gradebook/v1p2/schools/${encodeURIComponent(config.orgSourcedId)}/lineItems`, 'lineItems'),
          client.all<OrCategory>('/gradebook/v1p2/categories', 'categories'),
        ]);
        gradebook = { at: now, lineItems: new Map(lineItems.map((l) => [l.sourcedId, l])), categories: new Map(categories.map((c) => [c.sourcedId, c])) };
      }
      // `filter`: one pupil's results, not the whole board's.
      const results = await client.all<OrResult>('/gradebook/v1p2/results', 'results', `student.sourcedId=${q(id)}`);
      const mapped = mapResults(id, student.jaargroep, results, gradebook.lineItems, gradebook.categories, config);
      return mapped.filter((r) => options.schoolYear === undefined || r.schoolYear === options.schoolYear);
    };
  }
  return adapter;
}
