/**
 * What every test of one conformance run shares: the validated config, fresh adapters on demand,
 * sample ids discovered once, and the latency recorder.
 */
import type { AdapterDeps, AdapterModule, Capability, Clock, SisAdapter } from '../index.ts';
import { CAPABILITIES } from '../index.ts';
import { addDays, fail, preview, schoolYearOf, today } from './checks.ts';
import { LatencyRecorder, timed } from './latency.ts';
import { capabilitiesOf } from './capability-methods.ts';
import { defaultDeps, recordDeps, unreachableHttp, type DepsCall } from './recording-deps.ts';
import { blockSocketsDuring } from './socket-guard.ts';
import type { ConformanceFixtures, ConformanceOptions } from './types.ts';

export interface BuiltAdapter {
  /** The adapter seen through the latency recorder; use this one in tests. */
  adapter: SisAdapter;
  /** Every use of http, logger and clock since construction began. */
  calls: DepsCall[];
  /** The clock the adapter was given, read without being recorded. */
  clock: Clock;
}

const DEFAULT_UNKNOWN_ID = 'ouderpoort-conformance-no-such-id-7f3c9a';

export class SuiteContext {
  readonly module: AdapterModule<unknown>;
  readonly fixtures: ConformanceFixtures;
  readonly latency = new LatencyRecorder();
  readonly maxPages: number;
  readonly samples: number;
  readonly unknownId: string;
  /** The capabilities the module declares (known ones only). */
  readonly declared: ReadonlySet<Capability>;
  /** The capabilities an adapter built from this config offers: they switch the test groups. */
  readonly tested: ReadonlySet<Capability>;
  readonly #options: ConformanceOptions<unknown>;
  #config?: { value: unknown } | { error: string };
  #studentIds?: Promise<string[]>;
  #guardianIds?: Promise<string[]>;
  #discovery?: BuiltAdapter;
  #absenceRange?: Promise<{ from: string; to: string }>;
  /** Set when the runner offers an `after` hook: discovery then keeps one adapter until dispose(). */
  keepDiscoveryOpen = false;

  constructor(options: ConformanceOptions<unknown>) {
    this.#options = options;
    this.module = options.module;
    this.fixtures = options.fixtures ?? {};
    this.maxPages = options.limits?.maxPages ?? 1000;
    this.samples = options.limits?.samples ?? 5;
    this.unknownId = this.fixtures.unknownId ?? DEFAULT_UNKNOWN_ID;
    const listed = Array.isArray(options.module?.capabilities) ? options.module.capabilities : [];
    this.declared = new Set(listed.filter((c) => (CAPABILITIES as readonly string[]).includes(c)));
    this.tested = this.#probeCapabilities();
  }

  has(capability: Capability): boolean {
    return this.tested.has(capability);
  }

  /**
   * Builds one adapter while the tests are being registered, to learn what this config enables
   * (a config may narrow a module's capabilities). Construction does no I/O by contract; the probe
   * still gets an unreachable network and blocked sockets, and falls back to the declared
   * capabilities when building fails (the construction rule then reports why).
   */
  #probeCapabilities(): ReadonlySet<Capability> {
    try {
      const deps = { ...defaultDeps(), http: unreachableHttp() };
      const adapter = blockSocketsDuring(() => this.module.create(this.config(), deps));
      const offered = new Set(capabilitiesOf(adapter));
      void Promise.resolve(adapter.close?.()).catch(() => undefined);
      return new Set([...this.declared].filter((c) => offered.has(c)));
    } catch {
      return this.declared;
    }
  }

  /** The config as the module's schema parses it (defaults applied), like the gateway passes it. */
  config(): unknown {
    if (!this.#config) {
      const parsed = this.module.configSchema.safeParse(this.#options.config);
      this.#config = parsed.success
        ? { value: parsed.data }
        : { error: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
    }
    if ('error' in this.#config) fail(`the config does not validate against the module's configSchema: ${this.#config.error}`);
    return this.#config.value;
  }

  /** A fresh adapter, built the way the gateway builds one; `adjust` may swap deps (e.g. an unreachable network). */
  build(adjust?: (deps: AdapterDeps) => AdapterDeps): BuiltAdapter {
    const base = this.#options.makeDeps?.() ?? defaultDeps();
    const deps = adjust ? adjust(base) : base;
    const recorded = recordDeps(deps);
    const raw = this.module.create(this.config(), recorded.deps);
    if (typeof raw !== 'object' || raw === null) fail(`create() returned ${preview(raw)} instead of an adapter object`);
    return { adapter: timed(raw, this.latency), calls: recorded.calls, clock: deps.clock };
  }

  /** Runs `fn` with a fresh adapter and closes the adapter afterwards. */
  async withAdapter<T>(fn: (adapter: SisAdapter, built: BuiltAdapter) => Promise<T>): Promise<T> {
    const built = this.build();
    try {
      return await fn(built.adapter, built);
    } finally {
      await built.adapter.close?.();
    }
  }

  /** Pupils to read: from fixtures, else listStudents, else guardians' child links. */
  studentIds(): Promise<string[]> {
    this.#studentIds ??= this.#discoverStudents();
    return this.#studentIds;
  }

  /** Guardians to read: from fixtures, else listGuardians. */
  guardianIds(): Promise<string[]> {
    this.#guardianIds ??= this.#discoverGuardians();
    return this.#guardianIds;
  }

  /**
   * The range listAbsences is asked for: fixtures.absenceRange, else the previous and the current
   * school year by the adapter's clock — or, when no sample pupil has absences there (demo data
   * built around a fixed year), the ten school years before through the next one, so the rules
   * still get data to judge.
   */
  absenceRange(adapter: SisAdapter, clock: Clock): Promise<{ from: string; to: string }> {
    this.#absenceRange ??= this.#findAbsenceRange(adapter, clock);
    return this.#absenceRange;
  }

  async #findAbsenceRange(adapter: SisAdapter, clock: Clock): Promise<{ from: string; to: string }> {
    if (this.fixtures.absenceRange) return this.fixtures.absenceRange;
    const start = Number(schoolYearOf(today(clock)).slice(0, 4));
    const usual = { from: `${start - 1}-08-01`, to: addDays(`${start + 1}-08-01`, -1) };
    for (const id of await this.studentIds()) {
      const found = await adapter.listAbsences!(id, usual);
      if (Array.isArray(found) && found.length > 0) return usual;
    }
    return { from: `${start - 10}-08-01`, to: addDays(`${start + 2}-08-01`, -1) };
  }

  async #discoverStudents(): Promise<string[]> {
    if (this.fixtures.studentIds?.length) return this.fixtures.studentIds.slice(0, this.samples);
    let ids: string[];
    let source: string;
    if (this.has('students')) {
      source = 'listStudents';
      ids = await this.#collect((a, c) => a.listStudents!(c), (s: { id: string }) => [s.id]);
    } else if (this.has('guardians')) {
      source = "listGuardians' child links";
      ids = await this.#collect((a, c) => a.listGuardians!(c), (g: { children: Array<{ studentId: string }> }) => g.children.map((l) => l.studentId));
    } else {
      fail("the adapter offers neither 'students' nor 'guardians' to find pupils with: pass fixtures.studentIds");
    }
    if (ids.length === 0) fail(`${source} gave no pupils; the suite needs at least one to read (or pass fixtures.studentIds)`);
    return ids;
  }

  async #discoverGuardians(): Promise<string[]> {
    if (this.fixtures.guardianIds?.length) return this.fixtures.guardianIds.slice(0, this.samples);
    if (!this.has('guardians')) fail("the adapter does not offer 'guardians': pass fixtures.guardianIds");
    const ids = await this.#collect((a, c) => a.listGuardians!(c), (g: { id: string }) => [g.id]);
    if (ids.length === 0) fail('listGuardians gave no guardians; the suite needs at least one to read (or pass fixtures.guardianIds)');
    return ids;
  }

  /** Closes the adapter discovery kept open (the runner's `after` hook). */
  async dispose(): Promise<void> {
    const discovery = this.#discovery;
    this.#discovery = undefined;
    await discovery?.adapter.close?.();
  }

  /** Reads pages until enough distinct sample ids are found; a few pages at most, so broken paging cannot hang discovery. */
  async #collect<T>(list: (a: SisAdapter, cursor?: string) => Promise<{ items: T[]; next?: string }>, idsOf: (item: T) => string[]): Promise<string[]> {
    this.#discovery ??= this.build();
    const { adapter } = this.#discovery;
    try {
      const ids = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < 10 && ids.size < this.samples; page++) {
        const result = await list(adapter, cursor);
        for (const item of result?.items ?? []) for (const id of idsOf(item)) if (typeof id === 'string') ids.add(id);
        cursor = result?.next;
        if (cursor === undefined) break;
      }
      return [...ids].slice(0, this.samples);
    } finally {
      if (!this.keepDiscoveryOpen) await this.dispose();
    }
  }
}
