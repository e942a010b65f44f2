/**
 * The leave feature as the service graph builds it: the request store, the administration's mail
 * through the outbox (key `leave:<id>`, queued once), and the parent's notification on a decision.
 */
import type { Clock } from '../../adapters/contract/index.ts';
import type { Config } from '../config/index.ts';
import type { MailQueue } from '../mail/index.ts';
import { notify } from '../notifications/notify.ts';
import type { Store } from '../store/types.ts';
import { leaveMail } from './mail.ts';
import { createLeaveRequests, type LeaveRequests } from './requests.ts';

export function createLeaveFeature(deps: {
  config: Pick<Config, 'leave' | 'changes' | 'school' | 'server'>;
  store: Store; clock: Clock; mail: MailQueue; logger: { error(obj: object, msg?: string): void };
}): LeaveRequests {
  const { config } = deps;
  const to = config.leave.administrationEmail ?? config.changes.administrationEmail ?? config.school.supportEmail;
  const staffUrl = new URL('/beheer/verlof', config.server.publicUrl ?? `http://${config.server.host}:${config.server.port}`).toString();
  const requests = createLeaveRequests({
    store: deps.store, clock: deps.clock, logger: deps.logger,
    ...(to ? {
      announce: async (request) => {
        await deps.mail.queue(`leave:${request.id}`, leaveMail(request, { to, locale: config.school.locale, schoolName: config.school.name, staffUrl }));
      },
    } : {}),
  });
  requests.onDecision(async (request) => {
    await notify(deps, {
      key: `leave:${request.id}:${request.status}`, accountId: request.accountId, topic: 'leave',
      kind: request.status === 'approved' ? 'leave-approved' : 'leave-refused', studentId: request.studentId,
    });
  });
  return requests;
}
