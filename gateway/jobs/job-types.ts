/**
 * Jobs: named pieces of work that subscribe to policy events (a section opened or closed, the
 * invitation day, a reminder, the help moment). The scheduler runs each job at most once per
 * event and records every run in the store.
 */
import type { AdapterLogger, Clock } from '../../adapters/contract/adapter.ts';
import type { EventKind, Section } from '../policy/vocabulary.ts';
import type { PolicyEvent } from './policy-events.ts';

/** Which events a job wants; every listed field narrows, an absent one matches all. */
export type Subscription =
  | { type: 'transition'; sections?: readonly Section[]; change?: 'opened' | 'closed' }
  | { type: 'scheduled'; kinds?: readonly EventKind[] };

export interface JobContext {
  /** The id of this run's record in the jobRuns collection. */
  runId: string;
  clock: Clock;
  logger: AdapterLogger;
  /**
   * How long after the event's moment this run starts, in ms. Large after a restart that caught
   * up a missed event: a job may decide a reminder for a day long gone is better skipped.
   */
  lateByMs: number;
}

export interface JobDefinition {
  /** Unique; letters, digits, '.', '-' and '_', starting with a letter (e.g. "invitations.mail"). */
  name: string;
  on: Subscription | readonly Subscription[];
  /** Resolves when done; a rejection is recorded as a failed run (and not retried). */
  run(event: PolicyEvent, context: JobContext): unknown;
}

export type RunOutcome = 'running' | 'succeeded' | 'failed' | 'interrupted';

/**
 * One run of one job for one event, as stored in the jobRuns collection; or the latest run of a
 * cron routine (routine-runs.ts), which has no policy event.
 */
export interface JobRun {
  /**
   * `${event.key}|${job}`: one record per job and event, which is what makes a run happen once.
   * A routine's is `routine|${job}`.
   */
  id: string;
  job: string;
  /** The event's key; for a routine, what started the run (`slot:<minute>` or `run-once`). */
  eventKey: string;
  /** The policy event; absent on a routine's run. */
  event?: PolicyEvent;
  startedAt: string;
  endedAt?: string;
  /** running until it ends; interrupted when the process stopped mid-run (found at the next start). */
  outcome: RunOutcome;
  /** The error message of a failed run. */
  error?: string;
  /** The gateway instance that ran it (gateway/store/instance-id.ts). */
  instance?: string;
}

/** A calendar job's run, as the scheduler starts it: always for an event. */
export type CalendarJobRun = JobRun & { event: PolicyEvent };

export const JOB_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;

export function matches(subscription: Subscription, event: PolicyEvent): boolean {
  if (subscription.type === 'transition') {
    return event.type === 'transition'
      && (subscription.sections === undefined || subscription.sections.includes(event.section))
      && (subscription.change === undefined || subscription.change === event.change);
  }
  return event.type === 'scheduled' && (subscription.kinds === undefined || subscription.kinds.includes(event.kind));
}

export function wants(job: JobDefinition, event: PolicyEvent): boolean {
  const subscriptions: readonly Subscription[] = Array.isArray(job.on) ? job.on : [job.on as Subscription];
  return subscriptions.some((s) => matches(s, event));
}
