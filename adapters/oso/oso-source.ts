/**
 * Keeps the index in step with the folder, lazily: nothing is read until the first call. A call
 * re-scans when the folder watcher saw a change, when pollMs (by the injected clock) has passed
 * since the last check, or when rescan() asks; a scan re-reads only changed files. Calls arriving
 * during a scan share it.
 */
import { SisError, type AdapterLogger, type Clock } from '../contract/index.ts';
import type { OsoConfig } from './config.ts';
import { localToday } from './dates.ts';
import { buildIndexPaced, type FolderProblem, type OsoIndex } from './dossier-index.ts';
import { DossierFolder } from './dossier-folder.ts';
import type { FolderWatcher, WatchFolder } from './folder-watch.ts';
import { IdMapFile } from './id-map.ts';
import { SchoolView } from './school-view.ts';

export interface OsoSourceDeps {
  clock: Clock;
  logger: AdapterLogger;
  watch: WatchFolder;
}

/** What the folder gave at the last check; healthCheck's detail is made from it. */
export interface OsoFolderStatus {
  dir: string;
  /** Dossiers read (a pupil in two dossiers counts twice). */
  dossiers: number;
  /** Pupils with an id, departed ones included. */
  pupils: number;
  /** Pupils whose enrolment has not ended, by the clock. */
  currentPupils: number;
  /** Every file, dossier or pupil left out or only partly read, with the reason. */
  problems: FolderProblem[];
  /** Set when the folder (or id map) cannot be read at all; the last good data stays in use. */
  unavailable?: string;
}

export class OsoSource {
  readonly #config: OsoConfig;
  readonly #deps: OsoSourceDeps;
  readonly #folder: DossierFolder;
  readonly #idMap?: IdMapFile;
  #index?: OsoIndex;
  /** The view for one day, shared while it is built. */
  #view?: { today: string; index: OsoIndex; value: Promise<SchoolView> };
  #dossiers = 0;
  #problems: FolderProblem[] = [];
  #unavailable?: string;
  #lastCheck?: number;
  #stale = false;
  #pending?: Promise<void>;
  #watcher?: FolderWatcher;
  #watchFailed = false;
  #closed = false;

  constructor(config: OsoConfig, deps: OsoSourceDeps) {
    this.#config = config;
    this.#deps = deps;
    this.#folder = new DossierFolder({
      dir: config.dir,
      maxFileBytes: config.maxFileBytes,
      results: { includeIntelligenceTests: config.includeIntelligenceTests },
      logger: deps.logger,
    });
    if (config.idMapFile) this.#idMap = new IdMapFile(config.idMapFile);
  }

  /** The school as it stands today; rejects with SIS_UNAVAILABLE when the folder was never readable. */
  async view(): Promise<SchoolView> {
    if (this.#closed) throw new SisError('SIS_UNAVAILABLE', { message: 'OSO adapter closed' });
    await this.#refreshIfDue(false);
    const index = this.#index;
    if (!index) throw new SisError('SIS_UNAVAILABLE', { message: this.#unavailable ?? 'The OSO dossiers have not been read' });
    const today = localToday(this.#deps.clock);
    if (this.#view?.today !== today || this.#view.index !== index) {
      const memo = { today, index, value: SchoolView.build(index, today) };
      // A view that could not be built is not kept: the next call builds it again.
      memo.value.catch(() => {
        if (this.#view === memo) this.#view = undefined;
      });
      this.#view = memo;
    }
    return this.#view.value;
  }

  /** Checks the folder now, whatever pollMs says; resolves when the changes are in. */
  async rescan(): Promise<void> {
    await this.#refreshIfDue(true);
  }

  async status(): Promise<OsoFolderStatus> {
    await this.#refreshIfDue(false);
    const view = this.#index ? await this.view() : undefined;
    const studentProblems = [...(view?.students.values() ?? [])].flatMap((o) => (o.ok ? (o.note ? [{ problem: o.note }] : []) : [{ problem: o.problem }]));
    return {
      dir: this.#config.dir,
      dossiers: this.#dossiers,
      pupils: this.#index?.pupils.size ?? 0,
      currentPupils: view ? view.students.size : 0,
      problems: [...this.#problems, ...studentProblems],
      ...(this.#unavailable && { unavailable: this.#unavailable }),
    };
  }

  close(): void {
    this.#closed = true;
    this.#watcher?.close();
    this.#watcher = undefined;
  }

  async #refreshIfDue(force: boolean): Promise<void> {
    if (force && this.#pending) await this.#pending.catch(() => undefined);
    if (!force && this.#pending) return this.#pending;
    const now = this.#deps.clock.now().getTime();
    const due = force || this.#stale || this.#lastCheck === undefined || Math.abs(now - this.#lastCheck) >= this.#config.pollMs;
    if (!due) return;
    this.#pending = this.#refresh(now).finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #refresh(now: number): Promise<void> {
    this.#stale = false;
    this.#lastCheck = now;
    this.#startWatching();
    try {
      const scan = await this.#folder.scan();
      const idMap = await this.#idMap?.read();
      this.#unavailable = this.#idMap && !idMap?.map ? idMap?.problems[0] : undefined;
      if (scan.changed || idMap?.changed || !this.#index) {
        this.#index = await buildIndexPaced(scan.records, { from: this.#config.studentIdFrom, ...(this.#idMap && { map: idMap?.map ?? new Map() }) });
        this.#view = undefined;
        this.#dossiers = scan.records.length;
        for (const p of this.#index.problems) this.#deps.logger.warn({ ...(p.file && { file: p.file }), problem: p.problem }, 'OSO dossier left out');
        this.#deps.logger.info({ dossiers: scan.records.length, pupils: this.#index.pupils.size, problems: scan.problems.length + this.#index.problems.length }, 'OSO dossiers read');
      }
      this.#problems = [...(idMap?.problems ?? []).map((problem) => ({ problem })), ...scan.problems, ...this.#index.problems];
    } catch (err) {
      // Unreadable folder: keep serving what was read before, and say so in the health check.
      this.#unavailable = (err as Error)?.message ?? String(err);
      this.#deps.logger.warn({ dir: this.#config.dir }, 'OSO dossier folder cannot be read');
    }
  }

  #startWatching(): void {
    if (!this.#config.watch || this.#watcher || this.#closed) return;
    try {
      this.#watcher = this.#deps.watch(this.#config.dir, () => {
        this.#stale = true;
      }, () => {
        // The watched folder went away (or the platform gave up): polling carries on, and the next refresh watches again.
        this.#watcher?.close();
        this.#watcher = undefined;
        this.#stale = true;
      });
      this.#watchFailed = false;
    } catch {
      if (!this.#watchFailed) this.#deps.logger.warn({ dir: this.#config.dir }, 'OSO dossier folder cannot be watched; relying on pollMs');
      this.#watchFailed = true;
    }
  }
}
