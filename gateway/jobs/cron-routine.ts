/**
 * A routine on its own node-cron task (the nightly accounts run, the notification digest, the
 * purge, the correction-delay notices, the issued-reports check, the data-check reminders): one
 * run at a time — a call during a run shares it — a failed run logged, never thrown into cron,
 * and a stop that waits for the run in flight. Tests call runOnce() with their own clock instead
 * of cron, or fire(slot) for what cron does.
 *
 * With several instances each firing is claimed first (slot-claims.ts), so one instance runs it.
 * A firing whose claim fails (the store is down) does not run — fail closed — and is tried again
 * every retryMs until the store answers, then run late, once; a later firing supersedes it (each
 * routine does what is due now, so the newer firing does the older one's work).
 *
 * Every run, fired or called, is recorded in the job run log (routine-runs.ts): running, then
 * succeeded or failed with the error's message, as the scheduler records its calendar jobs, so the
 * status page shows it. The record is for the page: a store that does not take it is logged and
 * changes neither whether the routine runs nor its outcome.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { AdapterLogger } from '../../adapters/contract/index.ts';
import type { RoutineRunLog } from './routine-runs.ts';
import type { SlotClaims } from './slot-claims.ts';

export interface CronRoutineOptions<R> {
  /** The node-cron task's name, and the job's name in its slot claims. */
  name: string;
  expression: string;
  timezone: string;
  logger: Pick<AdapterLogger, 'error'>;
  /** Logged with the error when a run fails. */
  failureMessage: string;
  run(): Promise<R>;
  /** Where each run is recorded (routineRunLog over the routine's store and clock). */
  runs: RoutineRunLog;
  /**
   * Claims each firing across instances (the services' jobSlots). Required, so no routine runs
   * on every instance by leaving it out; on a store one process owns every claim succeeds.
   */
  slots: SlotClaims;
  /** How soon a firing the store could not claim is tried again, in ms; default 60 s. */
  retryMs?: number;
}

export interface CronRoutine<R> {
  runOnce(): Promise<R>;
  /**
   * What cron calls at each firing: claims the slot (its minute) and runs it when this instance
   * has it. Resolves true when it ran here; false when another instance has the slot, or when the
   * claim failed (then it is tried again later). A failed run rejects.
   */
  fire(at: Date): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
}

const DEFAULT_RETRY_MS = 60_000;

export function createCronRoutine<R>(options: CronRoutineOptions<R>): CronRoutine<R> {
  let task: ScheduledTask | undefined;
  let running: Promise<R> | undefined;
  let retry: { slot: number; timer: NodeJS.Timeout } | undefined;
  let stopped = false;
  const recordFailed = (err: unknown) => {
    options.logger.error({ err, job: options.name }, `${options.name}: its run could not be recorded in the job run log`);
    return undefined;
  };

  async function recorded(trigger: string): Promise<R> {
    const run = await options.runs.begin(options.name, trigger).catch(recordFailed);
    let result: R;
    try {
      result = await options.run();
    } catch (err) {
      if (run) await options.runs.end(run, 'failed', err instanceof Error ? err.message : String(err)).catch(recordFailed);
      throw err;
    }
    if (run) await options.runs.end(run, 'succeeded').catch(recordFailed);
    return result;
  }

  const runNow = (trigger: string) => (running ??= recorded(trigger).finally(() => { running = undefined; }));
  const runOnce = () => runNow('run-once');

  function cancelRetry(): void {
    if (retry) clearTimeout(retry.timer);
    retry = undefined;
  }

  async function fire(at: Date): Promise<boolean> {
    const slot = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    if (retry && retry.slot <= slot.getTime()) cancelRetry();
    let mine: boolean;
    try {
      mine = await options.slots.claim(options.name, slot);
    } catch (err) {
      options.logger.error({ err, job: options.name, slot: slot.toISOString() },
        `${options.name}: the store did not answer, so this run waits for it (no run without a claim)`);
      if (!stopped) {
        const timer = setTimeout(() => void fire(slot).catch((e: unknown) => options.logger.error({ err: e }, options.failureMessage)),
          options.retryMs ?? DEFAULT_RETRY_MS);
        timer.unref();
        retry = { slot: slot.getTime(), timer };
      }
      return false;
    }
    if (!mine) return false;
    await runNow(`slot:${slot.toISOString()}`);
    return true;
  }

  return {
    runOnce,
    fire,
    start() {
      stopped = false;
      task = cron.createTask(options.expression, async (context) => {
        try {
          await fire(context.date);
        } catch (err) {
          options.logger.error({ err }, options.failureMessage);
        }
      }, { name: options.name, noOverlap: true, timezone: options.timezone });
      void task.start();
    },
    async stop() {
      stopped = true;
      cancelRetry();
      await task?.destroy();
      task = undefined;
      await running?.catch(() => undefined);
    },
  };
}
