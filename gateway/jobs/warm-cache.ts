/**
 * Warms the record cache when results open, so the morning rush of parents reads the cache
 * instead of queueing on the SIS (bench/README.md, "Opening day").
 *
 * When: on every 'opened' transition of results.method or results.lvs (the calendar's local
 * midnight, picked up by the scheduler's next tick; a reopening after a closure counts too).
 * Not before: results may still be entered until the section opens, and warming earlier would
 * cache what parents must not see yet only to throw it away. With the default TTL (1 h) the
 * records are stale by breakfast; they are then served at once from the cache and refreshed in
 * the background, one SIS call per record per TTL, never on a parent's critical path.
 *
 * What: for every guardian with an active account, the guardian record (read-through) and each
 * visible child's student record (read-through; it also says the child's jaargroep); then the
 * results (and, where the SIS has reports, the report list the results page links) of the
 * children in the transition's groups, fetched anew whatever their age. Both
 * results sections usually open at one instant: a pupil is fetched once per instant.
 */
import { isSisError } from '../../adapters/contract/index.ts';
import { visibleChildLinks } from '../privacy/visible.ts';
import type { RecordKind, SisService } from '../sis/types.ts';
import type { AccountRepo } from '../store/types.ts';
import type { JobDefinition } from './job-types.ts';

export const WARM_CACHE_JOB = 'cache.warm-results';
const DEFAULT_CONCURRENCY = 32;

export interface WarmCacheOptions {
  sis: Pick<SisService, 'allGuardians' | 'getGuardian' | 'getStudent' | 'warm' | 'capabilities'>;
  accounts: Pick<AccountRepo, 'findByGuardianId'>;
  /** SIS calls in flight at once (default 32): 2,000 parents warm in about 30 s at 200 ms a call. */
  concurrency?: number;
}

export interface WarmReport {
  guardians: number;
  pupils: number;
  warmed: number;
  failed: number;
}

/** Runs `work` over `items` with at most `limit` at a time; a rejection counts, it does not stop the rest. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failed;
}

/** SIS_NOT_FOUND: a guardian or pupil who left; nothing to warm, and no failure. */
async function unlessGone<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (isSisError(err, 'SIS_NOT_FOUND')) return undefined;
    throw err;
  }
}

export function createWarmCacheJob(options: WarmCacheOptions): JobDefinition & { lastReport(): WarmReport | undefined } {
  const { sis, accounts } = options;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  // Pupils whose results were fetched for the opening instant `warmedAt`; earlier instants are forgotten.
  let warmedAt: string | undefined;
  let warmed = new Set<string>();
  let report: WarmReport | undefined;

  async function accountHolders(): Promise<Array<{ guardianId: string; studentIds: string[] }>> {
    const holders: Array<{ guardianId: string; studentIds: string[] }> = [];
    for await (const guardian of sis.allGuardians()) {
      const account = await accounts.findByGuardianId(guardian.id);
      if (!account || account.status !== 'active') continue;
      holders.push({ guardianId: guardian.id, studentIds: visibleChildLinks(guardian, account.scope).map((l) => l.studentId) });
    }
    return holders;
  }

  return {
    name: WARM_CACHE_JOB,
    on: { type: 'transition', sections: ['results.method', 'results.lvs'], change: 'opened' },
    lastReport: () => report,
    async run(event, context) {
      if (event.type !== 'transition') return;
      if (warmedAt !== event.at) {
        warmedAt = event.at;
        warmed = new Set();
      }
      const holders = await accountHolders();
      const pupils = [...new Set(holders.flatMap((h) => h.studentIds))];
      const guardianFailures = await eachLimited(holders, concurrency, async (h) => {
        await unlessGone(sis.getGuardian(h.guardianId));
      });
      const groups = new Set<number>(event.groups);
      // The results page links the report of the same period, so it reads the report list too.
      const kinds: RecordKind[] = sis.capabilities.has('reports') ? ['results', 'reports'] : ['results'];
      let count = 0;
      const pupilFailures = await eachLimited(pupils, concurrency, async (studentId) => {
        const student = await unlessGone(sis.getStudent(studentId));
        if (!student || student.value.jaargroep === undefined || !groups.has(student.value.jaargroep) || warmed.has(studentId)) return;
        await sis.warm(studentId, kinds);
        warmed.add(studentId);
        count += 1;
      });
      const failed = guardianFailures + pupilFailures;
      report = { guardians: holders.length, pupils: pupils.length, warmed: count, failed };
      context.logger.info({ job: WARM_CACHE_JOB, event: event.key, ...report }, 'results cache warmed');
      // A partial warm is still worth keeping; the failed run tells the operator it was partial.
      if (failed > 0) throw new Error(`cache warm incomplete: ${failed} SIS reads failed (${count} pupils warmed)`);
    },
  };
}
