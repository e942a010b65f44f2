/**
 * The account jobs:
 * - `accounts.invitations`, on the calendar's scheduled `invitations` event (the scheduler runs it
 *   once per event, also when the event was missed while the gateway was down): provisions from
 *   the SIS, then sends every account its first invitation.
 * - the nightly run at `mail.invitations.nightlyAt` (local time; node-cron in the school's zone):
 *   provisions from the SIS (new guardians, children added or left, changed addresses, accounts
 *   whose last child left disabled) and — once an invitations event has passed in the calendar —
 *   invites the accounts created since. What is past its retention (decided corrections included)
 *   goes in the nightly purge later that night (gateway/retention/). A nightly run is idempotent, so a run twice in one night
 *   (or one at every restart) changes nothing more.
 */
import { createCronRoutine, type CronRoutine } from '../jobs/cron-routine.ts';
import { routineRunLog } from '../jobs/routine-runs.ts';
import { countedRun } from '../metrics/job-metrics.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { eventsBetween } from '../policy/index.ts';
import type { Services } from '../services.ts';
import { inviteAll, type InvitationDeps, type InviteAllReport } from './invitations.ts';
import { provisionAccounts, type ProvisionReport } from './provision.ts';

export const INVITATIONS_JOB = 'accounts.invitations';

export type AccountJobDeps = Pick<Services, 'config' | 'clock' | 'mail' | 'mailRenderer' | 'outbox' | 'sis' | 'store' | 'logger' | 'calendar' | 'metrics' | 'jobSlots' | 'instanceId'>;

export interface AccountRunReport {
  provision: ProvisionReport;
  invitations?: InviteAllReport;
}

function invitationDeps(deps: AccountJobDeps): InvitationDeps {
  return { ...deps, accounts: deps.store.accounts };
}

async function provision(deps: AccountJobDeps): Promise<ProvisionReport> {
  const report = await provisionAccounts({ sis: deps.sis, accounts: deps.store.accounts, clock: deps.clock });
  deps.logger.info({
    created: report.created.length, updated: report.updated, disabled: report.disabled.length, forgotten: report.forgotten.length,
    enabled: report.enabled.length, skipped: report.skipped, disableRefused: report.disableRefused,
  }, 'accounts provisioned');
  if (report.disableRefused) deps.logger.warn('provisioning would disable more than half of the accounts: nothing disabled (is the SIS answer complete?)');
  return report;
}

/** True once the calendar's invitations event (any) has come. */
export function invitationsHaveStarted(deps: Pick<AccountJobDeps, 'calendar' | 'clock'>): boolean {
  return eventsBetween(deps.calendar.current(), new Date(0), deps.clock.now()).some((e) => e.kind === 'invitations');
}

export function createInvitationJob(deps: AccountJobDeps): JobDefinition {
  return {
    name: INVITATIONS_JOB,
    on: { type: 'scheduled', kinds: ['invitations'] },
    async run() {
      await provision(deps);
      const report = await inviteAll(invitationDeps(deps));
      deps.logger.info({ invited: report.invited.length, skipped: report.skipped }, 'invitations queued');
    },
  };
}

/** runOnce() is one nightly run now (tests call it with their own clock). */
export type NightlyAccounts = CronRoutine<AccountRunReport>;

export function createNightlyAccounts(deps: AccountJobDeps): NightlyAccounts {
  const [hour, minute] = deps.config.mail.invitations.nightlyAt.split(':').map(Number);

  async function run(): Promise<AccountRunReport> {
    const report: AccountRunReport = { provision: await provision(deps) };
    if (invitationsHaveStarted(deps)) {
      report.invitations = await inviteAll(invitationDeps(deps));
      deps.logger.info({ invited: report.invitations.invited.length }, 'nightly: late invitations queued');
    }
    return report;
  }

  return createCronRoutine({
    name: 'ouderpoort-nightly-accounts', expression: `${minute} ${hour} * * *`, timezone: deps.config.school.timezone,
    logger: deps.logger, slots: deps.jobSlots, runs: routineRunLog(deps), failureMessage: 'nightly accounts run failed', run: countedRun(deps.metrics, 'accounts.nightly', run),
  });
}
