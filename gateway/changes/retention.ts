/**
 * Retention of parents' corrections (config `changes.retention`): the portal keeps a transient
 * copy, not an archive (DOMAIN §5). A request decided by the school (processed or rejected) longer
 * ago than the retention is deleted — the request record with its fields and the school's note,
 * then its delivered item in the outbox. What has not been delivered is never touched, decided or
 * not: the portal promised to deliver it. The audit log keeps the reference, which is not personal.
 *
 * The request goes first: a run stopped between the two deletes leaves a delivered, sealed outbox
 * item, never a request without its delivery (which the start-up recovery would send again).
 */
import { randomUUID } from 'node:crypto';
import type { AdapterLogger, Clock } from '../../adapters/contract/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Store } from '../store/types.ts';
import { CHANGE_REQUESTS_COLLECTION } from './change-requests.ts';
import type { ChangeRequest } from './types.ts';

export interface RetentionReport {
  /** References of the requests deleted. */
  purged: string[];
  /** Decided long enough ago, but their delivery has not gone out: kept. */
  keptUndelivered: number;
}

const isDecided = (r: ChangeRequest) => r.status === 'processed' || r.status === 'rejected';

/** When the school decided: the history entry that set the final status (updatedAt for older records). */
export function decidedAt(request: ChangeRequest): string {
  return request.history.findLast((h) => h.status === request.status)?.at ?? request.updatedAt;
}

export async function purgeDecidedChanges(
  deps: { store: Store; outbox: Outbox; clock: Clock; logger: Pick<AdapterLogger, 'info'> },
  retentionMs: number,
): Promise<RetentionReport> {
  const now = deps.clock.now();
  const cutoff = now.getTime() - retentionMs;
  // The raw records: what the purge reads (status, history dates, ids) is kept readable beside the
  // sealed part (sealed-requests.ts), so it needs no data key.
  const requests = deps.store.collection<ChangeRequest>(CHANGE_REQUESTS_COLLECTION);
  const report: RetentionReport = { purged: [], keptUndelivered: 0 };
  const expired = await requests.list((r) => isDecided(r) && Date.parse(decidedAt(r)) <= cutoff);
  for (const request of expired) {
    const item = await deps.outbox.get(request.deliveryKey);
    if (item && item.status !== 'delivered') {
      report.keptUndelivered += 1;
      continue;
    }
    await requests.delete(request.id);
    if (item) await deps.outbox.purgeDelivered(item.id);
    await deps.store.audit.append({
      id: randomUUID(), at: now.toISOString(), actor: 'retention', actorKind: 'system', action: 'change.purge',
      studentId: request.studentId, section: 'changes', detail: { reference: request.reference, status: request.status },
    });
    report.purged.push(request.reference);
  }
  if (expired.length > 0) {
    await deps.store.flush();
    deps.logger.info({ purged: report.purged.length, keptUndelivered: report.keptUndelivered }, 'decided corrections past their retention deleted');
  }
  return report;
}
