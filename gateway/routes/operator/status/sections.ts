/**
 * The status page is a list of sections; each loads its own model and names the partial that
 * shows it (views/partials/status/<id>.hbs). A feature adds its block by adding a section here
 * (the purge run, the circuit breaker, the store's health), nothing else changes. A section that
 * fails to load shows its error instead of taking the page down. No server file paths are shown.
 */
import path from 'node:path';
import type { Clock } from '../../../../adapters/contract/index.ts';
import type { ChangeRequests } from '../../../changes/change-requests.ts';
import { describeEvent, policyEventsBetween } from '../../../jobs/policy-events.ts';
import { jobRunLog } from '../../../jobs/job-run-log.ts';
import type { JobRun } from '../../../jobs/job-types.ts';
import type { PlatformHealth } from '../../../health/platform-health.ts';
import { platformHealthView } from '../../../health/status-view.ts';
import type { Outbox } from '../../../outbox/index.ts';
import type { CalendarSource } from '../../../policy/index.ts';
import { stateOnDate } from '../../../policy/evaluate.ts';
import { localDateOf } from '../../../policy/local-time.ts';
import { lastPurge } from '../../../retention/purge.ts';
import type { SisService } from '../../../sis/types.ts';
import type { Store } from '../../../store/types.ts';
import { SECTIONS } from '../../parent/section-policy.ts';

export interface StatusDeps {
  sis: Pick<SisService, 'health'>;
  store: Store;
  outbox: Outbox;
  clock: Clock;
  calendar?: CalendarSource;
  mailTransport?: string;
  /** The store's writes and the SIS circuit (gateway/health). */
  health?: () => PlatformHealth;
  /** Stuck corrections (changes/delays.ts), counted by reason in the outbox block. */
  changes?: Pick<ChangeRequests, 'listDelayed'>;
}

export interface StatusSection {
  id: string;
  load(deps: StatusDeps): Promise<Record<string, unknown> | undefined>;
}

const ageMs = (iso: string, now: Date) => Math.max(0, now.getTime() - Date.parse(iso));
const GROUPS = [1, 2, 3, 4, 5, 6, 7, 8];
const LOOK_AHEAD_MS = 60 * 86_400_000;

const sis: StatusSection = {
  id: 'sis',
  async load(deps) {
    const adapters = await deps.sis.health();
    return { adapters: adapters.map((a) => ({ ...a, capabilities: a.capabilities.join(', ') })) };
  },
};

const cache: StatusSection = {
  id: 'cache',
  async load(deps) {
    const now = deps.clock.now();
    const kinds = await deps.store.cache.statsByKind();
    return { kinds: kinds.map((k) => ({ ...k, oldestAgeMs: ageMs(k.oldest, now), newestAgeMs: ageMs(k.newest, now) })) };
  },
};

const calendar: StatusSection = {
  id: 'calendar',
  async load(deps) {
    if (!deps.calendar) return undefined;
    const status = deps.calendar.status();
    const current = deps.calendar.current();
    const today = localDateOf(deps.clock.now(), current.timezone);
    return {
      valid: status.valid, loadedAt: status.loadedAt, checkedAt: status.checkedAt, schoolYear: current.schoolYear, today,
      // The message names the file: only by its base name here (no server paths on pages).
      ...(status.error ? {
        error: { message: status.error.message.split(status.file).join(path.basename(status.file)), line: status.error.line, key: status.error.key },
      } : {}),
      sections: SECTIONS,
      groups: GROUPS.map((group) => ({
        group, cells: SECTIONS.map((section) => ({ section, open: stateOnDate(current, section, group, today).open })),
      })),
    };
  },
};

const upcoming: StatusSection = {
  id: 'upcoming',
  async load(deps) {
    if (!deps.calendar) return undefined;
    const now = deps.clock.now();
    const events = policyEventsBetween(deps.calendar.current(), now, new Date(now.getTime() + LOOK_AHEAD_MS)).slice(0, 8);
    return { events: events.map((e) => ({ at: e.at, text: describeEvent(e) })) };
  },
};

const jobs: StatusSection = {
  id: 'jobs',
  async load(deps) {
    const latest = new Map<string, JobRun>();
    for (const run of await jobRunLog(deps.store).list()) {
      const seen = latest.get(run.job);
      if (!seen || seen.startedAt < run.startedAt) latest.set(run.job, run);
    }
    const now = deps.clock.now();
    const next = deps.calendar ? policyEventsBetween(deps.calendar.current(), now, new Date(now.getTime() + LOOK_AHEAD_MS))[0] : undefined;
    return {
      runs: [...latest.values()].sort((a, b) => a.job.localeCompare(b.job)).map((r) => ({
        job: r.job, startedAt: r.startedAt, outcome: r.outcome, outcomeKey: `operator.status.jobs.outcome.${r.outcome}`, error: r.error,
      })),
      ...(next ? { next: { at: next.at, text: describeEvent(next) } } : {}),
    };
  },
};

const outbox: StatusSection = {
  id: 'outbox',
  async load(deps) {
    const now = deps.clock.now();
    const items = await deps.outbox.list();
    const waiting = items.filter((i) => i.status === 'pending' || i.status === 'delivering');
    const oldest = waiting.map((i) => i.createdAt).sort()[0];
    const delayed = deps.changes && await deps.changes.listDelayed();
    return {
      ...(delayed && {
        delayedCorrections: {
          parked: delayed.filter((d) => d.delay.reason === 'parked').length,
          overdue: delayed.filter((d) => d.delay.reason === 'overdue').length,
        },
      }),
      pending: waiting.length,
      attention: items.filter((i) => i.status === 'attention').length,
      delivered: items.filter((i) => i.status === 'delivered').length,
      ...(oldest ? { oldestAgeMs: ageMs(oldest, now), oldestAt: oldest } : {}),
    };
  },
};

const mail: StatusSection = {
  id: 'mail',
  async load(deps) {
    const items = (await deps.outbox.list()).filter((i) => i.kind === 'mail');
    const delivered = items.map((i) => i.deliveredAt).filter((d): d is string => d !== undefined).sort().at(-1);
    const failing = items.filter((i) => i.lastError && i.status !== 'delivered').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    return {
      transport: deps.mailTransport,
      ...(delivered ? { lastDeliveredAt: delivered } : {}),
      ...(failing ? { lastError: failing.lastError, lastErrorAt: failing.updatedAt } : {}),
      ok: !failing || (delivered !== undefined && delivered > failing.updatedAt),
    };
  },
};

const retention: StatusSection = {
  id: 'retention',
  async load(deps) {
    return { purge: (await lastPurge(deps.store)) ?? null };
  },
};

const platform: StatusSection = {
  id: 'platform',
  async load(deps) {
    return deps.health && { health: platformHealthView(deps.health()) };
  },
};

/** In page order. */
export const STATUS_SECTIONS: StatusSection[] = [platform, sis, cache, calendar, upcoming, jobs, outbox, mail, retention];

export async function loadStatus(deps: StatusDeps, sections: readonly StatusSection[] = STATUS_SECTIONS) {
  return Promise.all(sections.map(async (section) => {
    try {
      const model = await section.load(deps);
      return model && { id: section.id, partial: `status/${section.id}`, model };
    } catch (err) {
      return { id: section.id, partial: 'status/failed', model: { id: section.id, message: (err as Error).message } };
    }
  })).then((list) => list.filter((s) => s !== undefined));
}
