/**
 * A routine on its own node-cron task (the nightly accounts run, the notification digest): one run
 * at a time — a call during a run shares it — a failed run logged, never thrown into cron, and a
 * stop that waits for the run in flight. Tests call runOnce() with their own clock instead of cron.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { AdapterLogger } from '../../adapters/contract/index.ts';

export interface CronRoutineOptions<R> {
  /** The node-cron task's name. */
  name: string;
  expression: string;
  timezone: string;
  logger: Pick<AdapterLogger, 'error'>;
  /** Logged with the error when a run fails. */
  failureMessage: string;
  run(): Promise<R>;
}

export interface CronRoutine<R> {
  runOnce(): Promise<R>;
  start(): void;
  stop(): Promise<void>;
}

export function createCronRoutine<R>(options: CronRoutineOptions<R>): CronRoutine<R> {
  let task: ScheduledTask | undefined;
  let running: Promise<R> | undefined;
  const runOnce = () => (running ??= options.run().finally(() => { running = undefined; }));
  return {
    runOnce,
    start() {
      task = cron.createTask(options.expression, async () => {
        try {
          await runOnce();
        } catch (err) {
          options.logger.error({ err }, options.failureMessage);
        }
      }, { name: options.name, noOverlap: true, timezone: options.timezone });
      void task.start();
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      await running?.catch(() => undefined);
    },
  };
}
