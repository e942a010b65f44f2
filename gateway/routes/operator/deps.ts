/** What the operator pages are built from. */
import type { AdapterLogger, Clock } from '../../../adapters/contract/index.ts';
import type { ReissueDeps } from '../../accounts/reissue.ts';
import type { ChangeRequests } from '../../changes/change-requests.ts';
import type { OperatorDirectory, OperatorSessionLimits } from '../../operators/index.ts';
import type { StaffRole } from '../../operators/roles.ts';
import type { Outbox } from '../../outbox/index.ts';
import type { CalendarSource } from '../../policy/index.ts';
import type { PlatformHealth } from '../../health/platform-health.ts';
import type { Store } from '../../store/types.ts';

export interface OperatorRouterDeps {
  operators: OperatorDirectory;
  changes: ChangeRequests;
  outbox: Outbox;
  store: Store;
  clock: Clock;
  logger: Pick<AdapterLogger, 'info' | 'warn' | 'error'>;
  limits: OperatorSessionLimits;
  /** For the status page; without it the page shows the outbox only. */
  calendar?: CalendarSource;
  /** Asks the delivery worker for a pass (after a parked item is sent again, an invitation re-issued). */
  kick?: () => void;
  /** Store and SIS circuit health for the status page (gateway/health). */
  health?: () => PlatformHealth;
  /** What re-issuing an invitation needs (gateway/accounts/reissue.ts): createApp passes the services. */
  invitations: ReissueDeps;
}

/** The logged-in operator, as the guard puts it on res.locals.operator. */
export interface OperatorUser {
  username: string;
  name: string;
  roles: StaffRole[];
}
