/**
 * Jobs and their scheduler: policy events (section transitions and the calendar's scheduled
 * events) fire once each, also across restarts, and every job run is recorded in the store.
 */
export { createScheduler } from './scheduler.ts';
export type { Scheduler, SchedulerOptions, TickReport } from './scheduler.ts';
export type { JobDefinition, JobContext, JobRun, RunOutcome, Subscription } from './job-types.ts';
export { policyEventsBetween, describeEvent } from './policy-events.ts';
export type { PolicyEvent, TransitionEvent, ScheduledEventOccurrence } from './policy-events.ts';
export { JOB_RUNS_COLLECTION } from './job-run-log.ts';
export { POLICY_STATE_COLLECTION } from './event-watermark.ts';
