/**
 * Retention of absence reports (absences.retention): a report is deleted that long after the day
 * it was for, with its delivery record — once delivered. A report not yet delivered is kept: what
 * the portal promised to pass on is never purged. The audit log keeps only that it was made.
 */
import { addDays, localDateOf } from '../policy/local-time.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Store } from '../store/types.ts';
import { ABSENCE_REPORTS_COLLECTION } from './reports.ts';
import type { AbsenceReportRecord } from './types.ts';

export async function purgeOldAbsenceReports(
  deps: { store: Store; outbox: Outbox; clock: { now(): Date } }, retentionMs: number, timeZone: string,
): Promise<number> {
  const lastKept = addDays(localDateOf(deps.clock.now(), timeZone), -Math.ceil(retentionMs / 86_400_000));
  const records = deps.store.collection<AbsenceReportRecord>(ABSENCE_REPORTS_COLLECTION);
  let removed = 0;
  for (const record of await records.list((r) => r.date < lastKept)) {
    const item = await deps.outbox.get(record.deliveryKey);
    if (item && item.status !== 'delivered') continue;
    if (item) await deps.outbox.purgeDelivered(record.deliveryKey);
    await records.delete(record.id);
    removed += 1;
  }
  return removed;
}
