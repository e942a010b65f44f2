/**
 * The scheduler: turns the calendar into events (a section opened or closed for some groups; the
 * invitation day, reminders, the help moment) and runs the jobs subscribed to them.
 *
 * State drives it, not cron. The store keeps the instant up to which events were processed; each
 * tick fires every event in (that instant, now] and moves it on. So an event fires once while the
 * server runs, once at the next start if the server was down at its moment, and never twice.
 * A job runs at most once per event: its run record (jobRuns) is written before it starts, so a
 * crash between a run and the watermark update does not run it again. That write is a claim
 * (DocumentRepo.create; INSERT … ON CONFLICT DO NOTHING on PostgreSQL): instances sharing one
 * store all process each event, and exactly one of them runs each job for it. A store that does
 * not answer fails the tick before any job runs (fail closed); the watermark stays, and the next
 * tick after the store is back catches up, as after downtime.
 *
 * node-cron only supplies the ticks (every minute, in the calendar's zone, so a tick lands on each
 * local midnight); `tick()` is public so tests drive time with a manual clock and never sleep.
 * Cron does not flip any flag: whether a section is open is always `evaluate` at request time.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { AdapterLogger, Clock } from '../../adapters/contract/adapter.ts';
import type { Calendar } from '../policy/calendar-types.ts';
import { instanceId } from '../store/instance-id.ts';
import type { Store } from '../store/types.ts';
import { jobRunLog } from './job-run-log.ts';
import { JOB_NAME, wants, type CalendarJobRun, type JobDefinition, type JobRun } from './job-types.ts';
import { eventWatermark } from './event-watermark.ts';
import { describeEvent, policyEventsBetween, type PolicyEvent } from './policy-events.ts';

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  /** The calendar in force, asked on every tick (so a hot reload counts from the next tick). */
  getCalendar: () => Calendar;
  logger: AdapterLogger;
  /**
   * When node-cron ticks; default every minute. Validated here, at boot. `false`: no cron task,
   * the owner calls tick() (tests with a manual clock; a process that only catches up).
   */
  cronExpression?: string | false;
  /** The cron task's name; default "ouderpoort-policy-tick". */
  taskName?: string;
  /** This instance's name on its run records; default from gateway/store/instance-id.ts. */
  owner?: string;
  /**
   * True (default) when this process is the only one on the store: at start every run left
   * 'running' was cut short. False on a shared store: only runs older than a day are (a younger
   * one may be another instance's, still going).
   */
  exclusive?: boolean;
}

const SHARED_RUN_STALE_MS = 86_400_000;

export interface TickReport {
  /** The window processed: (from, to]. Empty (from === to) when the clock did not move on. */
  from: string;
  to: string;
  events: PolicyEvent[];
  /** The runs this tick started (a job already run for an event is not run again). */
  runs: CalendarJobRun[];
}

export interface Scheduler {
  /** Adds a job; its name must be unique. Jobs added later see only events after that. */
  register(job: JobDefinition): void;
  jobNames(): string[];
  /** Marks runs cut short by a previous stop as interrupted, catches up, then starts ticking. */
  start(): Promise<TickReport>;
  /** Processes events up to the clock's now. Ticks never overlap: a second call waits its turn. */
  tick(): Promise<TickReport>;
  /** Stops ticking and waits for a running tick to finish. */
  stop(): Promise<void>;
  /** Recorded runs, oldest first. */
  listRuns(filter?: { job?: string }): Promise<JobRun[]>;
}

const DEFAULT_EXPRESSION = '* * * * *';

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, clock, getCalendar, logger } = options;
  const expression = options.cronExpression ?? DEFAULT_EXPRESSION;
  if (expression !== false && !cron.validate(expression)) throw new Error(`Invalid cron expression for the policy scheduler: "${expression}"`);
  const taskName = options.taskName ?? 'ouderpoort-policy-tick';
  const owner = options.owner ?? instanceId();
  const watermark = eventWatermark(store);
  const runLog = jobRunLog(store);
  const jobs = new Map<string, JobDefinition>();
  let task: ScheduledTask | undefined;
  let state: 'new' | 'started' | 'stopped' = 'new';
  let queue: Promise<unknown> = Promise.resolve();

  async function runJob(job: JobDefinition, event: PolicyEvent): Promise<CalendarJobRun | undefined> {
    if (await runLog.find(event, job.name)) return undefined;
    const started = clock.now();
    const run = await runLog.begin(event, job.name, started, owner);
    // Another instance claimed this job for this event between the look and the claim.
    if (!run) return undefined;
    const context = { runId: run.id, clock, logger, lateByMs: Math.max(0, started.getTime() - Date.parse(event.at)) };
    try {
      await job.run(event, context);
      return await runLog.end(run, 'succeeded', clock.now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      logger.error({ job: job.name, event: event.key, err }, `job ${job.name} failed`);
      return await runLog.end(run, 'failed', clock.now(), message);
    }
  }

  async function processUntilNow(): Promise<TickReport> {
    const now = clock.now();
    let from = await watermark.get();
    if (from === undefined) {
      // A fresh install starts from now: a year of past transitions is history, not news.
      await watermark.set(now, now);
      logger.info({ from: now.toISOString() }, 'policy scheduler: first start, processing events from now on');
      from = now;
    }
    if (now.getTime() <= from.getTime()) return { from: from.toISOString(), to: from.toISOString(), events: [], runs: [] };

    const events = policyEventsBetween(getCalendar(), from, now);
    const runs: CalendarJobRun[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as PolicyEvent;
      logger.info({ event: event.key, at: event.at }, `policy event: ${describeEvent(event)}`);
      for (const job of jobs.values()) {
        if (!wants(job, event)) continue;
        const run = await runJob(job, event);
        if (run) runs.push(run);
      }
      // Only once every event of this instant is done may the watermark pass it.
      const next = events[i + 1];
      if (next === undefined || next.at !== event.at) await watermark.set(new Date(event.at), clock.now());
    }
    await watermark.set(now, clock.now());
    return { from: from.toISOString(), to: now.toISOString(), events, runs };
  }

  function tick(): Promise<TickReport> {
    if (state === 'stopped') return Promise.reject(new Error('The policy scheduler is stopped'));
    const next = queue.then(processUntilNow);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    register(job) {
      if (!JOB_NAME.test(job.name)) throw new Error(`Invalid job name "${job.name}"`);
      if (jobs.has(job.name)) throw new Error(`A job named "${job.name}" is already registered`);
      jobs.set(job.name, job);
    },
    jobNames: () => [...jobs.keys()],
    async start() {
      if (state !== 'new') throw new Error(`The policy scheduler cannot start: it is ${state}`);
      state = 'started';
      const now = clock.now();
      const interrupted = await runLog.markInterrupted(now, options.exclusive === false ? new Date(now.getTime() - SHARED_RUN_STALE_MS) : undefined);
      for (const run of interrupted) logger.warn({ job: run.job, event: run.eventKey }, `job ${run.job} was interrupted by a stop`);
      const report = await tick();
      // stop() may have come while catching up; then there is nothing to start.
      if (state !== 'started' || expression === false) return report;
      task = cron.createTask(expression, async () => {
        try {
          await tick();
        } catch (err) {
          logger.error({ err }, 'policy scheduler tick failed');
        }
      }, { name: taskName, noOverlap: true, timezone: getCalendar().timezone });
      await task.start();
      return report;
    },
    tick,
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      await task?.destroy();
      task = undefined;
      await queue;
    },
    listRuns: (filter) => runLog.list(filter),
  };
}
