/**
 * Keeps one getLeerlingen answer for a short while, so reading 200 pupils one by one costs one
 * SOAP call, and lets concurrent callers share the call in flight. Failures are not kept. Only
 * the latest school year is held: the gateway keeps its own cache, this one only saves calls.
 */
import type { Clock } from '../contract/index.ts';
import type { LeerlingenReturn } from './leerlingen-schema.ts';
import { buildRosterPaced, type Roster, type RosterOptions } from './roster.ts';

export interface CachedLeerlingen {
  schoolYear: string;
  /** clock.now() in ms when the answer arrived. */
  fetchedAt: number;
  data: LeerlingenReturn;
}

export interface LeerlingenCacheOptions {
  ttlMs: number;
  clock: Clock;
  fetch(schoolYear: string): Promise<LeerlingenReturn>;
}

interface Entry extends CachedLeerlingen {
  /** The roster joined for one day, reused until the day or the answer changes; shared while it is joined. */
  roster?: { day: string; studentId: RosterOptions['studentId']; value: Promise<Roster> };
}

export class LeerlingenCache {
  readonly #options: LeerlingenCacheOptions;
  #entry?: Entry;
  readonly #pending = new Map<string, Promise<Entry>>();
  /** Bumped by clear(): a call still in flight from before must not refill the cache. */
  #generation = 0;

  constructor(options: LeerlingenCacheOptions) {
    this.#options = options;
  }

  /** The answer for a school year: kept if younger than ttlMs, else fetched (once, however many ask). */
  async get(schoolYear: string): Promise<CachedLeerlingen> {
    return this.#load(schoolYear);
  }

  /** The roster for a day, from the kept answer when it is fresh. */
  async roster(options: RosterOptions): Promise<Roster> {
    const entry = await this.#load(options.schoolYear);
    const memo = entry.roster;
    if (memo && memo.day === options.day && memo.studentId === options.studentId) return memo.value;
    // Paced: joining 1,500 pupils in one go would hold up the event loop for 50–120 ms.
    const value = buildRosterPaced(entry.data, options);
    entry.roster = { day: options.day, studentId: options.studentId, value };
    value.catch(() => {
      if (entry.roster?.value === value) entry.roster = undefined;
    });
    return value;
  }

  clear(): void {
    this.#generation++;
    this.#entry = undefined;
    this.#pending.clear();
  }

  #load(schoolYear: string): Promise<Entry> {
    const entry = this.#entry;
    const now = this.#options.clock.now().getTime();
    if (entry && entry.schoolYear === schoolYear && now - entry.fetchedAt < this.#options.ttlMs && now >= entry.fetchedAt) {
      return Promise.resolve(entry);
    }
    const inFlight = this.#pending.get(schoolYear);
    if (inFlight) return inFlight;
    const generation = this.#generation;
    const call = this.#options.fetch(schoolYear).then((data) => {
      const fresh: Entry = { schoolYear, fetchedAt: this.#options.clock.now().getTime(), data };
      if (generation === this.#generation) this.#entry = fresh;
      return fresh;
    }).finally(() => {
      if (this.#pending.get(schoolYear) === call) this.#pending.delete(schoolYear);
    });
    this.#pending.set(schoolYear, call);
    return call;
  }
}
