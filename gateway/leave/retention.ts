/**
 * Retention of leave requests (leave.retention): a request is deleted that long after its last
 * day of leave, or after its decision when that came later. One not yet decided is kept.
 */
import { instantOfLocal } from '../policy/local-time.ts';
import type { Store } from '../store/types.ts';
import { LEAVE_REQUESTS_COLLECTION } from './requests.ts';
import type { LeaveRequest } from './types.ts';

export async function purgeOldLeaveRequests(deps: { store: Store; clock: { now(): Date } }, retentionMs: number, timeZone: string): Promise<number> {
  const cutoff = deps.clock.now().getTime() - retentionMs;
  const requests = deps.store.collection<LeaveRequest>(LEAVE_REQUESTS_COLLECTION);
  const old = await requests.list((r) => r.decision !== undefined
    && Math.max(instantOfLocal(r.to, '23:59', timeZone).getTime(), Date.parse(r.decision.at)) <= cutoff);
  for (const request of old) await requests.delete(request.id);
  return old.length;
}
